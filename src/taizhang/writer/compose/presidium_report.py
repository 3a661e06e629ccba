"""Compose the presidium's work report (主席团工作报告), read to the deputies at the session.

Its own kind: title, subtitle naming the session, the reporter, 各位代表, the year in
review, the lessons learnt, next year's concrete plan and a closing to the deputies. It
tells the same records as the summary in the words of its own phrase bank.
"""

from __future__ import annotations

from ..facts import Facts
from ..model import Document, Paragraph, TextRun
from ..phrases.presidium_report import P
from . import presidium_more as more
from . import presidium_parts as parts
from .base import Composer, para, section, sentence, text
from .presidium import tier_of

KIND = "presidium_report"


def compose_presidium_report(facts: Facts, *, variant: str = "", seed: object = None) -> Document:
    """Compose the work report of the presidium for ``facts.year``."""
    c = Composer(facts, P, seed=seed)
    township = c.attr(None, "township") or facts.subject
    tier = c.attr(None, "tier") or tier_of(township)
    nxt = str(facts.year + 1)
    names = {"township": township, "tier": tier, "year": str(facts.year), "next": nxt}
    session = c.attr(None, "report_session_name") or c.attr(c.section("next"), "next_session")
    doc = Document(
        kind=KIND,
        title=c.line("title", **names),
        subtitle=c.line("subtitle", township=township, session=session),
        reporter=c.line(
            "reporter",
            post=c.attr(None, "reporter_post"),
            name=c.attr(None, "reporter_name"),
            township=township,
        ),
        salutation="各位代表：",
        subject=facts.subject,
        year=facts.year,
        variant="report",
    )
    doc.preamble = [Paragraph([TextRun(c.line("preamble", **names))])]
    review = [
        section(
            2,
            c.phrase("h.session"),
            *parts.session_paragraphs(c, township),
            more.vote_paragraph(c),
            *parts.motion_paragraphs(c),
            *parts.suggestion_paragraphs(c),
            key="session",
        ),
        section(
            2,
            c.phrase("h.supervision"),
            *[
                parts.activity_paragraph(c, s, prefix, i)
                for prefix, key in (("insp", "inspection"), ("eval", "evaluation"))
                for i, s in enumerate(c.repeated(key))
            ],
            key="supervision",
        ),
        section(
            2,
            c.phrase("h.deputies"),
            *parts.group_paragraphs(c),
            *[
                parts.activity_paragraph(c, s, "rb", i)
                for i, s in enumerate(c.repeated("report_back"))
            ],
            *more.liaison_paragraphs(c),
            more.duty_paragraph(c),
            key="deputies",
        ),
        section(
            2,
            c.line("h.petitions", tier=tier),
            *parts.petition_paragraphs(c, tier),
            more.channel_paragraph(c),
            *parts.publicity_paragraphs(c),
            *parts.budget_paragraphs(c),
            key="petitions",
        ),
    ]
    problems = parts.problem_runs(c)
    doc.sections = [
        section(
            1,
            c.line("h.review", **names),
            para(
                text(c.line("review.lead", **names)),
                sentence(
                    c.say(
                        "review.figures",
                        meetings=c.fig(c.section("plan"), "presidium_meetings"),
                        n=c.fig(c.section("plan"), "activities"),
                    )
                ),
                more.outcomes_sentence(c),
            ),
            key="review",
            subs=review,
        ),
        section(
            1,
            c.phrase("h.lessons"),
            *[
                para(text(c.line(f"lesson.{k}", **names)), more.lesson_evidence(c, k))
                for k in ("party", "people", "law", "follow")
            ],
            key="lessons",
        ),
        section(
            1,
            c.line("h.plans", **names),
            para(text(c.phrase("short.lead")), parts.numbered(c, problems)),
            para(text(c.line("plans.lead", **names))),
            key="plans",
            subs=plan_sections(c, township, tier),
        ),
    ]
    doc.closing = [Paragraph([TextRun(c.line("closing", **names))])]
    return doc


def plan_sections(c: Composer, township: str, tier: str) -> list:
    """Next year's plan: each problem answered under its field, then the known tasks."""
    found = dict(parts.problems(c))
    topics = [
        c.attr(t, "topic") for t in c.repeated("suggestion_topic") if c.attr(t, "topic") != "其他"
    ]
    nxt = c.section("next")

    def answer(key: str):
        return parts.plan_answer(c, key, tier) if key in found else None

    fields = [
        (
            "h.plan_session",
            "plan_session",
            [
                c.say("plan.session"),
                c.say("plan.session_prepare"),
                c.say("plan.session_more"),
            ],
        ),
        (
            "h.plan_cases",
            "plan_cases",
            [
                answer("open_cases"),
                answer("redo"),
                c.say("plan.topics", topics=parts.listing(topics[:2])),
                c.say("plan.cases"),
            ],
        ),
        (
            "h.plan_supervision",
            "plan_supervision",
            [
                answer("open_opinions"),
                c.say("plan.stations", stations=parts.listing(c.texts(nxt, "stations")[:2])),
                c.say("plan.inspect", topics=parts.listing(c.texts(nxt, "topics")[:2])),
            ],
        ),
        (
            "h.plan_deputies",
            "plan_deputies",
            [
                answer("uncontacted"),
                answer("behind"),
                c.say("plan.groups") if c.fig(c.section("liaison"), "groups") else None,
                c.say("plan.training"),
            ],
        ),
        (
            "h.plan_self",
            "plan_self",
            [
                answer("open_petitions"),
                c.say("plan.officers") if c.fig(c.section("petitions"), "officers") else None,
                c.say("plan.self"),
                c.say("plan.budget") if c.fig(c.section("budget"), "spent") else None,
            ],
        ),
    ]
    own = [text(t.strip().rstrip("。；;")) for t in c.texts(c.section("plans"), "plans")]
    out = []
    for i, (heading, key, clauses) in enumerate(fields):
        kept = [x for x in clauses if x] + (own if i == len(fields) - 1 else [])
        out.append(
            section(2, c.phrase(heading), para(*[sentence(x) for x in kept]), key=key)
            if kept
            else None
        )
    return [s for s in out if s is not None]
