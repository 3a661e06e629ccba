"""A head's township figures and a 人大主席's presidium work in a cadre's document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts import FactSection
from ..model import FigureRun, Section
from ..numbers import format_date, format_figure, to_decimal
from .base import Composer, para, section, sentence, text
from .indicators import indicator
from .telling import by_state, named, topic

if TYPE_CHECKING:
    from .personal import Post


def township(c: Composer, s: FactSection, post: Post, level: int) -> Section:
    tier = post.tier
    projects = sentence(
        c.say("tw.projects", tier=tier, n=c.fig(s, "projects")),
        c.say("tw.intended", money=c.fig(s, "funds_intended")),
        c.say("tw.arrived", money=c.fig(s, "funds_arrived")),
    )
    output = sentence(
        c.say("tw.output", money=c.fig(s, "output")), c.say("tw.taxes", money=c.fig(s, "taxes"))
    )
    names = by_state([r for r in s.records if r.kind == "项目"], unit="个")
    key_projects = sentence(c.say("tw.names", names=names))
    ranked = [
        indicator(c, i) for i in c.repeated("indicator") if i.attributes.get("township") == "1"
    ]
    motions = c.fig(s, "motions")
    cases = sentence(
        c.say("tw.cases", tier=tier, n=motions, m=c.fig(s, "suggestions"))
        if motions is not None
        else c.say("tw.suggestions", n=c.fig(s, "suggestions")),
        c.say("tw.cases_closed", n=c.fig(s, "suggestions_closed")),
        c.say("tw.cases_open", n=c.fig(s, "suggestions_open")),
    )
    petitions = sentence(
        c.say("tw.petitions", tier=tier, n=c.fig(s, "petitions")),
        c.say("tw.petitions_settled", n=c.fig(s, "petitions_settled")),
        c.say("tw.petitions_open", n=c.fig(s, "petitions_open")),
        c.say("tw.petitions_rejected", n=c.fig(s, "petitions_rejected")),
    )
    opinions = sentence(
        c.say(
            "tw.opinions",
            tier=tier,
            n=c.fig(s, "inspection_opinions"),
            m=c.fig(s, "evaluation_opinions"),
        ),
        c.say(
            "tw.opinions_closed",
            n=c.fig(s, "inspection_closed"),
            m=c.fig(s, "evaluation_closed"),
        ),
    )
    return section(
        level,
        c.line("h.township", tier=tier),
        para(text(c.line("tw.lead", tier=tier) + "。"), projects, output),
        para(key_projects, *ranked),
        para(cases, opinions),
        para(petitions),
        key="township",
    )


def presidium(c: Composer, s: FactSection, post: Post, level: int) -> Section:
    date = format_date(s.attributes.get("session_date"), c.facts.year)
    session = s.attributes.get("session_name", "")
    opened = sentence(
        c.say(
            "pr.session", date=date, session=session, e=c.fig(s, "expected"), p=c.fig(s, "present")
        ),  # fmt: skip
        c.say("pr.reports", n=c.fig(s, "reports_approved")),
    )
    motions = sentence(
        *received(c, s),
        c.say("pr.closed", n=c.fig(s, "closed")),
        c.say("pr.satisfaction", rate=c.fig(s, "satisfaction_rate")),
    )
    visits = [topic(r) for r in s.records if r.kind in ("视察", "调研", "执法检查")]
    evals = [topic(r, place=True) for r in s.records if r.kind == "站所评议"]
    supervision = sentence(
        c.say("pr.inspections", topics=named(visits), n=c.fig(s, "inspection_opinions")),
        *opinion_progress(c, s, "inspection", "pr.inspections"),
    )
    evaluation = sentence(
        c.say("pr.evaluations", units=named(evals), n=c.fig(s, "evaluation_opinions")),
        *opinion_progress(c, s, "evaluation", "pr.evaluations"),
    )
    meetings = sentence(c.say("pr.presidium_meetings", n=c.fig(s, "presidium_meetings")))
    return section(
        level,
        c.line("h.presidium", tier=post.tier),
        para(opened, meetings),
        para(motions),
        para(supervision, evaluation),
        key="presidium",
    )


def received(c: Composer, s: FactSection) -> list:
    """Motions and suggestions received, each case counted once: motions the presidium had
    handled as suggestions are told as such, then the suggestions deputies wrote as such."""
    n, converted = c.fig(s, "motions"), c.fig(s, "motions_converted")
    own = c.fig(s, "suggestions_own")
    if n is None or converted is None or own is None:
        return [c.say("pr.motions", n=n, m=c.fig(s, "suggestions"))]
    registered = c.fig(s, "motions_registered")
    split = (
        c.say("pr.motions_split", n=n, r=registered, v=converted)
        if registered is not None
        else c.say("pr.motions_all_converted", n=n)
    )
    return [split, c.say("pr.suggestions_own", m=own)]


def difference(a: FigureRun | None, b: FigureRun | None, key: str, label: str):
    """Return a - b as a figure carrying the sources of a that b does not count."""
    if a is None:
        return None
    value = to_decimal(a.value) - (to_decimal(b.value) if b is not None else 0)
    if value <= 0:
        return None
    gone = set(b.sources) if b is not None else set()
    sources = tuple(x for x in a.sources if x not in gone)
    return FigureRun(value, a.unit, format_figure(value, a.unit), sources, key, label)


def opinion_progress(c: Composer, s: FactSection, what: str, slot: str) -> list:
    """已办结 n 条 and the rest still being rectified: the parts add up to the whole."""
    total, closed = c.fig(s, f"{what}_opinions"), c.fig(s, f"{what}_opinions_closed")
    if total is not None and closed is None:
        return [c.say(f"{slot}_all_open")]
    rest = c.fig(s, f"{what}_opinions_open") or difference(
        total, closed, f"{s.key}.{what}_open", "正在整改"
    )
    return [c.say(f"{slot}_closed", n=closed), c.say(f"{slot}_rest", n=rest)]
