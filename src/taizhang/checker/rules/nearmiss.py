"""Near-miss typos: a token one same-sound or same-shape character away from an official word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import ahocorasick

from .. import spelling
from ..core import DATA_DIR, Context, Finding, load_tsv, make
from ..spelling.matcher import PairMatcher
from ..spelling.official import official_variants

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
def _curated() -> ahocorasick.Automaton:
    """Forms the curated lexicons already name (台帐, 布署): reported there, in their category."""
    curated = ahocorasick.Automaton()
    for name in ("forms.tsv", "confusion.tsv"):
        for row in load_tsv(name):
            curated.add_word(row[0], row[0])
    curated.make_automaton()
    return curated


@cache
def _matcher() -> PairMatcher[tuple[str, str, str]]:
    """The official words' variants less the forms the curated lexicons name."""
    curated = _curated()
    return PairMatcher(
        (variant, (variant, word, kind))
        for variant, word, kind in official_variants()
        if next(curated.iter(variant), None) is None
    )


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
    """Flag tokens that miss a word by one confusable character.

    First the official words (hand-picked, flagged in word position), then the broad
    spelling rule over the whole dictionary (left out with ``speed="fast"``).
    """
    hits = _official_hits(text, _matcher())
    last = -1
    taken = []
    for s in sorted(hits):
        e, variant, word, kind = hits[s]
        if s < last:
            continue
        last = e
        taken.append((s, e))
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
    if ctx.speed != "fast":
        yield from _broad(text, taken, spelling.STRICT_GAIN if ctx.strict else spelling.HINT_GAIN)


def _broad(text: str, taken: list[tuple[int, int]], floor: float) -> Iterator[Finding]:
    for c in spelling.find(text, floor):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        window = text[max(0, c.start - 3) : c.end + 3]
        if next(_curated().iter(window), None) is not None:
            continue  # a curated form nearby (布署): the confusion lexicon reports it
        probable = c.gain >= spelling.WARN_GAIN
        yield make(
            text,
            c.start,
            c.end,
            "typo.spelling",
            "typo",
            "警告" if probable else "提示",
            f"{'疑为' if probable else '可能是'}别字（{c.kind}）：“{c.wrong}”应为“{c.right}”",
            c.right,
            "实务",
        )


def _official_hits(
    text: str, matcher: PairMatcher[tuple[str, str, str]]
) -> dict[int, tuple[int, str, str, str]]:
    words = official_words()
    hits: dict[int, tuple[int, str, str, str]] = {}
    for s, e, (variant, word, kind) in matcher.find(text):
        if len(variant) < 4:
            if not (_left_boundary(text, s, words) and _right_boundary(text, e, words)):
                continue
            if _binds(text, s, e, words):
                continue
        old = hits.get(s)
        if old is None or e > old[0]:
            hits[s] = (e, variant, word, kind)
    return hits
