"""Compose a cadre's year-end summary (个人年终工作总结) or duty report (述职报告)."""

from __future__ import annotations

from ..facts import Facts, FactSection
from ..model import Document, Paragraph, Section, TextRun
from ..numbers import full_date, parse_date, to_decimal
from ..phrases.personal import P
from .base import Composer, end_sentence, generic_figures, listing, para, section, sentence, text
from .presidium import enumerate_items, tier_of

VARIANTS = ("summary", "duty")
PORTFOLIO_KNOWN = {"projects", "funds_intended", "funds_arrived", "area", "output", "taxes"}


def compose_personal(facts: Facts, *, variant: str = "summary", seed: object = None) -> Document:
    """Compose a person's year document; ``variant="duty"`` gives the 德能勤绩廉 述职报告."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown personal variant: {variant}")
    duty = variant == "duty"
    c = Composer(facts, P, variant="duty" if duty else "", seed=seed)
    name = c.attr(None, "name") or facts.subject
    unit, post = c.attr(None, "unit"), c.attr(None, "post")
    township = c.attr(None, "township") or unit
    tier = tier_of(township.removesuffix("人民政府")) if township else "乡"
    doc = Document(
        kind="personal",
        title=c.line("title", year=str(facts.year)),
        subject=facts.subject,
        year=facts.year,
        variant=variant,
    )
    if duty:
        doc.salutation = "各位领导、同志们："
        doc.subtitle = c.line("subtitle", unit=unit, post=post, name=name)
    doc.preamble = [opening(c, unit, post, tier)]
    duties = [*portfolios(c), cases(c), meetings(c)]
    if duty:
        parts = [
            section(
                1,
                c.phrase("h.de"),
                study(c) or para(text(c.phrase("study.lead") + "。")),
                key="study",
            ),
            section(
                1,
                c.phrase("h.neng"),
                *[p for s in duties[-2:-1] for p in s.paragraphs],
                key="cases",
            ),
            section(1, c.phrase("h.qin"), *meetings(c).paragraphs, key="meetings"),
            section(1, c.phrase("h.ji"), subs=[s for s in duties[:-2]], key="duties"),
            section(
                1,
                c.phrase("h.lian"),
                integrity(c) or para(text(c.phrase("integrity.lead"))),
                key="integrity",
            ),
            shortcomings_and_plans(c, tier),
        ]
    else:
        parts = [
            section(1, c.phrase("h.study"), study(c), key="study"),
            section(1, c.phrase("h.duties"), subs=duties, key="duties"),
            section(1, c.phrase("h.integrity"), integrity(c), key="integrity"),
            *shortcomings_and_plans(c, tier, split=True).subsections,
        ]
    doc.sections = [s for s in parts if not s.is_empty()]
    doc.closing = [Paragraph([TextRun(c.phrase("closing"))])]
    doc.signature = [name]
    doc.date = full_date(c.attr(None, "document_date"))
    return doc


def opening(c: Composer, unit: str, post: str, tier: str) -> Paragraph:
    names = [portfolio_name(s) for s in c.repeated("portfolio")]
    since = parse_date(c.attr(None, "since"))
    since_text = f"{since.year}年{since.month}月" if since else ""
    first = sentence(
        c.say("opening.since", since=since_text, unit=unit, post=post, portfolios=listing(names))
        or c.say("opening.post", unit=unit, post=post, portfolios=listing(names))
        or c.say("opening.post_only", unit=unit, post=post)
    )
    body = text(c.line("opening.body", year=str(c.facts.year), tier=tier))
    return para(first, body) or Paragraph(body)


def portfolio_name(s: FactSection) -> str:
    return s.attributes.get("name") or s.key.split(":", 1)[1]


def study(c: Composer) -> Paragraph | None:
    s = c.section("study")
    topics = c.texts(s, "topics")
    body = sentence(
        c.say("study.trainings", n=c.fig(s, "trainings")),
        c.say("study.sessions", n=c.fig(s, "study_sessions")),
        c.say("study.topics", topics=listing(topics)),
    )
    if body is None:
        return None
    return para(sentence(c.say("study.lead")), body, sentence(c.say("study.end")))


def portfolios(c: Composer) -> list[Section]:
    out = []
    indicators = c.repeated("indicator")
    for s in c.repeated("portfolio"):
        name = portfolio_name(s)
        intended, arrived = c.fig(s, "funds_intended"), c.fig(s, "funds_arrived")
        arrival = c.rate(arrived, intended, f"{s.key}.arrival_rate", "资金到位率")
        others = generic_figures(c, s, PORTFOLIO_KNOWN)
        lead = c.phrase("pf.generic_lead", name).replace("{name}", name)
        own = [i for i in indicators if i.attributes.get("portfolio") == name]
        out.append(
            section(
                2,
                c.line("h.portfolio", name, name=name),
                para(
                    sentence(
                        c.say("pf.projects", n=c.fig(s, "projects")),
                        c.say("pf.intended", money=intended),
                        c.say("pf.arrived", money=arrived),
                        c.say("pf.arrival_rate", rate=arrival),
                        c.say("pf.area", n=c.fig(s, "area")),
                    ),
                    sentence(
                        [TextRun(lead), *others[0]] if others else None,
                        *others[1:],
                        c.say("pf.output", name, money=c.fig(s, "output")),
                        c.say("pf.taxes", name, money=c.fig(s, "taxes")),
                    ),
                    *[text(end_sentence(t)) for t in c.texts(s, "highlights")],
                    *[indicator(c, i, short=True) for i in own],
                ),
                key=s.key,
            )
        )
    for i in indicators:
        if not any(
            i.attributes.get("portfolio") == portfolio_name(p) for p in c.repeated("portfolio")
        ):
            name = i.attributes.get("name", "")
            heading = c.line("h.portfolio", name=name) or "抓好考核指标"
            out.append(section(2, heading, para(indicator(c, i)), key=i.key))
    return out


def indicator(c: Composer, s: FactSection, *, short: bool = False) -> list | None:
    name = c.attr(s, "name")
    target, actual = c.fig(s, "target"), c.fig(s, "actual")
    rate = c.rate(actual, target, f"{s.key}.completion_rate", "完成率")
    change = c.fig(s, "rank_change")
    move = None
    if change is not None:
        up = to_decimal(change.value) > 0
        move = c.say("ind.up" if up else "ind.down", n=change)
    rank = c.fig(s, "rank")
    return sentence(
        c.say("ind.target", name=name, target=target),
        c.say("ind.actual", actual=actual),
        c.say("ind.rate", rate=rate),
        c.say("ind.rank_short" if target else "ind.rank", name=name, rank=rank),
        move if rank else None,
    )


def cases(c: Composer) -> Section:
    s = c.section("cases")
    handled, on_time = c.fig(s, "handled"), c.fig(s, "on_time")
    unit = c.attr(s, "unit")
    lead = c.say("cases.lead", unit=unit, n=handled) or c.say("cases.lead_nounit", n=handled)
    return section(
        2,
        c.phrase("h.cases"),
        para(
            sentence(lead, c.say("cases.kinds", kinds=listing(c.texts(s, "kinds")))),
            sentence(
                c.say("cases.closed", n=c.fig(s, "closed")),
                c.say("cases.on_time", n=on_time),
                c.say(
                    "cases.on_time_rate",
                    rate=c.rate(on_time, handled, "cases.on_time_rate", "按时办结率"),
                ),
                c.say("cases.satisfied", n=c.fig(s, "satisfied")),
            ),
        ),
        key="cases",
    )


def meetings(c: Composer) -> Section:
    s = c.section("meetings")
    return section(
        2,
        c.phrase("h.meetings"),
        para(
            sentence(
                c.say("meet.meetings", n=c.fig(s, "meetings")),
                c.say("meet.activities", n=c.fig(s, "activities")),
            ),
            sentence(c.say("meet.names", names=listing(c.texts(s, "names")))),
        ),
        key="meetings",
    )


def integrity(c: Composer) -> Paragraph | None:
    own = c.texts(c.section("integrity"), "text")
    if not own:
        return None
    return para(text(c.phrase("integrity.lead")), *[text(end_sentence(t)) for t in own])


def data_suggestions(c: Composer) -> tuple[list, list[str]]:
    """Return shortcomings (as runs) and plans suggested by the data."""
    shorts: list = []
    plans: list[str] = []
    overdue = c.fig(c.section("cases"), "overdue")
    if overdue:
        shorts.append(c.say("short.overdue", n=overdue))
        plans.append(c.phrase("plan.overdue"))
    for i in c.repeated("indicator"):
        change = c.value(i, "rank_change")
        if change is not None and to_decimal(change) < 0:
            shorts.append(c.say("short.rank_down", name=c.attr(i, "name")))
            plans.append(c.line("plan.rank_down", name=c.attr(i, "name")))
    for p in c.repeated("portfolio"):
        i, a = c.value(p, "funds_intended"), c.value(p, "funds_arrived")
        if i and to_decimal(a or 0) * 2 < to_decimal(i):
            shorts.append(c.say("short.arrival"))
            plans.append(c.phrase("plan.arrival"))
            break
    if not c.value(c.section("study"), "trainings") and not c.value(
        c.section("study"), "study_sessions"
    ):
        shorts.append(c.say("short.study"))
        plans.append(c.phrase("plan.study"))
    return [s for s in shorts if s], [p for p in plans if p]


def shortcomings_and_plans(c: Composer, tier: str, *, split: bool = False) -> Section:
    s = c.section("plans")
    own_shorts = [text(t.rstrip("。；;")) for t in c.texts(s, "shortcomings")]
    data_shorts, data_plans = data_suggestions(c)
    shorts = own_shorts + data_shorts
    own_plans = c.texts(s, "plans")
    plans = own_plans + [p for p in data_plans if p not in own_plans]
    short_lead = c.phrase(one_or_many("short.lead", shorts))
    short_p = para(text(short_lead), *numbered(shorts)) if shorts else None
    lead = c.line(one_or_many("plan.lead", plans), next=str(c.facts.year + 1))
    plan_p = para(text(lead + enumerate_items(plans))) if plans else None
    if split:
        return section(
            1,
            "",
            subs=[
                section(1, c.phrase("h.shortcomings"), short_p, key="shortcomings"),
                section(1, c.phrase("h.plans"), plan_p, key="plans"),
            ],
        )
    return section(1, c.phrase("h.plans"), short_p, plan_p, key="plans")


def one_or_many(slot: str, items: list) -> str:
    """Return the ``_one`` slot for a single item: one item is no list of 方面."""
    return f"{slot}_one" if len(items) == 1 else slot


def numbered(items: list) -> list:
    """Return runs for 一是……；二是……。 where items may hold figures."""
    from ..model import chinese_number

    if len(items) == 1:
        return [items[0], text("。")]
    out = []
    for i, runs in enumerate(items, 1):
        out.append(text(f"{chinese_number(i)}是"))
        out.append(runs)
        out.append(text("。" if i == len(items) else "；"))
    return out
