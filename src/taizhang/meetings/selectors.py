"""Reads across meetings and activities: the roll, attendance, ratings, opinions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from taizhang.meetings.models import (
    Activity,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    Rating,
)
from taizhang.people.models import Deputy, DeputyLevel


def percent(part: int, whole: int) -> float | None:
    """Return part/whole as a percentage rounded to one decimal, or None when whole is 0."""
    if not whole:
        return None
    return round(part * 100 / whole, 1)


def format_percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def eligible_deputies(*, township, day: date, group=None):
    """Return the township-level deputies of ``township`` (or ``group``) in office on ``day``."""
    qs = Deputy.objects.filter(township=township, level=DeputyLevel.TOWNSHIP).in_office_on(day)
    if group is not None:
        qs = qs.filter(group=group)
    return qs


def expected_deputies(meeting: Meeting):
    """Return the deputies expected at ``meeting``: computed from the roster, never typed."""
    return eligible_deputies(township=meeting.township, day=meeting.date, group=meeting.group)


@dataclass
class RollRow:
    deputy: Deputy
    attendance: Attendance | None

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else ""


@dataclass
class AttendanceSummary:
    expected: int
    present: int
    leave: int
    absent: int
    unmarked: int

    @property
    def marked(self) -> bool:
        """Whether the roll has been called at all (anyone marked present, on leave, absent)."""
        return self.present + self.leave + self.absent > 0

    @property
    def rate(self) -> float | None:
        return percent(self.present, self.expected) if self.marked else None

    @property
    def rate_text(self) -> str:
        return format_percent(self.rate)

    @property
    def quorum(self) -> bool:
        """More than two thirds of the expected deputies are present."""
        return self.expected > 0 and self.present * 3 > self.expected * 2

    @property
    def majority(self) -> int:
        """Smallest number of votes that is more than half of all deputies."""
        return self.expected // 2 + 1


def meeting_roll(meeting: Meeting) -> list[RollRow]:
    """Return every expected deputy with their attendance row (two queries)."""
    deputies = list(
        expected_deputies(meeting).select_related("person", "group").order_by("person__name")
    )
    marks = {a.deputy_id: a for a in meeting.attendances.all()}
    return [RollRow(d, marks.get(d.pk)) for d in deputies]


def attendance_summary(meeting: Meeting) -> AttendanceSummary:
    """Count expected, present, on leave and absent for one meeting."""
    expected_ids = expected_deputies(meeting).values("pk")
    counts = dict(
        meeting.attendances.filter(deputy__in=expected_ids)
        .values_list("status")
        .annotate(n=Count("id"))
    )
    expected = expected_deputies(meeting).count()
    present = counts.get(AttendanceStatus.PRESENT, 0)
    leave = counts.get(AttendanceStatus.LEAVE, 0)
    absent = counts.get(AttendanceStatus.ABSENT, 0)
    return AttendanceSummary(
        expected, present, leave, absent, max(expected - present - leave - absent, 0)
    )


def session_held(meeting: Meeting, summary: AttendanceSummary | None = None) -> bool:
    """Return whether a congress session was lawfully held: declared open with a quorum.

    The one truth documents read before saying a session 召开了: a session with fewer than
    two thirds of the deputies present, or never declared open, was not held.
    """
    if meeting.kind != MeetingKind.CONGRESS or not meeting.opened:
        return False
    return (summary or attendance_summary(meeting)).quorum


def meetings_with_attendance(meetings):
    """Annotate each meeting with ``n_expected`` and ``n_present`` in SQL."""
    base = Deputy.objects.filter(township=OuterRef("township"), level=DeputyLevel.TOWNSHIP).filter(
        Q(start__isnull=True) | Q(start__lte=OuterRef("date")),
        Q(end__isnull=True) | Q(end__gte=OuterRef("date")),
    )
    all_count = base.values("township").annotate(c=Count("id")).values("c")
    group_count = (
        base.filter(group=OuterRef("group")).values("township").annotate(c=Count("id")).values("c")
    )
    return meetings.annotate(
        n_all=Coalesce(Subquery(all_count, output_field=IntegerField()), 0),
        n_group=Coalesce(Subquery(group_count, output_field=IntegerField()), 0),
        n_present=Count("attendances", filter=Q(attendances__status=AttendanceStatus.PRESENT)),
        n_marked=Count("attendances"),
    )


def expected_of(meeting) -> int:
    """Expected count of a meeting annotated by ``meetings_with_attendance``."""
    return meeting.n_group if meeting.group_id else meeting.n_all


def rating_totals(ratings) -> dict:
    """Sum the satisfaction counts of ``ratings`` and give the rate (满意+基本满意)."""
    row = ratings.aggregate(
        s=Coalesce(Sum("satisfied"), 0),
        b=Coalesce(Sum("basic"), 0),
        u=Coalesce(Sum("unsatisfied"), 0),
    )
    total = row["s"] + row["b"] + row["u"]
    return {
        "satisfied": row["s"],
        "basic": row["b"],
        "unsatisfied": row["u"],
        "total": total,
        "rate": percent(row["s"] + row["b"], total),
    }


def activity_participants(activity: Activity):
    return (
        Deputy.objects.filter(participations__activity=activity)
        .select_related("person")
        .order_by("person__name")
    )


def activity_opinions(activity: Activity) -> dict:
    """Return {"assigned", "closed", "case_ids"} from the cases register."""
    try:
        from taizhang.cases.selectors import opinion_counts
    except ImportError:  # the cases app has not landed yet
        return {"assigned": 0, "closed": 0, "case_ids": []}
    counts = opinion_counts(source_type="meetings.Activity", source_ids=[activity.pk])
    return counts.get(activity.pk, {"assigned": 0, "closed": 0, "case_ids": [], "open_ids": []})


def ratings_of(activity: Activity):
    return Rating.objects.filter(activity=activity).select_related("subject_unit")
