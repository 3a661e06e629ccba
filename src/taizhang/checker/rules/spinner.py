"""Article-spinner swaps: near-synonyms that read wrongly in official register, in context."""

from __future__ import annotations

from collections.abc import Iterator

from ..core import Context, Finding, make
from ..lexicon import lexicon

DENSITY = 3  # this many swaps in one text point to a spun text rather than a slip


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find spinner swaps; several of them raise the severity and add a document finding."""
    hits = list(lexicon("spinner.tsv").scan(text))
    spun = len(hits) >= DENSITY
    severity = "错误" if spun else "警告"
    for start, end, entry in hits:
        yield make(
            text,
            start,
            end,
            "spinner.swap",
            "spinner",
            severity,
            f"用词不当，疑为“洗稿”替换：“{entry.wrong}”在公文中应作“{entry.right}”",
            entry.right,
            "实务",
        )
    if spun:
        start, end, _ = hits[0]
        yield make(
            text,
            start,
            end,
            "spinner.density",
            "spinner",
            "错误",
            f"全文有{len(hits)}处近义词替换痕迹，疑经“伪原创”工具改写，建议通篇核对",
            None,
            "实务",
        )
