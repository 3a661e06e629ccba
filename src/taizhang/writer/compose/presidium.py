"""Compose the presidium's annual summary (主席团工作总结); the work report has its own module."""

from __future__ import annotations

from ..facts import Facts
from ..model import Document, Paragraph, TextRun
from ..numbers import full_date
from ..phrases.presidium import P
from . import presidium_more as more
from . import presidium_parts as parts
from .base import Composer, para, section

VARIANTS = ("summary", "report")


def compose_presidium(facts: Facts, *, variant: str = "summary", seed: object = None) -> Document:
    """Compose the presidium's year summary; ``variant="report"`` gives the work report."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown presidium variant: {variant}")
    if variant == "report":
        from .presidium_report import compose_presidium_report

        return compose_presidium_report(facts, seed=seed)
    c = Composer(facts, P, seed=seed)
    township = c.attr(None, "township") or facts.subject
    tier = c.attr(None, "tier") or tier_of(township)
    names = {"township": township, "tier": tier, "year": str(facts.year)}
    doc = Document(
        kind="presidium",
        title=c.line("title", **names),
        subject=facts.subject,
        year=facts.year,
        variant="summary",
    )
    doc.preamble = [Paragraph([TextRun(c.line("preamble", **names))])]
    supervision = [
        parts.activity_paragraph(c, s, prefix, i)
        for prefix, key in (("insp", "inspection"), ("eval", "evaluation"))
        for i, s in enumerate(c.repeated(key))
    ]
    deputies = (
        parts.group_paragraphs(c)
        + [parts.activity_paragraph(c, s, "rb", i) for i, s in enumerate(c.repeated("report_back"))]
        + more.liaison_paragraphs(c)
        + [more.duty_paragraph(c)]
    )
    body = [
        ("h.session", "session", [*parts.session_paragraphs(c, township), more.vote_paragraph(c)]),
        ("h.motions", "motions", parts.motion_paragraphs(c) + parts.suggestion_paragraphs(c)),
        ("h.supervision", "supervision", supervision),
        ("h.deputies", "deputies", deputies),
        ("h.petitions", "petitions", parts.petition_paragraphs(c, tier)),
        ("h.publicity", "publicity", parts.publicity_paragraphs(c)),
        ("h.budget", "budget", parts.budget_paragraphs(c)),
    ]
    sections = [section(1, c.phrase(h), *ps, key=key) for h, key, ps in body]
    problems = parts.problem_runs(c)
    plans = parts.plan_runs(c, tier, township)
    sections.append(
        section(
            1,
            c.phrase("h.problems"),
            para(parts.text(c.phrase("short.lead")), parts.numbered(c, problems)),
            key="problems",
        )
    )
    sections.append(
        section(
            1,
            c.line("h.plans", next=str(facts.year + 1)),
            para(
                parts.text(c.line("plans.lead", next=str(facts.year + 1), tier=tier)),
                parts.numbered(c, plans),
            )
            if plans
            else None,
            key="plans",
        )
    )
    doc.sections = [s for s in sections if not s.is_empty()]
    doc.closing = [Paragraph([TextRun(c.line("closing", **names))])]
    doc.signature = [f"{township}人大主席团"]
    doc.date = full_date(c.attr(None, "document_date"))
    return doc


def tier_of(township: str) -> str:
    """Return 乡 or 镇 (or 街道) from a township's name."""
    if township.endswith("街道"):
        return "街道"
    return "镇" if township.endswith("镇") else "乡"


def enumerate_items(items: list[str]) -> str:
    """Write items as 一是……；二是……。"""
    from ..model import chinese_number

    if len(items) == 1:
        return items[0].strip().rstrip("。；;") + "。"
    parts_ = [f"{chinese_number(i)}是{t.strip().rstrip('。；;')}" for i, t in enumerate(items, 1)]
    return "；".join(parts_) + "。"
