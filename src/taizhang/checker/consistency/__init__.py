"""Consistency rules (前后一致): figures against figures, claims against facts, names against names.

``check_consistency`` is the library entry the writer calls on its own drafts; ``run`` is the
same set of rules as one rule of the full ``check()``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core import Context, Finding, run_rules
from . import claims as claims_rule
from . import parts, rates, repeats, township, years
from .claims import ClaimFacts

__all__ = ["ClaimFacts", "check_consistency", "run"]


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Every consistency rule over one text (facts from ``ctx.claims`` when given)."""
    facts = getattr(ctx, "claims", None) or ClaimFacts()
    yield from repeats.run(text)
    yield from parts.run(text)
    yield from rates.run(text)
    yield from township.run(text, facts.township_kind, facts.township_name)
    yield from years.run(text)
    yield from claims_rule.run(text, facts)


def check_consistency(text: str, *, facts: ClaimFacts | None = None) -> list[Finding]:
    """Findings of the consistency rules only (category "consistency"), sorted by position."""
    return run_rules(str(text), Context(profile="generic", claims=facts), (run,))
