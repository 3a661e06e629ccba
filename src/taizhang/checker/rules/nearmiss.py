"""Near-miss typos: a token one same-sound or same-shape character away from an official word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import ahocorasick

from ..core import DATA_DIR, Context, Finding, load_tsv, make

# Characters that end or start a word on their own: particles, prepositions, measure words.
LEFT_GLUE = frozenset(
    "的地得了着过和与及或并在对把将被为是从向于也都还就又再更最很较各每该其年月日次"
)
DIGITS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几")
RIGHT_GLUE = frozenset("的地得了着过和与及或并中上下里内时后前等是为在也都")


@cache
def official_words() -> frozenset[str]:
    out: set[str] = set()
    for line in (DATA_DIR / "official_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.update(line.split())
    return frozenset(out)


@cache
def _edges() -> frozenset[str]:
    """Two-character beginnings and endings of official words (约谈 of 约谈提醒)."""
    out = set()
    for w in official_words():
        out.add(w[:2])
        out.add(w[-2:])
    return frozenset(out)


@cache
def _automaton() -> ahocorasick.Automaton | None:
    auto = ahocorasick.Automaton()
    # Forms the curated lexicons already name (台帐, 布署) are reported there, in their category.
    curated = ahocorasick.Automaton()
    for name in ("forms.tsv", "confusion.tsv"):
        for row in load_tsv(name):
            curated.add_word(row[0], row[0])
    curated.make_automaton()
    n = 0
    for line in (DATA_DIR / "near_miss.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, sound, shape = (line.split("\t") + [".", "."])[:3]
        for cell, kind in ((sound, "音近"), (shape, "形近")):
            if cell == ".":
                continue
            for variant in cell.split(" "):
                if next(curated.iter(variant), None) is not None:
                    continue
                auto.add_word(variant, (variant, word, kind))
                n += 1
    if not n:
        return None
    auto.make_automaton()
    return auto


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _left_boundary(text: str, s: int, words: frozenset[str]) -> bool:
    """Evidence that a word starts at s: text edge, a mark, a particle or a known word ending."""
    if s == 0 or not _is_cjk(text[s - 1]):
        return True
    if text[s - 1] in LEFT_GLUE:
        return True
    return any(s >= k and text[s - k : s] in words for k in (2, 3, 4))


def _right_boundary(text: str, e: int, words: frozenset[str]) -> bool:
    if e >= len(text) or not _is_cjk(text[e]):
        return True
    if text[e] in RIGHT_GLUE:
        return True
    return any(text[e : e + k] in words for k in (2, 3, 4))


def _binds(text: str, s: int, e: int, words: frozenset[str]) -> bool:
    """The variant's edge characters form a known word with their neighbours (已经废除 → 经废)."""
    edges = _edges()
    if s > 0 and (text[s - 1] + text[s] in edges or text[s - 1] in DIGITS):
        return True
    return e < len(text) and text[e - 1] + text[e] in edges


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Flag tokens that miss an official word by one confusable character, in word position."""
    auto = _automaton()
    if auto is None:
        return
    words = official_words()
    hits: dict[int, tuple[int, str, str, str]] = {}
    for end_idx, (variant, word, kind) in auto.iter(text):
        s, e = end_idx - len(variant) + 1, end_idx + 1
        if len(variant) < 4:
            if not (_left_boundary(text, s, words) and _right_boundary(text, e, words)):
                continue
            if _binds(text, s, e, words):
                continue
        old = hits.get(s)
        if old is None or e > old[0]:
            hits[s] = (e, variant, word, kind)
    last = -1
    for s in sorted(hits):
        e, variant, word, kind = hits[s]
        if s < last:
            continue
        last = e
        yield make(
            text,
            s,
            e,
            "typo.near-miss",
            "typo",
            "警告",
            f"疑为别字（{kind}）：“{variant}”应为“{word}”",
            word,
            "实务",
        )
