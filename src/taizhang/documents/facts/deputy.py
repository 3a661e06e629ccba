"""Facts of a deputy's report to voters, from the roll, activities, cases and duty entries."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from taizhang.cases.models import CaseSponsor
from taizhang.cases.selectors import cases_submitted_by
from taizhang.documents.facts import add_texts
from taizhang.duty.models import DutyEntry, DutyType, Quota
from taizhang.figures.registry import fact
from taizhang.meetings.models import ActivityKind, Attendance, MeetingKind, Participant
from taizhang.writer.facts import Facts

ACTIVITY_KEYS = {
    ActivityKind.INSPECTION: "inspections",
    ActivityKind.LAW_CHECK: "inspections",
    ActivityKind.EVALUATION: "evaluations",
    ActivityKind.REPORT_BACK: "evaluations",
    ActivityKind.RESEARCH: "research",
    ActivityKind.TRAINING: "trainings",
    ActivityKind.GROUP: "group_activities",
}
DUTY_LABELS = {
    DutyType.REFLECTION: "撰写履职心得体会",
    DutyType.HELP: "结对帮扶困难群众",
    DutyType.VOTER_VISIT: "走访联系选民",
    DutyType.GROUP_ACTIVITY: "参加小组活动",
    DutyType.OTHER: "开展其他履职活动",
}
DUTY_UNITS = {DutyType.REFLECTION: "篇", DutyType.HELP: "户", DutyType.VOTER_VISIT: "次"}


def deputy_facts(person, year: int, inputs: dict) -> Facts:
    f = Facts(kind="deputy", subject=person.name, year=year)
    mandate = person.mandates.select_related("township", "district").order_by("-start").first()
    f.attributes.update(name=person.name, document_date=f"{year}-12-28")
    if mandate is not None:
        f.attributes.update(township=mandate.township.name, term=mandate.term)
        if mandate.district_id:
            f.attributes["district"] = mandate.district.name
    mandates = list(person.mandates.values_list("id", flat=True))
    m = f.section("meetings")
    rolls = Attendance.objects.filter(deputy_id__in=mandates, meeting__date__year=year)
    sessions = rolls.filter(meeting__kind=MeetingKind.CONGRESS)
    m.add(
        fact(
            "meetings.sessions_expected",
            "应出席人代会",
            sessions.values_list("id", flat=True),
            "次",
            model="meetings.Attendance",
            keywords=("应出席",),
        )
    )
    m.add(
        fact(
            "meetings.sessions_attended",
            "出席人代会",
            sessions.filter(status="出席").values_list("id", flat=True),
            "次",
            model="meetings.Attendance",
            keywords=("出席",),
        )
    )
    groups = rolls.filter(meeting__kind=MeetingKind.GROUP, status="出席")
    m.add(
        fact(
            "meetings.group_meetings",
            "参加代表小组会议",
            groups.values_list("id", flat=True),
            "次",
            model="meetings.Attendance",
            keywords=("小组会议",),
        )
    )
    township_id = mandate.township_id if mandate else None
    quotas = {q.type: q for q in Quota.objects.filter(township_id=township_id, year=year)}
    group_quota = quotas.get(DutyType.GROUP_MEETING)
    if group_quota:
        required = group_quota.required * (4 if group_quota.period == "季度" else 1)
        m.add(
            fact(
                "meetings.group_meetings_required",
                "小组会议要求",
                [group_quota.pk],
                "次",
                model="duty.Quota",
                value=required,
            )
        )
    a = f.section("activities")
    joined = (
        Participant.objects.filter(deputy_id__in=mandates, activity__date__year=year)
        .values("activity__kind")
        .annotate(n=Count("id"))
    )
    per_key: dict[str, list[int]] = {}
    for row in joined:
        key = ACTIVITY_KEYS.get(row["activity__kind"])
        if key:
            ids = Participant.objects.filter(
                deputy_id__in=mandates,
                activity__date__year=year,
                activity__kind=row["activity__kind"],
            )
            per_key.setdefault(key, []).extend(ids.values_list("activity_id", flat=True))
    labels = {
        "inspections": "参加视察检查",
        "evaluations": "参加评议测评",
        "research": "参加调研",
        "trainings": "参加学习培训",
        "group_activities": "参加代表小组活动",
    }
    for key, ids in per_key.items():
        a.add(fact(f"activities.{key}", labels[key], ids, "次", model="meetings.Activity"))
    s = f.section("suggestions")
    counts = cases_submitted_by(person_ids=[person.pk], year=year).get(person.pk, {})
    sponsored = CaseSponsor.objects.filter(person=person, case__registered__year=year)
    s.add(
        fact(
            "suggestions.submitted",
            "提出建议",
            sponsored.filter(case__kind="建议", case__converted_from_motion=False).values_list(
                "case_id", flat=True
            ),
            "件",
            model="cases.Case",
            value=counts.get("建议"),
            keywords=("建议",),
        )
    )
    s.add(
        fact(
            "suggestions.motions_joined",
            "联名提出议案",
            sponsored.filter(
                Q(case__converted_from_motion=True) | Q(case__kind="议案")
            ).values_list("case_id", flat=True),
            "件",
            model="cases.Case",
            value=counts.get("议案"),
            keywords=("议案",),
        )
    )
    d = f.section("duties")
    entries = (
        DutyEntry.objects.filter(person=person, date__year=year)
        .exclude(type__in=[DutyType.GROUP_MEETING, DutyType.SUGGESTION])
        .values("type")
        .annotate(q=Sum("quantity"))
    )
    for row in entries:
        t = row["type"]
        ids = DutyEntry.objects.filter(person=person, date__year=year, type=t)
        d.add(
            fact(
                f"duties.{t}",
                DUTY_LABELS.get(t, t),
                ids.values_list("id", flat=True),
                DUTY_UNITS.get(t, "次"),
                model="duty.DutyEntry",
                value=row["q"],
            )
        )
        if t in quotas:
            d.add(
                fact(
                    f"duties.{t}_required",
                    "年度要求",
                    [quotas[t].pk],
                    DUTY_UNITS.get(t, "次"),
                    model="duty.Quota",
                    value=quotas[t].required,
                )
            )
    add_texts(f, inputs)
    return f
