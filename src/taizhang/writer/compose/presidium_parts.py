"""Paragraphs of the presidium's year told from its records, shared by summary and report.

Each builder reads the facts through a Composer bound to one phrase bank: the summary
and the work report call the same builders with different banks, so the same records
are told in different words.
"""

from __future__ import annotations

import re

from ..facts import FactSection
from ..model import Paragraph
from ..numbers import to_decimal
from .base import Composer, end_sentence, listing, nth, para, sentence, text
from .presidium_more import group_summary, summary_sentence, titled

TOPIC_SUFFIX = re.compile(
    r"(专题视察|视察活动|视察|专题调研|调研|执法检查|检查|工作评议|评议|专题学习|专题培训|培训)$"
)
OUTCOME_SLOTS = {
    "closed": "motion.closed",
    "answered": "motion.answered",
    "redo": "motion.redo",
    "handling": "motion.handling",
    "assigned": "motion.assigned",
}

SATISFACTION_SLOTS = {"满意": "motion.satisfied", "基本满意": "motion.basic"}


def bare_topic(topic: str) -> str:
    """Drop the activity word from a topic so that it is not said twice."""
    return TOPIC_SUFFIX.sub("", topic.strip()).rstrip("的和及") or topic.strip()


def law_topic(topic: str) -> str:
    """A law's title in 《》 with what is checked (《农村土地承包法》实施情况); else the topic."""
    if topic.endswith("法") and len(topic) >= 4 and "《" not in topic:
        return f"《{topic}》实施情况"
    return topic


def quoted(titles: list[str]) -> str:
    """Quote titles; quotation marks inside a title become single ones."""
    inner = str.maketrans("“”", "‘’")
    return "、".join(f"“{t.strip('“”').translate(inner)}”" for t in titles)


def session_paragraphs(c: Composer, township: str) -> list[Paragraph | None]:
    s = c.section("session")
    if s is None or not c.attr(s, "session_name"):
        return []
    name, date = c.attr(s, "session_name"), c.date(s, "session_date")
    expected, present = c.fig(s, "expected"), c.fig(s, "present")
    if c.attr(s, "held") != "yes":
        return [
            para(
                sentence(c.say("session.not_held", date=date, township=township, session=name)),
                sentence(c.say("session.roll_short", expected=expected, present=present)),
            )
        ]
    opening = c.say("session.open", date=date, township=township, session=name) or c.say(
        "session.open_nodate", township=township, session=name
    )
    rate = c.rate(present, expected, "session.attendance_rate", "到会率")
    reports = c.texts(s, "reports")
    n_reports = c.fig(s, "reports_approved")
    reports_clause = (
        c.say(
            "session.reports_named"
            if n_reports is None or len(reports) == to_decimal(n_reports.value)
            else "session.reports_some",
            names=listing(reports),
            n=n_reports,
        )
        if reports
        else c.say("session.reports", n=n_reports)
    )
    elections = c.texts(s, "elections")
    return [
        para(
            sentence(c.say("session.prepare")),
            sentence(opening),
            sentence(
                c.say("session.roll", expected=expected, present=present),
                c.say("session.rate", rate=rate),
                c.say("session.quorum"),
            ),
            sentence(reports_clause),
            sentence(c.say("session.elections", items=listing(elections, "；"))),
        )
    ]


def motion_paragraphs(c: Composer) -> list[Paragraph | None]:
    s = c.section("session")
    received = c.fig(s, "motions_received")
    lead = para(
        sentence(
            c.say("motions.received", n=received),
            c.say("motions.registered", n=c.fig(s, "motions_registered")),
            c.say("motions.converted", n=c.fig(s, "motions_converted")),
        ),
        sentence(c.say("motions.assigned", date=c.date(s, "assignment_meeting_date"))),
    )
    items = []
    for i, m in enumerate(c.repeated("motion")):
        title = titled(c, m)
        outcome = c.attr(m, "outcome")
        slot = OUTCOME_SLOTS.get(outcome)
        unit = c.attr(m, "unit") or "承办单位"
        kind = "motion.filed" if c.attr(m, "registered") == "yes" else "motion.converted_item"
        said = sentence(
            nth(c, kind, i, title=title),
            nth(c, slot, i, unit=unit) if slot else nth(c, "motion.waiting", i),
            nth(c, "motion.answer", i, answer=c.attr(m, "answer"))
            if outcome in ("closed", "answered")
            else None,
            nth(c, SATISFACTION_SLOTS[c.attr(m, "satisfaction")], i)
            if c.attr(m, "satisfaction") in SATISFACTION_SLOTS
            else None,
        )
        items.append(said)
    closed = c.fig(s, "motions_closed")
    progress = None
    if received and closed is not None:
        rest = c.fig(s, "motions_open") or _minus(
            c, received, closed, "session.motions_open", "尚未办结"
        )
        progress = sentence(
            c.say("motions.progress", closed=closed, rest=rest)
            if rest
            else c.say("motions.all_closed", n=closed)
        )
    elif received:
        progress = sentence(c.say("motions.none_closed"))
    return [lead, para(*items, progress) if items else None]


def _minus(c: Composer, whole, part, key: str, label: str):
    from ..model import FigureRun
    from ..numbers import format_figure

    value = to_decimal(whole.value) - to_decimal(part.value)
    if value <= 0:
        return None
    sources = tuple(s for s in whole.sources if s not in set(part.sources))
    return FigureRun(value, whole.unit, format_figure(value, whole.unit), sources, key, label)


def suggestion_paragraphs(c: Composer) -> list[Paragraph | None]:
    topics = c.repeated("suggestion_topic")
    if not topics:
        return []
    counts = [c.fig(t, "count") for t in topics]
    total = c.fig(c.section("suggestions"), "others") or c.total(
        counts, "suggestions.others", "代表另行提出建议"
    )
    # 其他 is no topic: it is counted in the total, never told as one.
    told = [(t, n) for t, n in zip(topics, counts, strict=True) if c.attr(t, "topic") != "其他"]
    complete = len(told) == len(topics) and len(told) <= 4
    names = listing([c.attr(t, "topic") for t, _ in told][:4])
    body = [sentence(c.say("sug.total_all" if complete else "sug.total", n=total, topics=names))]
    answers: list[str] = []
    for i, (t, n) in enumerate(told[:4]):
        titles = c.texts(t, "titles")[:3]
        # Every title of the topic named: no 如/等; some named: 等 after them.
        whole = n is not None and len(titles) == to_decimal(n.value)
        slot = "sug.topic_all" if whole else "sug.topic"
        body.append(sentence(nth(c, slot, i, topic=c.attr(t, "topic"), n=n, titles=quoted(titles))))
        answers += c.texts(t, "answers")
    sug = c.section("suggestions")
    closed = c.fig(sug, "others_closed") or c.total(
        [c.fig(t, "closed") for t in topics], "suggestions.others_closed", "已办结"
    )
    answered = c.fig(sug, "others_answered") or c.total(
        [c.fig(t, "answered") for t in topics], "suggestions.others_answered", "已答复"
    )
    body.append(
        sentence(c.say("sug.answered", n=answered), c.say("sug.closed", n=closed))
        or sentence(c.say("sug.none_answered"))
    )
    if answers:
        body.append(sentence(c.say("sug.example", answer=listing(answers[:4], "；"))))
    return [para(*body)]


def activity_paragraph(c: Composer, s: FactSection, prefix: str, i: int = 0) -> Paragraph | None:
    """One inspection, evaluation or report-back: topic, findings, what came of them."""
    date, deputies = c.date(s), c.fig(s, "deputies")
    topic = law_topic(bare_topic(c.attr(s, "topic")))
    names = {"date": date, "topic": topic, "unit": c.attr(s, "unit"),
             "district": c.attr(s, "district")}  # fmt: skip
    if prefix == "insp":
        names["act"] = c.attr(s, "act") or "专题视察"
    item = nth(c, f"{prefix}.item", i, deputies=deputies, **names) or nth(
        c, f"{prefix}.item_nodeps", i, **names
    )
    if item is None:
        return None
    act = names.get("act", "")
    opinions = c.fig(s, "opinions")
    rectified = c.fig(s, "rectified")
    found = c.texts(s, "opinions")
    rest = c.fig(s, "open") or (
        _minus(c, opinions, rectified, f"{s.key}.open", "整改中")
        if opinions and rectified
        else None
    )
    a, b, u = (c.fig(s, n) for n in ("satisfied", "basically_satisfied", "unsatisfied"))
    rated = c.total([a, b, u], f"{s.key}.rated", "参加测评")
    good = c.total([a, b], f"{s.key}.satisfied_total", "满意和基本满意")
    rate = c.rate(good, rated, f"{s.key}.satisfaction_rate", "满意率")
    rectification = c.texts(s, "rectification")
    # Every opinion named: the list carries no 等; some named: 等 after them.
    told = opinions is not None and len(found) <= 3 and len(found) == to_decimal(opinions.value)
    whole = "_all" if told else ""
    return para(
        sentence(item),
        summary_sentence(c, s, i),
        sentence(nth(c, f"{prefix}.steps", i))
        if prefix != "eval" or not c.texts(s, "summary")
        else None,
        sentence(
            nth(c, f"{prefix}.ratings", i, a=a, b=b, c=u)
            or nth(c, f"{prefix}.ratings_none", i, a=a, b=b),
            nth(c, f"{prefix}.rate", i, rate=rate),
        ),
        sentence(
            nth(c, f"{prefix}.found{whole}", i, n=opinions, items=quoted(found[:3]), act=act)
            or nth(c, f"{prefix}.opinions", i, n=opinions, act=act)
        ),
        sentence(
            nth(c, f"{prefix}.rectified", i, n=rectified),
            nth(c, f"{prefix}.rest", i, n=rest),
        )
        if rectified
        else sentence(nth(c, f"{prefix}.pending", i))
        if opinions
        else None,
        sentence(nth(c, f"{prefix}.result", i, items=listing(rectification[:2], "；")))
        if rectified
        else None,
    )


def group_paragraphs(c: Composer) -> list[Paragraph | None]:
    out = []
    for i, s in enumerate(c.repeated("group")):
        topic = bare_topic(c.attr(s, "topic"))
        out.append(
            sentence(
                nth(c, "group.item", i, date=c.date(s), topic=topic),
                nth(c, "group.participants", i, n=c.fig(s, "participants")),
            )
        )
        out.append(group_summary(c, s, i))  # what the study covered, right after it
    liaison = c.section("liaison")
    topics = c.texts(liaison, "group_topics")
    out.append(
        sentence(
            c.say(
                "group.count", groups=c.fig(liaison, "groups"), n=c.fig(liaison, "group_activities")
            ),  # fmt: skip
            c.say("group.person_times", n=c.fig(liaison, "group_person_times")),
        )
    )
    # 等 only when the facts hold more topics than are listed (or do not say how many).
    complete = c.attr(liaison, "group_topic_count") == str(len(topics))
    slot = "group.topics_all" if complete else "group.topics"
    out.append(sentence(c.say(slot, topics=quoted(topics))) if topics else None)
    return [para(*out)]


def petition_paragraphs(c: Composer, tier: str) -> list[Paragraph | None]:
    s = c.section("petitions")
    received = c.fig(s, "received")
    if not (received or c.fig(s, "officers") or c.attr(s, "story_content")):
        return []
    parts = [
        c.say("pet.part_village", n=c.fig(s, "received_village")),
        c.say("pet.part_township", n=c.fig(s, "received_township"), tier=tier),
        c.say("pet.part_other", n=c.fig(s, "received_other")),
    ]
    split = sentence(*parts, join="、", end="")
    story = None
    content, answer = c.attr(s, "story_content"), c.attr(s, "story_answer")
    if content and answer:
        story = sentence(
            c.say("pet.story", content=content, answer=answer, date=c.date(s, "story_closed")),
            c.say("pet.story_followup") if c.attr(s, "story_satisfied") == "yes" else None,
        )
    return [
        para(
            sentence(c.say("pet.lead", tier=tier)),
            sentence(c.say("pet.officers", n=c.fig(s, "officers"), tier=tier)),
            sentence(
                c.say("pet.received", n=received),
                c.say("pet.split", items=split) if split else None,
            ),
            sentence(c.say("pet.settled_village", n=c.fig(s, "settled_in_village"))),
            story,
        )
    ]


def publicity_paragraphs(c: Composer) -> list[Paragraph | None]:
    s = c.section("publicity")
    levels = [c.say(f"pub.{lv}", n=c.fig(s, lv)) for lv in ("province", "city", "county")]
    level_runs = sentence(*levels, join="、", end="")
    titles = c.texts(s, "titles")
    return [
        para(
            sentence(
                c.say("pub.pieces", n=c.fig(s, "pieces")),
                c.say("pub.levels", items=level_runs) if level_runs else None,
            ),
            sentence(c.say("pub.titles", titles=quoted(titles))) if titles else None,
        )
    ]


def budget_paragraphs(c: Composer) -> list[Paragraph | None]:
    plan, budget = c.section("plan"), c.section("budget")
    money = c.fig(budget, "spent")
    return [
        para(
            sentence(c.say("plan.meetings", n=c.fig(plan, "presidium_meetings"))),
            sentence(
                c.say("budget.spent", money=money),
                c.say("budget.purposes", items=listing(c.texts(budget, "purposes")))
                if money
                else None,
                c.say("budget.end") if money else None,
            ),
        )
    ]


PROBLEMS = ("open_cases", "redo", "open_opinions", "open_petitions", "uncontacted", "behind")


def problems(c: Composer) -> list[tuple[str, str]]:
    """Return (problem key, figure) pairs found in the data, in a fixed order."""
    s = c.section("problems")
    return [(k, c.fig(s, k)) for k in PROBLEMS if c.fig(s, k) is not None]


def problem_runs(c: Composer) -> list:
    """One clause per problem from the data, then the person's own, then one customary."""
    out = [c.say(f"short.{k}", n=n) for k, n in problems(c)]
    own = [text(t.strip().rstrip("。；;")) for t in c.texts(c.section("plans"), "shortcomings")]
    return [r for r in out if r] + own + [text(c.phrase("short.custom"))]


def plan_runs(c: Composer, tier: str, township: str) -> list:
    """One answer per problem (same order), then next year's known tasks."""
    out = [plan_answer(c, k, tier) for k, _ in problems(c)]
    nxt = c.section("next")
    session = c.attr(nxt, "next_session")
    known = [
        c.say("plan.session", township=township, session=session),
        c.say("plan.stations", stations=listing(c.texts(nxt, "stations")[:2])),
        c.say("plan.inspect", topics=listing(c.texts(nxt, "topics")[:2])),
    ]
    own = [text(t.strip().rstrip("。；;")) for t in c.texts(c.section("plans"), "plans")]
    return [r for r in out + known if r] + own


NAMED = {"open_cases": "open_titles", "open_opinions": "open_opinions"}


def plan_answer(c: Composer, key: str, tier: str):
    """The plan answering one problem, naming the open records when the ledger has them."""
    titles = c.texts(c.section("problems"), NAMED.get(key, ""))
    named = c.say(f"plan.{key}_named", titles=quoted(titles)) if titles else None
    return named or c.say(f"plan.{key}", tier=tier)


def numbered(c: Composer, runs: list) -> list:
    """Write clauses as 一是……；二是……。 (a single one without a number)."""
    from ..model import chinese_number

    if len(runs) == 1:
        return runs[0] + text("。")
    out: list = []
    for i, r in enumerate(runs, 1):
        out += text(f"{chinese_number(i)}是") + r + text("；" if i < len(runs) else "。")
    return out


def own_words(c: Composer, section: str, name: str) -> list:
    return [text(end_sentence(t)) for t in c.texts(c.section(section), name)]
