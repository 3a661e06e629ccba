"""Presidium facts of the deputies' work and liaison, the year's problems and next year's tasks."""

from __future__ import annotations

from dataclasses import replace

from taizhang.cases.models import Case
from taizhang.core.models import OrgKind, OrgUnit
from taizhang.documents.facts.activities import JOINED_WORDS
from taizhang.documents.facts.common import take as _take
from taizhang.documents.facts.records import OTHER_TOPIC
from taizhang.duty.figures import WAY_KEYS
from taizhang.meetings.models import Activity, ActivityKind, Meeting, MeetingKind
from taizhang.writer.facts import Fact, Facts

CHINESE = "零一二三四五六七八九十"
# Words the problem sentences use next to an open count (the checker's ledger keywords).
OPEN_WORDS = (
    "未办结",
    "没有办结",
    "未整改",
    "没有整改",
    "尚未",
    "还有",
    "仍有",
    "尚有",
    "另有",
    "其余",
)
WAY_WORDS = ("联系", "走访", "看望", "慰问", "上门", "入户", "电话", "短信")


def _ids(fact: Fact | None) -> list[int]:
    return [int(s.split(":")[1]) for s in fact.sources] if fact else []


def deputy_work_facts(f: Facts, reg: dict[str, Fact], township, year: int) -> None:
    """Groups, group activities, liaison by way: the presidium's service to deputies."""
    s = f.section("liaison")
    _take(s, "deputies", reg.get("roster.deputies"), "在任代表")
    _take(s, "groups", reg.get("roster.groups"), "代表小组")
    _take(s, "group_activities", reg.get("activities.group_activity.count"), "代表小组活动",
          ("活动",))  # fmt: skip
    _take(s, "group_person_times", reg.get("activities.group_activity.person_times"), "",
          JOINED_WORDS)  # fmt: skip
    _take(s, "contacts", reg.get("duty.liaison.total"), "联系代表", WAY_WORDS)
    _take(s, "contacted", reg.get("duty.liaison.contacted"), "联系到的代表",
          ("联系到", "涉及代表", "覆盖代表", "共联系到"))  # fmt: skip
    for way, key in WAY_KEYS.items():
        _take(s, f"way_{key}", reg.get(f"duty.liaison.{key}"), way, WAY_WORDS)
    _take(s, "voter_visits", reg.get("activities.voter_visit.count"), "走访选民活动",
          ("走访选民", *WAY_WORDS))  # fmt: skip
    d = f.section("duty")
    for name, key, label, words in (
        ("visits", "duty.entries.voter_visit", "履职登记的走访选民", ("走访选民",)),
        ("helped", "duty.entries.help", "履职登记的帮扶", ("帮扶困难群众",)),
        ("suggestions", "duty.entries.suggestion", "履职登记的意见建议", ("意见建议",)),
        ("reflections", "duty.entries.reflection", "履职登记的心得体会", ("心得体会",)),
        ("complete", "duty.deputies_complete", "完成全部履职要求的代表", ("完成",)),
        ("quotas", "duty.quotas", "履职要求项目", ("履职要求",)),
    ):
        _take(d, name, reg.get(key), label)
        if f"duty.{name}" in d.facts:  # only its own words: 帮扶 alone also names liaison
            d.facts[f"duty.{name}"] = replace(d.facts[f"duty.{name}"], keywords=words)
    if "duty.reflections" in d.facts:  # one entry is one piece written
        d.facts["duty.reflections"] = replace(d.facts["duty.reflections"], unit="篇")
    plan = f.section("plan")
    _take(plan, "person_times", reg.get("activities.person_times"), "参加活动代表人次",
          ("人次", "累计"))  # fmt: skip
    _take(plan, "opinions", reg.get("activities.opinions"), "活动形成的意见", ("意见",))
    _take(plan, "opinions_closed", reg.get("activities.opinions_closed"), "活动意见整改办结",
          ("整改", "落实", "办结"))  # fmt: skip


def _next_session(township, year: int) -> str:
    """Name the next session after this year's, e.g. 第十四届人民代表大会第八次会议."""
    session = (
        Meeting.objects.filter(township=township, date__year=year, kind=MeetingKind.CONGRESS)
        .order_by("-date")
        .first()
    )
    if session is None or not session.term or not session.session:
        return ""
    number = session.session.removeprefix("第").removesuffix("次")
    if len(number) != 1 or number not in CHINESE[1:10]:
        return ""
    nxt = CHINESE.index(number) + 1
    return f"{session.term}人民代表大会第{CHINESE[nxt]}次会议"


def problem_facts(f: Facts, reg: dict[str, Fact], township, year: int) -> None:
    """Count what the year left undone, each with the records behind it."""
    s = f.section("problems")
    _take(s, "open_cases", reg.get("cases.open"), "尚未办结的议案建议", OPEN_WORDS)
    _take(s, "redo", reg.get("cases.redone"), "代表不满意重办",
          ("不满意", "重办", "重新办理", *OPEN_WORDS))  # fmt: skip
    _take(s, "open_opinions", reg.get("activities.opinions_open"), "尚未整改到位的意见",
          OPEN_WORDS)  # fmt: skip
    cases = Case.objects.filter(id__in=_ids(reg.get("cases.open")))
    s.texts["open_titles"] = list(
        cases.order_by("registered", "id").values_list("title", flat=True)[:2]
    )
    opinions = Case.objects.filter(id__in=_ids(reg.get("activities.opinions_open")))
    s.texts["open_opinions"] = list(opinions.order_by("id").values_list("title", flat=True)[:2])
    _take(s, "open_petitions", reg.get("cases.petitions.open"), "尚未办结的信访", OPEN_WORDS)
    _take(s, "uncontacted", reg.get("duty.liaison.uncontacted"), "全年未联系的代表",
          ("未联系", "没有联系", "没有被联系", *OPEN_WORDS))  # fmt: skip
    _take(s, "behind", reg.get("duty.deputies_behind"), "未完成履职要求的代表",
          ("未完成", "没有完成", "参加活动", "履职要求", *OPEN_WORDS))  # fmt: skip
    plans = f.section("next")
    plans.attributes["next_session"] = _next_session(township, year)
    planned = Meeting.objects.filter(township=township, date__year=year + 1).order_by("date")
    plans.texts["planned"] = [m.name for m in planned[:3]]
    evaluated = Activity.objects.filter(township=township, date__year=year, unit__isnull=False)
    stations = OrgUnit.objects.filter(parent=township, kind=OrgKind.STATION).exclude(
        pk__in=evaluated.filter(kind=ActivityKind.EVALUATION).values("unit_id")
    )
    plans.texts["stations"] = [
        f"{township.name}{n}" if not n.startswith(township.name) else n
        for n in stations.order_by("pk").values_list("name", flat=True)[:2]
    ]
    topics = [k.split(":", 1)[1] for k in f.sections if k.startswith("suggestion_topic:")]
    plans.texts["topics"] = [t for t in topics if t != OTHER_TOPIC][:2]
