"""Compose a deputy's report to voters (代表向选民述职报告): first person, modest, concrete."""

from __future__ import annotations

from ..facts import Facts
from ..model import Document, Paragraph, TextRun
from ..numbers import full_date, parse_date
from ..phrases.deputy import P
from .base import Composer, listing, para, section, sentence, text
from .presidium_parts import OUTCOME_SLOTS, bare_topic, law_topic, nth, numbered, quoted


def compose_deputy(facts: Facts, *, variant: str = "", seed: object = None) -> Document:
    """Compose a deputy's report to the voters of the district."""
    c = Composer(facts, P, seed=seed)
    name = c.attr(None, "name") or facts.subject
    township = c.attr(None, "township")
    tier = c.attr(None, "tier") or ("镇" if township.endswith("镇") else "乡")
    district = c.attr(None, "district")
    doc = Document(
        kind="deputy",
        title=c.phrase("title"),
        subtitle=c.line("subtitle", district=district, township=township, name=name),
        salutation="各位选民：",
        subject=facts.subject,
        year=facts.year,
        variant=variant,
    )
    since = parse_date(c.attr(None, "since"))
    intro = c.say(
        "intro",
        name=name,
        district=district,
        township=township,
        since=f"{since.year}年{since.month}月" if since else "",
    ) or c.say("intro.short", name=name, district=district, township=township)
    body = text(c.line("intro.body", year=str(facts.year), tier=tier))
    doc.preamble = [para(sentence(intro), body) or Paragraph(body)]
    short, plans = shortcomings(c)
    doc.sections = [
        s
        for s in (
            meetings(c, township),
            proposals(c),
            activities(c),
            voters(c),
            section(
                1,
                c.phrase("h.short"),
                para(text(c.phrase("short.lead")), numbered(c, short)),
                key="short",
            ),  # fmt: skip
            section(
                1,
                c.line("h.plans", next=str(facts.year + 1)),
                para(text(c.phrase("plan.lead")), numbered(c, plans)),
                key="plans",
            ),  # fmt: skip
        )
        if not s.is_empty()
    ]
    doc.closing = [Paragraph([TextRun(c.phrase("closing"))])]
    doc.signature = [name]
    doc.date = full_date(c.attr(None, "document_date"))
    return doc


def meetings(c: Composer, township: str):
    s = c.section("meetings")
    attended = c.fig(s, "sessions_attended")
    return section(
        1,
        c.phrase("h.meetings"),
        para(
            sentence(
                c.say(
                    "meet.session",
                    date=c.date(s, "session_date"),
                    township=township,
                    session=c.attr(s, "session_name"),
                )  # fmt: skip
                if attended
                else c.say("meet.missed", n=c.fig(s, "sessions_expected"))
            ),
            sentence(
                c.say("meet.review_named", items=listing(c.texts(s, "reports")))
                or c.say("meet.review")
            )
            if attended
            else None,
            sentence(c.say("meet.group", n=c.fig(s, "group_meetings"))),
        ),
        key="meetings",
    )


def _case_line(c: Composer, s, kind: str):
    title = f"“{c.attr(s, 'title')}”"
    outcome = c.attr(s, "outcome")
    slot = OUTCOME_SLOTS.get(outcome)
    return sentence(
        c.say(
            f"{kind}.lead" if c.attr(s, "lead") == "yes" else f"{kind}.joined",
            salt=s.key,
            title=title,
        ),  # fmt: skip
        c.say(slot, salt=s.key, unit=c.attr(s, "unit") or "承办单位")
        if slot
        else c.say("motion.waiting", salt=s.key),
        c.say("case.answer", salt=s.key, answer=c.attr(s, "answer"))
        if outcome in ("closed", "answered")
        else None,
        c.say(SATISFACTION[c.attr(s, "satisfaction")], salt=s.key)
        if c.attr(s, "satisfaction") in SATISFACTION and c.attr(s, "lead") == "yes"
        else None,
    )


SATISFACTION = {"满意": "case.satisfied", "基本满意": "case.basic"}


def proposals(c: Composer):
    s = c.section("suggestions")
    motions = [_case_line(c, m, "motion") for m in c.repeated("motion")]
    own = [_case_line(c, m, "sug") for m in c.repeated("suggestion")]
    recorded = c.texts(s, "recorded")
    return section(
        1,
        c.phrase("h.proposals"),
        para(sentence(c.say("motions.count", n=c.fig(s, "motions_joined"))), *motions),
        para(
            sentence(
                c.say("sug.count", n=c.fig(s, "submitted")),
                c.say("sug.parts", a=c.fig(s, "registered"), b=c.fig(s, "recorded")),
            )
            if c.fig(s, "registered")
            else sentence(c.say("sug.count_recorded", n=c.fig(s, "submitted"))),
            *own,
            sentence(c.say("sug.recorded", items=listing(recorded))) if recorded else None,
        ),
        key="proposals",
    )


def activities(c: Composer):
    s = c.section("activities")
    joined = c.repeated("joined")
    named = []
    for item in c.texts(s, "named")[len(joined) :]:
        date, word, topic = (item.split("|") + ["", ""])[:3]
        named.append(f"{date}参加{activity_name(topic, word)}")
    return section(
        1,
        c.phrase("h.activities"),
        para(
            sentence(c.say("act.count", n=c.fig(s, "joined"))),
            sentence(c.say("act.named", items=listing(named, "，"))) if named else None,
            sentence(c.say("act.groups", n=c.fig(s, "group_activities"))),
        ),
        *[joined_paragraph(c, j, i) for i, j in enumerate(joined)],
        key="activities",
    )


def activity_name(topic: str, word: str) -> str:
    """乡卫生院工作评议, 《农村土地承包法》实施情况执法检查: the activity word said once."""
    bare = bare_topic(topic)
    law = law_topic(bare)
    if law != bare:
        return f"{law}{word}"
    return topic if bare != topic else f"{topic}{word}"


def joined_paragraph(c: Composer, s, i: int):
    """One activity the deputy joined: what was done, what was proposed, what came of it."""
    what = activity_name(c.attr(s, "topic"), c.attr(s, "act"))
    opinions = c.texts(s, "opinions")
    done = c.texts(s, "rectification")
    summary = c.texts(s, "summary")[:1]
    # 请县人大常委会同志讲解…: the presidium invited, said with its subject.
    summary = [f"主席团{t}" if t.startswith(("请", "邀请")) else t for t in summary]
    return para(
        sentence(nth(c, "joined.item", i, date=c.date(s), what=what)),
        sentence(nth(c, "joined.summary", i, summary=summary[0])) if summary else None,
        sentence(nth(c, "joined.opinions", i, items=quoted(opinions[:2]))) if opinions else None,
        sentence(nth(c, "joined.rectified", i, items=listing(done, "；"))) if done else None,
        sentence(nth(c, "joined.open", i)) if c.attr(s, "open") == "yes" else None,
    )


def voters(c: Composer):
    v = c.section("voters")
    visits, helped = c.fig(v, "visits"), c.fig(v, "helped")
    a, b, u = (c.fig(v, n) for n in ("satisfied", "basically_satisfied", "unsatisfied"))
    return section(
        1,
        c.phrase("h.voters"),
        para(
            sentence(c.say("voter.visits", n=visits)),
            sentence(c.say("voter.visit_items", items=listing(c.texts(v, "visits"), "；"))),
            sentence(c.say("voter.helped", n=helped),
                     c.say("voter.help_items", items=listing(c.texts(v, "helped"), "，"))),
            sentence(c.say("voter.reflections", n=c.fig(v, "reflections")),
                     c.say("voter.reflection_items", items=listing(c.texts(v, "reflections")))),
            sentence(c.say("voter.officer")) if c.attr(None, "info_officer") else None,
            sentence(c.say("voter.report_back", date=c.date(v, "report_back_date"), a=a, b=b,
                           c=u) or c.say("voter.report_back_none",
                                         date=c.date(v, "report_back_date"), a=a, b=b)),
        ),
        key="voters",
    )  # fmt: skip


def shortcomings(c: Composer) -> tuple[list, list]:
    """Shortcomings from the record (unanswered proposals, few visits), then one customary."""
    open_items = [
        m for m in c.repeated("motion") + c.repeated("suggestion")
        if c.attr(m, "outcome") not in ("closed", "answered")
    ]  # fmt: skip
    short, plans = [], []
    if open_items:
        titles = quoted([c.attr(m, "title") for m in open_items][:2])
        short.append(text(c.line("short.open_named", titles=titles)))
        plans.append(text(c.line("plan.open_named", titles=titles)))
    s = c.section("suggestions")
    if c.value(s, "recorded") and not c.value(s, "registered"):
        short.append(text(c.phrase("short.oral")))
        plans.append(text(c.phrase("plan.written")))
    v = c.section("voters")
    if not c.value(v, "visits"):
        short.append(text(c.phrase("short.visits")))
        plans.append(text(c.phrase("plan.visits")))
    own_s = [text(t.rstrip("。；;")) for t in c.texts(c.section("plans"), "shortcomings")]
    own_p = [text(t.rstrip("。；;")) for t in c.texts(c.section("plans"), "plans")]
    short += own_s + [text(c.phrase("short.custom"))]
    plans += own_p + [text(c.phrase("plan.study")), text(c.phrase("plan.voters"))]
    return short, plans
