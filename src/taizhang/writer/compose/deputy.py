"""Compose a deputy's report to voters (代表向选民述职报告) from the duty record."""

from __future__ import annotations

from ..facts import Facts
from ..model import Document, Paragraph, TextRun
from ..numbers import full_date, is_zero
from ..phrases.deputy import P
from .base import Composer, end_sentence, figure_of, listing, para, section, sentence, text
from .personal import numbered, one_or_many
from .presidium import enumerate_items

ACTIVITIES = ("inspections", "evaluations", "research", "trainings", "group_activities")


def compose_deputy(facts: Facts, *, variant: str = "", seed: object = None) -> Document:
    """Compose a deputy's report to the voters of the district."""
    c = Composer(facts, P, seed=seed)
    name = c.attr(None, "name") or facts.subject
    township = c.attr(None, "township")
    district = c.attr(None, "district")
    doc = Document(
        kind="deputy",
        title=c.phrase("title"),
        subtitle=c.line("subtitle", district=district, township=township, name=name),
        salutation=c.phrase("salutation"),
        subject=facts.subject,
        year=facts.year,
        variant=variant,
    )
    intro = c.say(
        "intro", district=district, township=township, term=c.attr(None, "term"), name=name
    )
    intro = intro or c.say("intro.noterm", district=district, township=township, name=name)
    body = text(c.line("intro.body", year=str(facts.year), township=township or "乡"))
    doc.preamble = [para(sentence(intro), body) or Paragraph(body)]
    doc.sections = [
        s
        for s in (meetings(c), activities(c), suggestions(c), duties(c), plans(c))
        if not s.is_empty()
    ]
    doc.closing = [Paragraph([TextRun(c.phrase("closing"))])]
    doc.signature = [name]
    doc.date = full_date(c.attr(None, "document_date"))
    return doc


def meetings(c: Composer):
    s = c.section("meetings")
    attended, expected = c.fig(s, "sessions_attended"), c.fig(s, "sessions_expected")
    rate = c.rate(attended, expected, "meetings.attendance_rate", "出席率")
    group, required = c.fig(s, "group_meetings"), c.fig(s, "group_meetings_required")
    return section(
        1,
        c.phrase("h.meetings"),
        para(
            sentence(
                c.say("meet.sessions", attended=attended, expected=expected)
                or c.say("meet.sessions_attended", attended=attended),
                c.say("meet.rate", rate=rate),
            ),
            sentence(c.say("meet.review")) if attended else None,
            sentence(
                c.say("meet.group", n=group),
                c.say("meet.group_required", n=required) if group else None,
            ),
        ),
        key="meetings",
    )


def activities(c: Composer):
    s = c.section("activities")
    items = [c.say(f"act.{k}", n=c.fig(s, k)) for k in ACTIVITIES]
    others = [
        c.say("duty.item", label=f.label, x=figure_of(f))
        for k, f in (s.facts.items() if s else ())
        if k.rsplit(".", 1)[-1] not in ACTIVITIES and not is_zero(f.value)
    ]
    body = sentence(*items, *others, join="，")
    return section(
        1,
        c.phrase("h.activities"),
        para(sentence(c.say("act.lead")), body) if body else None,
        key="activities",
    )


def suggestions(c: Composer):
    s = c.section("suggestions")
    answered = c.fig(s, "answered")
    rate = c.rate(c.fig(s, "satisfied"), answered, "suggestions.satisfaction_rate", "满意率")
    return section(
        1,
        c.phrase("h.suggestions"),
        para(
            sentence(
                c.say("sug.submitted", n=c.fig(s, "submitted")),
                c.say("sug.topics", topics=listing(c.texts(s, "topics"))),
            ),
            sentence(c.say("sug.motions", n=c.fig(s, "motions_joined"))),
            sentence(
                c.say("sug.answered", n=answered),
                c.say("sug.satisfied", n=c.fig(s, "satisfied")),
                c.say("sug.rate", rate=rate),
            ),
        ),
        key="suggestions",
    )


def duties(c: Composer):
    s = c.section("duties")
    items = []
    for key, f in s.facts.items() if s else ():
        name = key.rsplit(".", 1)[-1]
        if name.endswith("_required") or is_zero(f.value):
            continue
        req = c.fig(s, f"{name}_required")
        items.append(
            c.say("duty.required", label=f.label, x=figure_of(f), req=req)
            or c.say("duty.item", label=f.label, x=figure_of(f))
        )
    highlights = [text(end_sentence(t)) for t in c.texts(s, "highlights")]
    body = sentence(*items, join="；")
    if not body and not highlights:
        return section(1, "", key="duties")
    return section(
        1,
        c.phrase("h.duties"),
        para(sentence(c.say("duty.lead"), end="：" if body else "。"), body, *highlights),
        key="duties",
    )


def plans(c: Composer):
    s = c.section("plans")
    shorts = c.texts(s, "shortcomings") or [c.phrase("short.default")]
    plan_items = c.texts(s, "plans") or [c.phrase("plan.default")]
    return section(
        1,
        c.phrase("h.plans"),
        para(
            text(c.phrase(one_or_many("short.lead", shorts))),
            *numbered([text(t.rstrip("。；;")) for t in shorts]),
        ),
        para(
            text(
                c.line(one_or_many("plan.lead", plan_items), next=str(c.facts.year + 1))
                + enumerate_items(plan_items)
            )
        ),
        key="plans",
    )
