"""Facts of a deputy's report to voters, read through the duty record the deputy's card shows."""

from __future__ import annotations

from taizhang.cases.models import CLOSED_STATES, Case, CaseKind, CaseSponsor
from taizhang.cases.selectors import opinion_counts
from taizhang.documents.facts import add_texts
from taizhang.documents.facts.presidium import VERB
from taizhang.documents.facts.records import clip, outcome_of
from taizhang.duty.models import DutyEntry, DutyType
from taizhang.duty.selectors import duty_record_for
from taizhang.figures.registry import fact
from taizhang.meetings.models import (
    ActivityKind,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    MeetingKind,
    Participant,
    Rating,
)
from taizhang.people.models import Deputy, DeputyLevel
from taizhang.writer.facts import Facts

# What the deputy joined, as the writer names it (the activity's topic follows).
ACTIVITY_WORDS = {
    ActivityKind.INSPECTION: "视察",
    ActivityKind.LAW_CHECK: "执法检查",
    ActivityKind.RESEARCH: "调研",
    ActivityKind.EVALUATION: "评议",
    ActivityKind.TRAINING: "学习培训",
    ActivityKind.GROUP: "代表小组活动",
    ActivityKind.VOTER_VISIT: "走访选民",
    ActivityKind.REPORT_BACK: "述职",
}
NAMED_KINDS = (
    ActivityKind.INSPECTION,
    ActivityKind.LAW_CHECK,
    ActivityKind.RESEARCH,
    ActivityKind.EVALUATION,
    ActivityKind.TRAINING,
)
GROUP_WORDS = ("小组活动", "小组集中活动", "小组组织的活动", "本组代表活动")
A, C, E = "meetings.Attendance", "cases.Case", "duty.DutyEntry"


def _mandate(person, year: int) -> Deputy | None:
    mandates = Deputy.objects.filter(person=person).select_related("township", "district")
    township_level = mandates.filter(level=DeputyLevel.TOWNSHIP).order_by("-start").first()
    return township_level or mandates.order_by("-start").first()


def _meetings(f: Facts, deputy: Deputy, record, year: int) -> None:
    m = f.section("meetings")
    rolls = Attendance.objects.filter(deputy=deputy, meeting__date__year=year)
    sessions = rolls.filter(meeting__kind=MeetingKind.CONGRESS)
    m.add(fact("meetings.sessions_expected", "应出席人代会", sessions.values_list("id", flat=True),
               "次", model=A, keywords=("应出席",)))  # fmt: skip
    m.add(fact("meetings.sessions_attended", "出席人代会", sessions.filter(
        status=AttendanceStatus.PRESENT).values_list("id", flat=True), "次", model=A,
        keywords=("出席人代会",)))  # fmt: skip
    groups = rolls.filter(meeting__kind=MeetingKind.GROUP, status=AttendanceStatus.PRESENT)
    m.add(fact("meetings.group_meetings", "参加代表小组会议", groups.values_list("id", flat=True),
               "次", model=A, keywords=("小组会议",)))  # fmt: skip
    session = sessions.select_related("meeting").order_by("meeting__date").first()
    if session is not None:
        m.attributes["session_name"] = session.meeting.full_title
        m.attributes["session_date"] = session.meeting.date.isoformat()
        if session.status == AttendanceStatus.PRESENT:
            items = AgendaItem.objects.filter(meeting=session.meeting, kind="报告")
            m.texts["reports"] = [
                VERB.sub("", t) for t in items.order_by("seq").values_list("title", flat=True)
            ][:4]


def _cases(f: Facts, person, record, year: int) -> None:
    """Motions joined and suggestions made: the duty record's counts, told by title."""
    sponsored = (
        CaseSponsor.objects.filter(
            person=person, case__registered__year=year,
            case__kind__in=[CaseKind.MOTION, CaseKind.SUGGESTION],
        )
        .select_related("case", "case__handling_unit")
        .order_by("case__registered", "case_id")
    )  # fmt: skip
    motions = [sp for sp in sponsored if sp.case.kind == CaseKind.MOTION
               or sp.case.converted_from_motion]  # fmt: skip
    own = [sp for sp in sponsored if sp not in motions]
    for sp in motions:
        _case_section(f, f"motion:{sp.case_id}", sp)
    for sp in own:
        _case_section(f, f"suggestion:{sp.case_id}", sp)
    s = f.section("suggestions")
    s.add(fact("suggestions.motions_joined", "联名提出议案", [sp.case_id for sp in motions], "件",
               model=C, value=record.motions if record else None, keywords=("议案",)))  # fmt: skip
    registered = [sp.case_id for sp in own]
    entries = DutyEntry.objects.filter(person=person, date__year=year, type=DutyType.SUGGESTION)
    entry_ids = list(entries.order_by("date", "id").values_list("id", flat=True))
    s.add(fact("suggestions.registered", "经主席团交办的建议", registered, "件", model=C,
               value=record.suggestions if record else None))  # fmt: skip
    recorded = record.entries.get(DutyType.SUGGESTION, 0) if record else len(entry_ids)
    s.add(fact("suggestions.recorded", "登记在履职记录中的建议", entry_ids, "件", model=E,
               value=recorded))  # fmt: skip
    total = (record.suggestions if record else len(registered)) + recorded
    s.add(fact("suggestions.submitted", "提出建议", [*registered, *entry_ids], "件", model=C,
               value=total, keywords=("建议",)))  # fmt: skip
    s.texts["recorded"] = [clip(c).removeprefix("反映") for c in entries.order_by(
        "date", "id").values_list("content", flat=True) if clip(c)][:3]  # fmt: skip


def _case_section(f: Facts, key: str, sponsor) -> None:
    case = sponsor.case
    s = f.section(key)
    s.attributes.update(
        title=case.title,
        lead="yes" if sponsor.is_lead else "",
        outcome=outcome_of(case.state, case.redo_count),
        unit=case.handling_unit.name if case.handling_unit_id else "",
        answer=clip(case.answer_text),
        satisfaction=case.satisfaction,
    )
    s.add(fact(f"{key}.record", case.title, [case.pk], "件", model=C))


def _activities(f: Facts, deputy: Deputy, record, year: int) -> None:
    joined = list(
        Participant.objects.filter(deputy=deputy, activity__date__year=year)
        .select_related("activity", "activity__unit")
        .order_by("activity__date", "activity_id")
    )
    a = f.section("activities")
    a.add(fact("activities.joined", "参加活动", [p.activity_id for p in joined], "次",
               model="meetings.Activity", value=record.activities if record else None,
               keywords=("参加活动", "代表活动", "各类代表活动")))  # fmt: skip
    named = [p.activity for p in joined if p.activity.kind in NAMED_KINDS]
    a.texts["named"] = [f"{x.date.month}月{x.date.day}日|{ACTIVITY_WORDS[x.kind]}|{x.topic}"
                        for x in named[:6]]  # fmt: skip
    _joined(f, named[:4])
    groups = [p.activity_id for p in joined if p.activity.kind == ActivityKind.GROUP]
    a.add(fact("activities.group_activities", "参加代表小组活动", groups, "次",
               model="meetings.Activity", keywords=GROUP_WORDS))  # fmt: skip


def _joined(f: Facts, activities: list) -> None:
    """One ``joined:<id>`` section per named activity: what was done and what came of it."""
    opinions = opinion_counts(
        source_type="meetings.Activity", source_ids=[x.pk for x in activities]
    )
    for x in activities:
        s = f.section(f"joined:{x.pk}")
        s.attributes.update(date=x.date.isoformat(), act=ACTIVITY_WORDS[x.kind], topic=x.topic)
        if x.summary:
            s.texts["summary"] = [clip(x.summary)]
        ids = opinions.get(x.pk, {}).get("case_ids", [])
        rows = list(Case.objects.filter(id__in=ids).order_by("id").values_list(
            "title", "state", "answer_text"))  # fmt: skip
        s.texts["opinions"] = [r[0] for r in rows][:3]
        s.texts["rectification"] = [clip(r[2]) for r in rows if r[2] and r[1] in CLOSED_STATES][:2]
        if rows and len(s.texts["rectification"]) < len(rows):
            s.attributes["open"] = "yes"


def _voters(f: Facts, person, deputy: Deputy, year: int) -> None:
    v = f.section("voters")
    for kind, name, label, unit in (
        (DutyType.VOTER_VISIT, "visits", "走访选民", "次"),
        (DutyType.HELP, "helped", "结对帮扶困难群众", "户"),
        (DutyType.REFLECTION, "reflections", "撰写履职体会", "篇"),
    ):
        rows = DutyEntry.objects.filter(person=person, date__year=year, type=kind).order_by("date")
        total = sum(r.quantity for r in rows)
        v.add(fact(f"voters.{name}", label, [r.pk for r in rows], unit, model=E, value=total))
        v.texts[name] = [clip(r.content).removeprefix("撰写") for r in rows if clip(r.content)][:3]
    rating = (
        Rating.objects.filter(subject_deputy=deputy, activity__date__year=year)
        .select_related("activity")
        .order_by("activity__date")
        .first()
    )
    if rating is not None:
        v.attributes["report_back_date"] = rating.activity.date.isoformat()
        for name, value, word in (("satisfied", rating.satisfied, "满意"),
                                  ("basically_satisfied", rating.basic, "基本满意"),
                                  ("unsatisfied", rating.unsatisfied, "不满意")):  # fmt: skip
            v.add(fact(f"voters.{name}", word, [rating.pk], "票", model="meetings.Rating",
                       value=value, keywords=(word,)))  # fmt: skip


def deputy_facts(person, year: int, inputs: dict) -> Facts:
    """Return the facts of ``person``'s report to voters for ``year``."""
    f = Facts(kind="deputy", subject=person.name, year=year)
    f.attributes["name"] = person.name
    f.names.add(person.name)
    deputy = _mandate(person, year)
    record = duty_record_for(deputy, year) if deputy is not None else None
    if deputy is not None:
        township = deputy.township.name
        f.attributes.update(
            township=township,
            tier="镇" if township.endswith("镇") else "乡",
            term=deputy.term,
            level=deputy.level,
        )
        if deputy.district_id:
            f.attributes["district"] = deputy.district.name
        if deputy.start:
            f.attributes["since"] = deputy.start.isoformat()
        if deputy.is_info_officer:
            f.attributes["info_officer"] = "yes"
        _meetings(f, deputy, record, year)
        _activities(f, deputy, record, year)
        _voters(f, person, deputy, year)
    _cases(f, person, record, year)
    add_texts(f, inputs)
    return f
