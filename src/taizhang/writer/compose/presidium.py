"""Compose the presidium's annual summary (工作总结) and its work report (工作报告)."""

from __future__ import annotations

from ..facts import Facts, FactSection
from ..model import Document, Paragraph, Section, TextRun
from ..numbers import full_date, to_decimal
from ..phrases.presidium import P
from .base import (
    Composer,
    end_sentence,
    generic_figures,
    listing,
    para,
    section,
    sentence,
    text,
)

VARIANTS = ("summary", "report")


def compose_presidium(facts: Facts, *, variant: str = "summary", seed: object = None) -> Document:
    """Compose the presidium's year document; ``variant="report"`` gives the 工作报告."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown presidium variant: {variant}")
    c = Composer(facts, P, variant="report" if variant == "report" else "", seed=seed)
    township = c.attr(None, "township") or facts.subject
    tier = tier_of(township)
    names = {"township": township, "tier": tier, "year": str(facts.year)}
    doc = Document(
        kind="presidium",
        title=c.line("title", **names),
        subject=facts.subject,
        year=facts.year,
        variant=variant,
    )
    if variant == "report":
        doc.salutation = "各位代表："
        doc.subtitle = c.line(
            "subtitle",
            date=full_date(c.attr(None, "report_date")),
            township=township,
            session=c.attr(None, "report_session_name"),
        )
    doc.preamble = [Paragraph([TextRun(c.line("preamble", **names))])]
    parts = [
        plan(c),
        session(c, township),
        groups(c),
        evaluations(c),
        report_backs(c),
        inspections(c, tier),
        petitions(c, tier),
        publicity(c),
        liaison(c),
        plans(c, tier),
    ]
    doc.sections = [s for s in parts if not s.is_empty()]
    doc.closing = [Paragraph([TextRun(c.line("closing", **names))])]
    if variant != "report":
        doc.signature = [f"{township}人大主席团"]
        doc.date = full_date(c.attr(None, "document_date"))
    return doc


def tier_of(township: str) -> str:
    """Return 乡 or 镇 (or 街道) from a township's name."""
    if township.endswith("街道"):
        return "街道"
    return "镇" if township.endswith("镇") else "乡"


def plan(c: Composer) -> Section:
    s = c.section("plan")
    points = c.texts(s, "points")
    purposes = c.texts(s, "purposes")
    budget = c.fig(s, "budget_spent")
    return section(
        1,
        c.phrase("h.plan"),
        para(
            sentence(c.say("plan.points", points=listing(points))),
            sentence(c.say("plan.meetings", n=c.fig(s, "presidium_meetings"))),
            sentence(
                c.say("plan.budget", money=budget),
                c.say("plan.purposes", items=listing(purposes)) if budget else None,
                c.say("plan.budget_end") if budget else None,
            ),
        ),
        key="plan",
    )


def session(c: Composer, township: str) -> Section:
    s = c.section("session")
    name = c.attr(s, "session_name")
    date = c.date(s, "session_date")
    expected, present = c.fig(s, "expected"), c.fig(s, "present")
    opening = c.say("session.open", date=date, township=township, session=name) or c.say(
        "session.open_nodate", township=township, session=name
    )
    quorum = None
    if expected and present and to_decimal(present.value) * 3 > to_decimal(expected.value) * 2:
        quorum = c.say("session.quorum")
    rate = c.rate(present, expected, "session.attendance_rate", "到会率")
    reports = c.texts(s, "reports")
    n_reports = c.fig(s, "reports_approved")
    reports_clause = (
        c.say("session.reports_named", names=listing(reports), n=n_reports)
        if reports
        else c.say("session.reports", n=n_reports)
    )
    closed = c.fig(s, "motions_closed")
    satisfied = c.rate(
        c.fig(s, "motions_satisfied"), closed, "session.motion_satisfaction", "满意率"
    )
    received = c.fig(s, "motions_received")
    first = para(
        sentence(opening),
        sentence(
            c.say("session.roll", expected=expected, present=present),
            c.say("session.rate", rate=rate),
            quorum,
        ),
        sentence(reports_clause),
    )
    motions = para(
        sentence(
            c.say("motions.received", n=received),
            c.say("motions.registered", n=c.fig(s, "motions_registered")),
            c.say("motions.converted", n=c.fig(s, "motions_converted")),
        ),
        sentence(c.say("motions.principle")) if received else None,
        sentence(c.say("motions.assigned", date=c.date(s, "assignment_meeting_date"))),
        sentence(c.say("motions.closed", n=closed), c.say("motions.satisfied", rate=satisfied)),
    )
    return section(1, c.phrase("h.session"), first, motions, key="session")


def groups(c: Composer) -> Section:
    paragraphs = []
    for s in c.repeated("group"):
        item = c.say(
            "group.item",
            date=c.date(s),
            group=c.attr(s, "group") or "各代表小组",
            topic=c.attr(s, "topic"),
            kind=c.attr(s, "activity") or "专题学习",
        )
        if item is None:
            continue
        paragraphs.append(
            para(
                sentence(
                    item,
                    c.say("group.participants", n=c.fig(s, "participants")),
                    c.say("group.outcome"),
                )
            )
        )
    return section(1, c.phrase("h.groups"), *paragraphs, key="groups")


def ratings(c: Composer, s: FactSection, prefix: str, key: str) -> list:
    a, b, u = c.fig(s, "satisfied"), c.fig(s, "basically_satisfied"), c.fig(s, "unsatisfied")
    total = c.total([a, b, u], f"{s.key}.rated", "参加测评")
    good = c.total([a, b], f"{s.key}.satisfied_total", "满意和基本满意")
    rate = c.rate(good, total, f"{s.key}.satisfaction_rate", "满意率")
    return [c.say(f"{prefix}.ratings", a=a, b=b, c=u), c.say(f"{prefix}.rate", rate=rate)]


def evaluations(c: Composer) -> Section:
    paragraphs = []
    for s in c.repeated("evaluation"):
        unit, date, deputies = c.attr(s, "unit"), c.date(s), c.fig(s, "deputies")
        item = c.say("eval.item", date=date, unit=unit, deputies=deputies) or c.say(
            "eval.item_nodeps", date=date, unit=unit
        )
        if item is None:
            continue
        opinions = c.fig(s, "opinions")
        paragraphs.append(
            para(
                sentence(item),
                sentence(c.say("eval.steps")),
                sentence(*ratings(c, s, "eval", "evaluation")),
                sentence(
                    c.say("eval.opinions", n=opinions),
                    c.say("eval.rectified", n=c.fig(s, "rectified")),
                ),
                sentence(c.say("eval.handover")) if opinions else None,
                *[text(end_sentence(t)) for t in c.texts(s, "rectification")],
            )
        )
    return section(1, c.phrase("h.evaluations"), *paragraphs, key="evaluations")


def report_backs(c: Composer) -> Section:
    paragraphs = []
    for s in c.repeated("report_back"):
        item = c.say("rb.item", date=c.date(s), district=c.attr(s, "district"))
        if item is None:
            continue
        paragraphs.append(
            para(
                sentence(
                    item,
                    c.say("rb.deputies", n=c.fig(s, "deputies")),
                    c.say("rb.voters", n=c.fig(s, "voters")),
                ),
                sentence(*ratings(c, s, "rb", "report_back")),
                sentence(c.say("rb.opinions", n=c.fig(s, "opinions"))),
            )
        )
    return section(1, c.phrase("h.report_backs"), *paragraphs, key="report_backs")


def inspections(c: Composer, tier: str) -> Section:
    paragraphs = []
    for s in c.repeated("inspection"):
        topic, date, deputies = c.attr(s, "topic"), c.date(s), c.fig(s, "deputies")
        item = c.say("insp.item", date=date, topic=topic, deputies=deputies) or c.say(
            "insp.item_nodeps", date=date, topic=topic
        )
        if item is None:
            continue
        opinions = c.fig(s, "opinions")
        paragraphs.append(
            para(
                sentence(
                    item,
                    c.say("insp.opinions", n=opinions),
                    c.say("insp.rectified", n=c.fig(s, "rectified")),
                ),
                sentence(c.say("insp.handover", tier=tier)) if opinions else None,
            )
        )
    return section(1, c.phrase("h.inspections"), *paragraphs, key="inspections")


def petitions(c: Composer, tier: str) -> Section:
    s = c.section("petitions")
    received, on_time = c.fig(s, "received"), c.fig(s, "closed_on_time")
    body = [
        sentence(c.say("pet.officers", n=c.fig(s, "officers"))),
        sentence(
            c.say("pet.received", n=received),
            c.say("pet.tier_village", n=c.fig(s, "received_village")),
            c.say("pet.tier_township", n=c.fig(s, "received_township"), tier=tier),
            c.say("pet.settled_village", n=c.fig(s, "settled_in_village")),
        ),
        sentence(
            c.say("pet.on_time", n=on_time),
            c.say(
                "pet.on_time_rate",
                rate=c.rate(on_time, received, "petitions.on_time_rate", "按期办结率"),
            ),
        ),
    ]
    cases = [
        c.say("pet.case", case=end_sentence(t).rstrip("。")) for t in c.texts(s, "typical_case")
    ]
    first = para(*body)
    if first is not None:
        first = para(sentence(c.say("pet.lead")), *body, *[sentence(x) for x in cases])
    elif cases:
        first = para(*[sentence(x) for x in cases])
    return section(1, c.phrase("h.petitions"), first, key="petitions")


def publicity(c: Composer) -> Section:
    s = c.section("publicity")
    levels = [c.say(f"pub.{lv}", n=c.fig(s, lv)) for lv in ("province", "city", "county")]
    level_runs = sentence(*levels, join="、", end="")
    return section(
        1,
        c.phrase("h.publicity"),
        para(
            sentence(
                c.say("pub.pieces", n=c.fig(s, "pieces")),
                c.say("pub.levels", items=level_runs),
            ),
            sentence(c.say("pub.website", n=c.fig(s, "website_updates"))),
        ),
        key="publicity",
    )


def liaison(c: Composer) -> Section:
    s = c.section("liaison")
    items = generic_figures(c, s, skip=set())
    return section(
        1,
        c.phrase("h.liaison"),
        para(sentence(c.say("liaison.lead"), *items)) if items else None,
        key="liaison",
    )


def plans(c: Composer, tier: str) -> Section:
    s = c.section("plans")
    shortcomings = c.texts(s, "shortcomings")
    data_points = []
    session_facts = c.section("session")
    received, closed = (
        c.value(session_facts, "motions_received"),
        c.value(session_facts, "motions_closed"),
    )
    if received and to_decimal(received) > to_decimal(closed or 0):
        data_points.append(c.phrase("short.data_motions"))
    pet = c.section("petitions")
    pr, po = c.value(pet, "received"), c.value(pet, "closed_on_time")
    if pr and po is not None and to_decimal(po) < to_decimal(pr):
        data_points.append(c.phrase("short.data_petitions"))
    items = shortcomings + [d for d in data_points if d not in shortcomings]
    plan_items = c.texts(s, "plans")
    paragraphs = []
    if items:
        lead = c.phrase("short.lead_one" if len(items) == 1 else "short.lead")
        paragraphs.append(para(text(lead + enumerate_items(items))))
    if plan_items:
        slot = "plans.lead_one" if len(plan_items) == 1 else "plans.lead"
        lead = c.line(slot, next=str(c.facts.year + 1), tier=tier)
        paragraphs.append(para(text(lead + enumerate_items(plan_items))))
    return section(1, c.phrase("h.plans"), *paragraphs, key="plans")


def enumerate_items(items: list[str]) -> str:
    """Write items as 一是……；二是……。"""
    from ..model import chinese_number

    if len(items) == 1:
        return items[0].strip().rstrip("。；;") + "。"
    parts = [f"{chinese_number(i)}是{t.strip().rstrip('。；;')}" for i, t in enumerate(items, 1)]
    return "；".join(parts) + "。"
