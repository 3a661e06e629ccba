"""Meeting and activity figures: sessions, attendance, activities, satisfaction, opinions."""

from __future__ import annotations

from django.db.models import Count

from taizhang.figures.registry import fact, register
from taizhang.meetings.models import (
    Activity,
    ActivityKind,
    AgendaKind,
    AgendaOutcome,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    Participant,
    Rating,
)
from taizhang.meetings.selectors import (
    attendance_summary,
    expected_deputies,
    expected_of,
    meetings_with_attendance,
    percent,
    rating_totals,
    session_held,
)

MEETING_KEYS = {
    MeetingKind.CONGRESS: ("sessions", "召开人代会", ("人代会", "人民代表大会")),
    MeetingKind.PRESIDIUM: ("presidium_meetings", "召开主席团会议", ("主席团会议",)),
    MeetingKind.GROUP: ("group_meetings", "代表小组会议", ("小组会议",)),
    MeetingKind.ASSIGNMENT: ("assignment_meetings", "召开交办会", ("交办会",)),
    MeetingKind.OTHER: ("other_meetings", "其他会议", ()),
}
KIND_KEYS = {
    ActivityKind.INSPECTION: "inspection",
    ActivityKind.RESEARCH: "research",
    ActivityKind.LAW_CHECK: "law_check",
    ActivityKind.EVALUATION: "evaluation",
    ActivityKind.REPORT_BACK: "report_back",
    ActivityKind.TRAINING: "training",
    ActivityKind.GROUP: "group_activity",
    ActivityKind.VOTER_VISIT: "voter_visit",
    ActivityKind.OTHER: "other",
}
# Model labels of the records each figure counts (its sources).
MEETING = "meetings.Meeting"
ATTENDANCE = "meetings.Attendance"
PARTICIPANT = "meetings.Participant"
RATING = "meetings.Rating"
DEPUTY = "people.Deputy"


def _session_facts(prefix: str, session: Meeting) -> list:
    expected = list(expected_deputies(session).values_list("pk", flat=True))
    present = list(
        Attendance.objects.filter(
            meeting=session, status=AttendanceStatus.PRESENT, deputy_id__in=expected
        ).values_list("pk", flat=True)
    )
    leave = list(
        Attendance.objects.filter(meeting=session, status=AttendanceStatus.LEAVE).values_list(
            "pk", flat=True
        )
    )
    approved = list(
        session.agenda.filter(outcome=AgendaOutcome.PASSED, kind=AgendaKind.REPORT).values_list(
            "pk", flat=True
        )
    )
    summary = attendance_summary(session)
    # No roll called yet: the rate is unknown, not 0 %.
    rate = percent(len(present), len(expected)) if summary.marked else None
    held = [session.pk] if session_held(session, summary) else []
    return [
        fact(
            f"{prefix}.held",
            "依法召开（宣布开会且出席超过三分之二）",
            held,
            "次",
            model=MEETING,
        ),
        fact(f"{prefix}.expected", "应到代表", expected, "名", model=DEPUTY, keywords=("应到",)),
        fact(f"{prefix}.present", "实到代表", present, "名", model=ATTENDANCE, keywords=("实到",)),
        fact(f"{prefix}.leave", "请假代表", leave, "名", model=ATTENDANCE, keywords=("请假",)),
        fact(
            f"{prefix}.rate",
            "出席率",
            present,
            "%",
            model=ATTENDANCE,
            value=rate,
            keywords=("出席率",),
        ),
        fact(
            f"{prefix}.reports_approved",
            "审议通过报告",
            approved,
            "项",
            model="meetings.AgendaItem",
            keywords=("审议通过",),
        ),
    ]


def meetings_by_kind(meetings) -> dict[str, list[int]]:
    """Return the ids of ``meetings`` per kind, by date: what every meeting count reads."""
    by_kind: dict[str, list[int]] = {}
    for pk, kind in meetings.values_list("pk", "kind").order_by("date", "pk"):
        by_kind.setdefault(kind, []).append(pk)
    return by_kind


def _meeting_figures(township, year: int) -> list:
    meetings = Meeting.objects.filter(township=township, date__year=year)
    out = []
    by_kind = meetings_by_kind(meetings)
    for kind, (key, label, words) in MEETING_KEYS.items():
        out.append(fact(f"meetings.{key}", label, by_kind.get(kind, []), "次", model=MEETING,
                        keywords=words))  # fmt: skip
    sessions = list(meetings.filter(kind=MeetingKind.CONGRESS).order_by("date", "pk"))
    for n, session in enumerate(sessions, start=1):
        out.extend(_session_facts(f"meetings.session.{n}", session))
    if sessions:  # the year's (first) session under plain keys, for documents
        out.extend(_session_facts("meetings.session", sessions[0]))
    rolled = meetings_with_attendance(
        meetings.filter(kind__in=[MeetingKind.CONGRESS, MeetingKind.GROUP])
    )
    expected_total = sum(expected_of(m) for m in rolled)
    present_ids = list(
        Attendance.objects.filter(
            meeting__in=rolled.values("pk"), status=AttendanceStatus.PRESENT
        ).values_list("pk", flat=True)
    )
    rolled_ids = [m.pk for m in rolled]
    out += [
        fact("meetings.attendance.expected", "全年会议应到人次", rolled_ids, "人次", model=MEETING,
             value=expected_total),
        fact("meetings.attendance.present", "全年会议实到人次", present_ids, "人次", model=ATTENDANCE),
        fact("meetings.attendance.rate", "全年会议出席率", present_ids, "%", model=ATTENDANCE,
             value=percent(len(present_ids), expected_total), keywords=("出席率",)),
    ]  # fmt: skip
    return out


def _opinion_facts(prefix: str, label: str, activity_ids: list[int]) -> list:
    from taizhang.cases.selectors import opinion_counts

    counts = opinion_counts(source_type="meetings.Activity", source_ids=activity_ids)
    case_ids = [cid for c in counts.values() for cid in c["case_ids"]]
    open_ids = [cid for c in counts.values() for cid in c["open_ids"]]
    closed = sum(c["closed"] for c in counts.values())
    return [
        fact(f"{prefix}.opinions", f"{label}意见", case_ids, "条", model="cases.Case",
             keywords=(f"{label}意见", "意见")),
        fact(f"{prefix}.opinions_closed", f"{label}意见办结", case_ids, "条",
             model="cases.Case", value=closed, keywords=("整改", "办结")),
        fact(f"{prefix}.opinions_open", f"尚未整改到位的{label}意见", open_ids, "条",
             model="cases.Case", keywords=("未整改",)),
    ]  # fmt: skip


def _activity_figures(township, year: int) -> list:
    activities = Activity.objects.filter(township=township, date__year=year)
    out = [fact("activities.total", "开展活动", activities.values_list("pk", flat=True), "次",
                model="meetings.Activity", keywords=("活动",))]  # fmt: skip
    participations = Participant.objects.filter(activity__in=activities.values("pk"))
    out.append(fact("activities.deputies", "参加活动代表", set(
        participations.values_list("deputy_id", flat=True)), "名", model=DEPUTY))  # fmt: skip
    out.append(fact("activities.person_times", "参加活动代表人次",
                    participations.values_list("pk", flat=True), "人次", model=PARTICIPANT,
                    keywords=("人次",)))  # fmt: skip
    kinds = dict(activities.values_list("kind").annotate(n=Count("id")))
    for kind, key in KIND_KEYS.items():
        ids = list(activities.filter(kind=kind).values_list("pk", flat=True))
        if not kinds.get(kind):
            continue
        prefix = f"activities.{key}"
        joined = participations.filter(activity__kind=kind)
        out.append(fact(f"{prefix}.count", kind, ids, "次", model="meetings.Activity",
                        keywords=(kind,)))  # fmt: skip
        out.append(fact(f"{prefix}.deputies", f"参加{kind}代表", set(
            joined.values_list("deputy_id", flat=True)), "名", model=DEPUTY))  # fmt: skip
        out.append(fact(f"{prefix}.person_times", f"参加{kind}代表人次",
                        joined.values_list("pk", flat=True), "人次", model=PARTICIPANT))  # fmt: skip
        ratings = Rating.objects.filter(activity__in=ids)
        rating_ids = list(ratings.values_list("pk", flat=True))
        if rating_ids:
            totals = rating_totals(ratings)
            out.append(fact(f"{prefix}.raters", f"{kind}参加测评人数", rating_ids, "人",
                            model=RATING, value=totals["total"]))  # fmt: skip
            out.append(fact(f"{prefix}.satisfaction", f"{kind}满意率", rating_ids, "%", model=RATING,
                            value=totals["rate"], keywords=("满意率", "满意度")))  # fmt: skip
        if kind in (ActivityKind.EVALUATION, ActivityKind.INSPECTION, ActivityKind.REPORT_BACK,
                    ActivityKind.RESEARCH, ActivityKind.LAW_CHECK):  # fmt: skip
            out.extend(_opinion_facts(prefix, kind, ids))
    out.extend(_opinion_facts("activities", "", list(activities.values_list("pk", flat=True))))
    return out


@register("meetings")
def meeting_figures(township, year: int) -> list:
    """Sessions, attendance per session and year, activities, satisfaction, opinions."""
    return _meeting_figures(township, year) + _activity_figures(township, year)
