"""Facts of the presidium's annual summary and work report, read through the figures registry."""

from __future__ import annotations

import re

from taizhang.documents.facts import add_texts
from taizhang.documents.facts.activities import activity_facts
from taizhang.documents.facts.common import put as _put
from taizhang.documents.facts.common import take
from taizhang.documents.facts.presidium_deputies import deputy_work_facts, problem_facts
from taizhang.documents.facts.records import motion_records, petition_story
from taizhang.duty.selectors import expense_summary, publicity_titles
from taizhang.figures.registry import figures_for
from taizhang.meetings.models import AgendaItem, AgendaKind, AgendaOutcome, Meeting, MeetingKind
from taizhang.writer.facts import Fact, Facts

VERB = re.compile(r"^(听取和审议|听取并审议|审议|听取|表决)")
ROLL_EXPECTED = ("应到", "应出席", "全体代表")
ROLL_PRESENT = ("实到", "实际出席", "实际到会", "到会", "出席", "报到")
REPORTER_TITLES = ("人大主席", "人大主席团主席")
LEVEL_KEYS = {"国家": "national", "省": "province", "市": "city", "县": "county"}


def registry(township, year: int) -> dict[str, Fact]:
    """Every registered figure of the township-year by key: the numbers the pages show."""
    return {
        f.key: f for f in figures_for(township, year, only=("cases", "meetings", "duty", "roster"))
    }


def tier_of(township) -> str:
    """乡 or 镇 (or 街道) by the township's own name."""
    name = township.name
    return "街道" if name.endswith("街道") else "镇" if name.endswith("镇") else "乡"


def _plan(f: Facts, reg: dict[str, Fact], township, year: int) -> None:
    s = f.section("plan")
    take(s, "presidium_meetings", reg.get("meetings.presidium_meetings"), "主席团会议")
    take(s, "activities", reg.get("activities.total"), "开展代表活动", ("活动",))
    budget = f.section("budget")
    take(budget, "spent", reg.get("duty.budget.spent"), "人大工作经费")
    summary = expense_summary(township=township, year=year)
    budget.texts["purposes"] = [row["purpose"] for row in summary["by_purpose"][:4]]


def _session_name(session: Meeting, township) -> str:
    name = session.full_title if session.term and session.session else session.name
    return name.removeprefix(township.name)


def _session(f: Facts, reg: dict[str, Fact], township, year: int) -> None:
    session = (
        Meeting.objects.filter(township=township, date__year=year, kind=MeetingKind.CONGRESS)
        .order_by("date", "pk")
        .first()
    )
    s = f.section("session")
    if session is not None:
        expected, present = (
            reg.get("meetings.session.expected"),
            reg.get("meetings.session.present"),
        )
        held = reg.get("meetings.session.held")
        s.attributes.update(
            session_name=_session_name(session, township),
            session_date=session.date.isoformat(),
            held="yes" if held is not None and held.value else "no",
        )
        take(s, "expected", expected, keywords=ROLL_EXPECTED)
        take(s, "present", present, keywords=ROLL_PRESENT)
        take(s, "reports_approved", reg.get("meetings.session.reports_approved"))
        reports = AgendaItem.objects.filter(
            meeting=session, kind=AgendaKind.REPORT, outcome=AgendaOutcome.PASSED
        )
        s.texts["reports"] = [VERB.sub("", t) for t in reports.order_by("seq").values_list(
            "title", flat=True)]  # fmt: skip
        _votes(f, reports.order_by("seq"))
        elected = []
        for e in session.elections.prefetch_related("candidates").order_by("id"):
            office = e.office.removeprefix(township.name).replace("（补选）", "")
            names = [c.name for c in e.candidates.all() if c.elected]
            if names:
                elected.append(f"{'、'.join(names)}当选为{township.name}{office}")
        s.texts["elections"] = elected
    assignment = (
        Meeting.objects.filter(township=township, date__year=year, kind=MeetingKind.ASSIGNMENT)
        .order_by("date")
        .first()
    )
    if assignment is not None:
        s.attributes["assignment_meeting_date"] = assignment.date.isoformat()
    for name, key, words in (
        ("motions_received", "cases.motions_received", ("议案",)),
        ("motions_registered", "cases.motions_registered", ("立案", "议案", "立为议案")),
        ("motions_converted", "cases.motions_converted", ("建议", "代表建议")),
        ("motions_closed", "cases.motions_closed", ("办结", "议案")),
    ):
        take(s, name, reg.get(key), keywords=words)
    take(s, "motions_open", reg.get("cases.motions_open"), "尚未办结的议案",
         ("仍在办理", "未办结", "尚在", "其余", "还有", "另有", "尚未"))  # fmt: skip
    motion_records(f, township, year)
    sug = f.section("suggestions")
    take(sug, "others", reg.get("cases.suggestions_own"), "代表另行提出建议", ("建议",))
    take(sug, "others_answered", reg.get("cases.suggestions_own.answered"), "建议已答复")
    take(sug, "others_closed", reg.get("cases.suggestions_own.closed"), "建议已办结")


def _votes(f: Facts, reports) -> None:
    """One ``vote:<id>`` section per report approved with its recorded votes."""
    for item in reports:
        if item.votes_for is None:
            continue
        v = f.section(f"vote:{item.pk}")
        v.attributes["title"] = VERB.sub("", item.title)
        for name, value, word in (("for", item.votes_for, "赞成"),
                                  ("against", item.votes_against, "反对"),
                                  ("abstain", item.votes_abstain, "弃权")):  # fmt: skip
            if value is not None:
                _put(v, name, word, [item.pk], "票", "meetings.AgendaItem", value=value,
                     keywords=(word,))  # fmt: skip


def _petitions(f: Facts, reg: dict[str, Fact], township, year: int) -> None:
    s = f.section("petitions")
    take(s, "officers", reg.get("roster.info_officers"))
    total = reg.get("cases.petitions")
    take(s, "received", total, "受理信访")
    for channel, key in (
        ("来信", "letter"),
        ("来访", "visit"),
        ("电话", "phone"),
        ("网上", "online"),
    ):
        take(s, f"channel_{key}", reg.get(f"cases.petitions.channel.{channel}"), channel,
             (channel,))  # fmt: skip
    village, town = reg.get("cases.petitions.tier.村"), reg.get("cases.petitions.tier.乡镇")
    take(s, "received_village", village, "村级受理")
    take(s, "received_township", town, f"{tier_of(township)}级受理")
    if total and total.value:
        take(s, "received_other", reg.get("cases.petitions.other_tier"), "其他")
    take(s, "settled_in_village", reg.get("cases.petitions.settled_in_village"), "在村化解")
    story = petition_story(township, year)
    if story:
        s.attributes.update({f"story_{k}": v for k, v in story.items()})


def _publicity(f: Facts, reg: dict[str, Fact], township, year: int) -> None:
    s = f.section("publicity")
    take(s, "pieces", reg.get("duty.publicity.pieces"), "人大工作信息")
    for key in LEVEL_KEYS.values():
        take(s, key, reg.get(f"duty.publicity.{key}"))
    s.texts["titles"] = publicity_titles(township=township, year=year)


def _reporter(f: Facts, township, year: int) -> None:
    """The 人大主席 in office at the end of the year reports to the next session."""
    from taizhang.people.models import CadrePost

    post = (
        CadrePost.objects.filter(unit=township, title__in=REPORTER_TITLES)
        .filter(start__lte=f"{year}-12-31")
        .exclude(end__lt=f"{year}-12-31")
        .select_related("person")
        .order_by("title", "start")
        .first()
    )
    if post is not None:
        f.attributes.update(reporter_post=f"{township.name}{post.title}",
                            reporter_name=post.person.name)  # fmt: skip
    planned = (
        Meeting.objects.filter(township=township, date__year=year + 1, kind=MeetingKind.CONGRESS)
        .order_by("date")
        .first()
    )
    if planned is not None:
        f.attributes["report_session_name"] = _session_name(planned, township)


def presidium_facts(township, year: int, inputs: dict, kind: str = "presidium") -> Facts:
    """Return the facts of the presidium's summary or, with ``kind``, its work report."""
    f = Facts(kind=kind, subject=township.name, year=year)
    f.attributes.update(township=township.name, tier=tier_of(township))
    reg = registry(township, year)
    _plan(f, reg, township, year)
    _session(f, reg, township, year)
    activity_facts(f, township, year)
    deputy_work_facts(f, reg, township, year)
    _petitions(f, reg, township, year)
    _publicity(f, reg, township, year)
    problem_facts(f, reg, township, year)
    _reporter(f, township, year)
    add_texts(f, inputs)
    return f
