"""Document checker (文稿校对): pure Python rules over text, no Django."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import consistency
from .consistency import ClaimFacts, check_consistency
from .copy import TemplateIndex
from .core import CATEGORIES, PROFILES, SPEEDS, Context, Finding, run_rules, spare_names
from .rules import (
    arithmetic,
    format,
    headings,
    junk,
    ledger,
    nearmiss,
    number,
    pii,
    placeholder,
    punctuation,
    spinner,
    structure,
    typo,
)
from .rules import copy as copy_rule

__all__ = [
    "CATEGORIES",
    "PROFILES",
    "SPEEDS",
    "ClaimFacts",
    "Finding",
    "TemplateIndex",
    "check",
    "check_consistency",
]

TEXT_RULES = (
    placeholder.run,
    number.run,
    arithmetic.run,
    consistency.run,
    typo.run,
    nearmiss.run,
    spinner.run,
    junk.run,
    punctuation.run,
    format.run,
    headings.run,
    structure.run,
    pii.run,
    ledger.run,
)


def check(
    text: str,
    *,
    facts: Iterable[Any] | None = None,
    templates: Any = None,
    profile: str = "summary",
    claims: ClaimFacts | None = None,
    speed: str = "full",
    names: Iterable[str] = (),
    strict: bool = False,
) -> list[Finding]:
    """Check a text and return its findings sorted by position.

    ``facts`` are ledger facts (anything with ``label``, ``value``, ``unit``,
    ``keywords``); ``templates`` is a folder of templates or a ``TemplateIndex``;
    ``profile`` is one of summary, duty, presidium or generic (no structure rules);
    ``claims`` are the ledger's claim facts for the consistency rules;
    ``speed="fast"`` leaves out the broad spelling rule (for the editor);
    ``names`` are proper names the caller knows (persons in the ledger): no spelling
    finding falls on them; ``strict`` lowers the broad spelling rule's floor to the one tuned
    on the benchmark (more possible slips, at the price of a few false hints).
    """
    if profile not in PROFILES:
        raise ValueError(f"未知的文稿类型：{profile}（可选：{'、'.join(PROFILES)}）")
    if speed not in SPEEDS:
        raise ValueError(f"未知的检查速度：{speed}（可选：{'、'.join(SPEEDS)}）")
    text = str(text)
    ctx = Context(
        profile=profile,
        facts=list(facts) if facts else None,
        templates=templates,
        claims=claims,
        speed=speed,
        strict=strict,
    )
    rules = TEXT_RULES + ((copy_rule.run,) if templates is not None else ())
    return spare_names(text, run_rules(text, ctx, rules), names)
