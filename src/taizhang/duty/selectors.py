"""Duty records: per-deputy counts from every register, measured against the quotas."""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractQuarter
from django.utils import timezone

from taizhang.duty.models import DutyEntry, DutyType, Period, Quota
from taizhang.meetings.models import (
    ActivityKind,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    Participant,
)
from taizhang.people.models import Deputy, DeputyLevel

# Meeting kinds whose roll is computed from the roster (so every eligible deputy is expected).
ROLL_KINDS = (MeetingKind.CONGRESS, MeetingKind.GROUP)
# Which activity kind also counts towards which duty type.
ACTIVITY_DUTY = {
    ActivityKind.GROUP: DutyType.GROUP_ACTIVITY,
    ActivityKind.VOTER_VISIT: DutyType.VOTER_VISIT,
}


# Only the columns the counts and the overview need: instantiating whole rows dominates.
DEPUTY_COLUMNS = ("id", "person_id", "township_id", "group_id", "level", "term", "start", "end")


def _quarter_bounds(year: int, q: int) -> tuple[date, date]:
    start = date(year, 3 * q - 2, 1)
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def _in_office(deputy: Deputy, start: date, end: date) -> bool:
    return (deputy.start is None or deputy.start <= end) and (
        deputy.end is None or deputy.end >= start
    )


def quarters_due(deputy: Deputy, year: int, today: date) -> list[int]:
    """Return the quarters of ``year`` begun by ``today`` in which the deputy held office."""
    out = []
    for q in (1, 2, 3, 4):
        start, end = _quarter_bounds(year, q)
        if start <= today and _in_office(deputy, start, end):
            out.append(q)
    return out


@dataclass
class QuotaLine:
    type: str
    period: str
    per_period: int
    required: int
    done: int
    raw: int

    @property
    def behind(self) -> bool:
        return self.done < self.required

    @property
    def label(self) -> str:
        return f"每{self.period}{self.per_period}次"


@dataclass
class DutyRecord:
    """履职档案 of one deputy for one year."""

    deputy: Deputy
    year: int
    meetings_expected: int = 0
    meetings_attended: int = 0
    activities: int = 0
    motions: int = 0
    suggestions: int = 0
    entries: dict[str, int] = field(default_factory=dict)
    lines: list[QuotaLine] = field(default_factory=list)

    @property
    def completion(self) -> float | None:
        """Mean share of each quota met, as a percentage with one decimal."""
        parts = [min(line.done / line.required, 1.0) for line in self.lines if line.required]
        if not parts:
            return None
        return round(sum(parts) * 100 / len(parts), 1)

    @property
    def complete(self) -> bool:
        return all(not line.behind for line in self.lines)

    @property
    def attendance_rate(self) -> float | None:
        if not self.meetings_expected:
            return None
        return round(self.meetings_attended * 100 / self.meetings_expected, 1)


def deputies_in_year(deputies, year: int):
    """Restrict township-level ``deputies`` to those in office at some time in ``year``."""
    return deputies.filter(level=DeputyLevel.TOWNSHIP).filter(
        Q(start__isnull=True) | Q(start__lte=date(year, 12, 31)),
        Q(end__isnull=True) | Q(end__gte=date(year, 1, 1)),
    )


def _cases_by_person(person_ids: list[int], year: int) -> dict[int, dict[str, int]]:
    try:
        from taizhang.cases.selectors import cases_submitted_by
    except ImportError:  # the cases app has not landed yet
        return {}
    return cases_submitted_by(person_ids=person_ids, year=year)


def _attendance(deputy_ids, year: int) -> tuple[dict, dict, dict]:
    """(meetings attended, marked at meetings without a computed roll, group meetings
    attended by quarter) per deputy."""
    present = defaultdict(int)
    other_expected = defaultdict(int)
    group_meetings = defaultdict(int)  # (deputy, quarter) -> group meetings attended
    for dep, kind, status, quarter, n in (
        Attendance.objects.filter(deputy_id__in=deputy_ids, meeting__date__year=year)
        .values_list("deputy_id", "meeting__kind", "status")
        .annotate(q=ExtractQuarter("meeting__date"), n=Count("id"))
        .values_list("deputy_id", "meeting__kind", "status", "q", "n")
    ):
        if kind not in ROLL_KINDS:
            other_expected[dep] += n
        if status == AttendanceStatus.PRESENT:
            present[dep] += n
            if kind == MeetingKind.GROUP:
                group_meetings[dep, quarter] += n
    return present, other_expected, group_meetings


def _activities(deputy_ids, year: int) -> tuple[dict, dict]:
    """(activities joined, activities counting as a duty by type and quarter) per deputy."""
    joined = defaultdict(int)
    by_kind = defaultdict(int)  # (deputy, duty type, quarter) -> activities counting as duty
    for dep, kind, quarter, n in (
        Participant.objects.filter(deputy_id__in=deputy_ids, activity__date__year=year)
        .values_list("deputy_id", "activity__kind")
        .annotate(q=ExtractQuarter("activity__date"), n=Count("id"))
        .values_list("deputy_id", "activity__kind", "q", "n")
    ):
        joined[dep] += n
        if kind in ACTIVITY_DUTY:
            by_kind[dep, ACTIVITY_DUTY[kind], quarter] += n
    return joined, by_kind


def _entries(person_ids, township_ids, year: int) -> dict:
    """(person, township, type, quarter) -> quantity recorded."""
    entries = defaultdict(int)
    for person, township, kind, quarter, total in (
        DutyEntry.objects.filter(
            person_id__in=person_ids, township_id__in=township_ids, date__year=year
        )
        .values_list("person_id", "township_id", "type")
        .annotate(q=ExtractQuarter("date"), s=Sum("quantity"))
        .values_list("person_id", "township_id", "type", "q", "s")
    ):
        entries[person, township, kind, quarter] += total or 0
    return entries


@dataclass
class _Counts:
    """Everything counted for the deputies of one duty_records call."""

    quotas: dict
    meetings: dict
    present: dict
    other_expected: dict
    group_meetings: dict
    joined: dict
    by_kind: dict
    entries: dict
    cases: dict


def _quota_line(rec: DutyRecord, quota: Quota, counts: _Counts, today: date) -> QuotaLine:
    d = rec.deputy

    def done_in(q: int) -> int:
        n = counts.entries.get((d.person_id, d.township_id, quota.type, q), 0)
        n += counts.by_kind.get((d.pk, quota.type, q), 0)
        if quota.type == DutyType.GROUP_MEETING:
            n += counts.group_meetings.get((d.pk, q), 0)
        return n

    per_quarter = [done_in(q) for q in range(1, 5)]
    raw = sum(per_quarter)
    if quota.type == DutyType.SUGGESTION:
        raw += rec.motions + rec.suggestions
    if quota.period == Period.QUARTER:
        due = quarters_due(d, rec.year, today)
        required = quota.required * len(due)
        done = sum(min(per_quarter[q - 1], quota.required) for q in due)
    else:
        required, done = quota.required, raw
    return QuotaLine(quota.type, quota.period, quota.required, required, done, raw)


def _record(d: Deputy, year: int, counts: _Counts, today: date) -> DutyRecord:
    rec = DutyRecord(deputy=d, year=year)
    rec.meetings_expected = counts.other_expected.get(d.pk, 0) + sum(
        1
        for _, group_id, day in counts.meetings[d.township_id]
        if (group_id is None or group_id == d.group_id) and d.in_office(day)
    )
    rec.meetings_attended = counts.present.get(d.pk, 0)
    rec.activities = counts.joined.get(d.pk, 0)
    submitted = counts.cases.get(d.person_id, {})
    rec.motions = submitted.get("议案", 0)
    rec.suggestions = submitted.get("建议", 0)
    for kind in DutyType.values:
        rec.entries[kind] = sum(
            counts.entries.get((d.person_id, d.township_id, kind, q), 0) for q in range(1, 5)
        )
    rec.lines = [_quota_line(rec, quota, counts, today) for quota in counts.quotas[d.township_id]]
    return rec


def duty_records(*, deputies, year: int, today: date | None = None) -> list[DutyRecord]:
    """Count each deputy's year from the registers; a fixed number of queries at any size."""
    today = today or timezone.localdate()
    scope = deputies_in_year(deputies, year)
    rows = list(
        scope.select_related("person", "township")
        .only(*DEPUTY_COLUMNS, "person__name", "township__name")
        .order_by("person__name")
    )
    if not rows:
        return []
    township_ids = sorted({d.township_id for d in rows})
    deputy_ids = scope.values("pk")

    quotas: dict[int, list[Quota]] = defaultdict(list)
    for quota in Quota.objects.filter(township_id__in=township_ids, year=year).order_by("id"):
        quotas[quota.township_id].append(quota)
    meetings: dict[int, list[tuple]] = defaultdict(list)
    for m in Meeting.objects.filter(
        township_id__in=township_ids, date__year=year, kind__in=ROLL_KINDS
    ).values_list("township_id", "group_id", "date"):
        meetings[m[0]].append(m)
    present, other_expected, group_meetings = _attendance(deputy_ids, year)
    joined, by_kind = _activities(deputy_ids, year)
    counts = _Counts(
        quotas=quotas,
        meetings=meetings,
        present=present,
        other_expected=other_expected,
        group_meetings=group_meetings,
        joined=joined,
        by_kind=by_kind,
        entries=_entries(scope.values("person_id"), township_ids, year),
        cases=_cases_by_person(sorted({d.person_id for d in rows}), year),
    )
    return [_record(d, year, counts, today) for d in rows]


_MEMO: ContextVar[dict | None] = ContextVar("duty_memo", default=None)


@contextmanager
def duty_memo():
    """Within this block, ``township_duty_records`` counts each township-year once (the
    summary row's duty figures and its stored duty records share one count)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def township_duty_records(township, year: int) -> list[DutyRecord]:
    """The duty records of one township's deputies, as of today (or the year's end)."""
    today = min(timezone.localdate(), date(year, 12, 31))
    memo = _MEMO.get()
    key = (township.pk, year, today)
    if memo is not None and key in memo:
        return memo[key]
    records = duty_records(deputies=Deputy.objects.filter(township=township), year=year,
                           today=today)  # fmt: skip
    if memo is not None:
        memo[key] = records
    return records


def duty_record_for(deputy: Deputy, year: int, today: date | None = None) -> DutyRecord | None:
    records = duty_records(deputies=Deputy.objects.filter(pk=deputy.pk), year=year, today=today)
    return records[0] if records else None


SORTS = {
    "completion": lambda r: (r.completion is None, r.completion or 0, r.deputy.person.name),
    "name": lambda r: r.deputy.person.name,
}


def duty_overview(
    *, deputies, year: int, sort: str = "completion", descending: bool = False, today=None
) -> list[DutyRecord]:
    """Return the duty records sorted by completion (lowest first) or by name."""
    records = duty_records(deputies=deputies, year=year, today=today)
    key = SORTS.get(sort, SORTS["completion"])
    return sorted(records, key=key, reverse=descending)


def liaison_summary(*, township, year: int) -> dict:
    """Contacts by way (with ids) and the deputies in office with no contact in ``year``."""
    from taizhang.duty.models import LiaisonContact

    contacts = LiaisonContact.objects.filter(township=township, date__year=year)
    by_way: dict[str, list[int]] = defaultdict(list)
    for pk, way in contacts.values_list("pk", "way").order_by("pk"):
        by_way[way].append(pk)
    in_year = deputies_in_year(Deputy.objects.filter(township=township), year)
    uncontacted = in_year.exclude(pk__in=contacts.values("deputy_id")).select_related("person")
    return {
        "total": [pk for ids in by_way.values() for pk in ids],
        "by_way": dict(by_way),
        "contacted": sorted(set(contacts.values_list("deputy_id", flat=True))),
        "uncontacted": list(uncontacted.order_by("person__name")),
    }


def publicity_by_level(*, township, year: int) -> dict[str, list[int]]:
    from taizhang.duty.models import PublicityPiece

    out: dict[str, list[int]] = defaultdict(list)
    for pk, level in (
        PublicityPiece.objects.filter(township=township, date__year=year)
        .values_list("pk", "level")
        .order_by("pk")
    ):
        out[level].append(pk)
    return dict(out)


def publicity_titles(*, township, year: int, limit: int = 3) -> list[str]:
    """Titles of the pieces taken up above the township: the province's first, then the
    city's and the county's, each by date."""
    from taizhang.duty.models import PublicityLevel, PublicityPiece

    order = (PublicityLevel.PROVINCE, PublicityLevel.CITY, PublicityLevel.COUNTY)
    pieces = (
        PublicityPiece.objects.filter(township=township, date__year=year, level__in=order)
        .order_by("date", "pk")
        .values_list("level", "title")
    )
    ranked = sorted(pieces, key=lambda piece: order.index(piece[0]))
    return [title for _, title in ranked[:limit]]


def expense_summary(*, township, year: int) -> dict:
    """Total spending and spending per purpose, in yuan, with the row ids."""
    from taizhang.duty.models import Expense

    rows = Expense.objects.filter(township=township, date__year=year)
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    total = rows.aggregate(s=Sum("amount"))["s"] or 0
    by_purpose = list(
        rows.values("purpose").annotate(s=Sum("amount"), n=Count("id")).order_by("-s")
    )
    return {"ids": ids, "total": total, "by_purpose": by_purpose}
