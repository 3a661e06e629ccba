"""Wrong characters: a confusion set applied in context, misspelt idioms, doubled characters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..core import Context, Finding, load_tsv, make
from ..lexicon import lexicon


@cache
def _doubled() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]:
    table = {}
    for row in load_tsv("doubled.tsv"):
        cells = list(row) + ["."] * 3
        split = lambda c: () if c == "." else tuple(c.split("|"))  # noqa: E731
        table[cells[0]] = (split(cells[1]), split(cells[2]))
    chars = "".join(re.escape(c) for c in table)
    return re.compile(f"([{chars}])\\1"), table


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find same-sound or same-shape wrong words and accidental doubled characters."""
    for start, end, entry in lexicon("confusion.tsv").scan(text):
        is_idiom = len(entry.wrong) == 4 and len(entry.right) == 4
        kind = "成语误写" if is_idiom else "别字"
        note = "" if entry.note in ("音近", "形近") else f"（{entry.note}）"
        yield make(
            text,
            start,
            end,
            "typo.idiom" if is_idiom else "typo.confusion",
            "typo",
            "错误",
            f"{kind}：“{entry.wrong}”应为“{entry.right}”{note}",
            entry.right,
            "实务",
        )
    pattern, table = _doubled()
    for m in pattern.finditer(text):
        ch = m.group(1)
        not_right, not_left = table[ch]
        start, end = m.start(), m.end()
        if any(text.startswith(w, end) for w in not_right):
            continue
        if start > 0 and text[start - 1] in not_left:
            continue
        if any(text.startswith(w, start - len(w), start) for w in not_left if len(w) > 1):
            continue
        yield make(
            text,
            start,
            end,
            "typo.doubled-char",
            "typo",
            "错误",
            f"“{ch}”字重复",
            ch,
            "实务",
        )
