"""Context-sensitive word lexicons, each scanned with one pair matcher (spelling/matcher.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .core import load_tsv
from .spelling.matcher import PairMatcher


@dataclass(frozen=True, slots=True)
class Entry:
    """A wrong form, its replacement, and the contexts that decide whether it is wrong.

    With no ``left``/``right`` the form is wrong everywhere; otherwise it is wrong only
    when one of ``left`` ends just before it or one of ``right`` starts just after it.
    ``not_left``/``not_right`` veto a hit (a correct use of the same characters).
    A note starting with ``&`` requires both a left and a right context.
    """

    wrong: str
    right: str
    left: tuple[str, ...]
    right_ctx: tuple[str, ...]
    not_left: tuple[str, ...]
    not_right: tuple[str, ...]
    note: str
    both: bool = False

    def applies(self, text: str, start: int, end: int) -> bool:
        if self.not_left and _ends_with_any(text, start, _by_length(self.not_left)):
            return False
        if self.not_right and _starts_with_any(text, end, _by_length(self.not_right)):
            return False
        if not self.left and not self.right_ctx:
            return True
        left_ok = bool(self.left) and _ends_with_any(text, start, _by_length(self.left))
        if left_ok and not self.both:
            return True
        right_ok = bool(self.right_ctx) and _starts_with_any(text, end, _by_length(self.right_ctx))
        if self.both:
            return left_ok and right_ok
        return right_ok


@cache
def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Group context words by length so that one slice per length tests them all."""
    groups: dict[int, set[str]] = {}
    for w in words:
        groups.setdefault(len(w), set()).add(w)
    return tuple((n, frozenset(ws)) for n, ws in sorted(groups.items()))


def _ends_with_any(text: str, pos: int, groups: tuple[tuple[int, frozenset[str]], ...]) -> bool:
    return any(n <= pos and text[pos - n : pos] in ws for n, ws in groups)


def _starts_with_any(text: str, pos: int, groups: tuple[tuple[int, frozenset[str]], ...]) -> bool:
    return any(text[pos : pos + n] in ws for n, ws in groups)


def _with_particles(words: tuple[str, ...]) -> tuple[str, ...]:
    """A left context word also counts with 的 or 了 after it (提出的定见, 进行了视查)."""
    extra = tuple(
        w + p
        for w in words
        if len(w) >= 2 and "\u4e00" <= w[-1] <= "\u9fff" and w[-1] not in "的了"
        for p in "的了"
    )
    return words + tuple(e for e in extra if e not in words)


def _words(cell: str) -> tuple[str, ...]:
    if cell in ("", "."):
        return ()
    return tuple(w.replace("\\n", "\n") for w in cell.split("|") if w)


class Lexicon:
    """All entries of one TSV file, compiled once into a pair matcher."""

    def __init__(self, name: str) -> None:
        table: dict[str, list[Entry]] = {}
        for row in load_tsv(name):
            cells = list(row) + [""] * (7 - len(row))
            entry = Entry(
                cells[0],
                cells[1],
                _with_particles(_words(cells[2])),
                _words(cells[3]),
                _words(cells[4]),
                _words(cells[5]),
                cells[6].lstrip("&"),
                cells[6].startswith("&"),
            )
            table.setdefault(entry.wrong, []).append(entry)
        # Context words are folded into the matcher keys (左文+错词, 错词+右文), so that a
        # common word such as 开展 only produces a hit where one of its contexts surrounds it.
        keys: dict[str, list[tuple[int, Entry]]] = {}
        for wrong, entries in table.items():
            for entry in entries:
                if not entry.left and not entry.right_ctx:
                    keys.setdefault(wrong, []).append((0, entry))
                    continue
                for left in entry.left:
                    keys.setdefault(left + wrong, []).append((len(left), entry))
                if not entry.both:
                    for right in entry.right_ctx:
                        keys.setdefault(wrong + right, []).append((0, entry))
        # Keys that start with the wrong form are matched forwards; keys that start with a left
        # context (often a common word: 进行了) backwards, in the reversed text, so that the
        # matcher's prefix test always starts on the wrong form's characters.
        self.forward = PairMatcher(
            (key, tuple(h for h in hits if not h[0]))
            for key, hits in keys.items()
            if any(not h[0] for h in hits)
        )
        self.backward = PairMatcher(
            (key[::-1], tuple(h for h in hits if h[0]))
            for key, hits in keys.items()
            if any(h[0] for h in hits)
        )
        self.size = len(table)

    def scan(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Yield non-overlapping hits, leftmost then longest first."""
        if not self.size:
            return
        hits = {}
        n = len(text)
        found = [(s, c) for s, _, c in self.forward.find(text)]
        found += [(n - e, c) for _, e, c in self.backward.find(text[::-1])]
        for key_start, candidates in found:
            for offset, entry in candidates:
                start = key_start + offset
                end = start + len(entry.wrong)
                if (start, end) in hits:
                    continue
                if entry.applies(text, start, end):
                    hits[(start, end)] = entry
        last_end = -1
        for (start, end), entry in sorted(hits.items(), key=lambda h: (h[0][0], -h[0][1])):
            if start < last_end:
                continue
            last_end = end
            yield start, end, entry


@cache
def lexicon(name: str) -> Lexicon:
    return Lexicon(name)
