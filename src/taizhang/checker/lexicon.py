"""Context-sensitive word lexicons scanned with one Aho-Corasick automaton each."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import ahocorasick

from .core import load_tsv


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


def _words(cell: str) -> tuple[str, ...]:
    if cell in ("", "."):
        return ()
    return tuple(w.replace("\\n", "\n") for w in cell.split("|") if w)


class Lexicon:
    """All entries of one TSV file, compiled once into an automaton."""

    def __init__(self, name: str) -> None:
        self.automaton = ahocorasick.Automaton()
        table: dict[str, list[Entry]] = {}
        for row in load_tsv(name):
            cells = list(row) + [""] * (7 - len(row))
            entry = Entry(
                cells[0],
                cells[1],
                _words(cells[2]),
                _words(cells[3]),
                _words(cells[4]),
                _words(cells[5]),
                cells[6].lstrip("&"),
                cells[6].startswith("&"),
            )
            table.setdefault(entry.wrong, []).append(entry)
        for key, entries in table.items():
            self.automaton.add_word(key, (key, tuple(entries)))
        self.size = len(table)
        if self.size:
            self.automaton.make_automaton()

    def scan(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Yield non-overlapping hits, leftmost then longest first."""
        if not self.size:
            return
        hits = []
        for end_idx, (key, entries) in self.automaton.iter(text):
            start, end = end_idx - len(key) + 1, end_idx + 1
            for entry in entries:
                if entry.applies(text, start, end):
                    hits.append((start, -end, entry))
                    break
        hits.sort(key=lambda h: (h[0], h[1]))
        last_end = -1
        for start, neg_end, entry in hits:
            if start < last_end:
                continue
            last_end = -neg_end
            yield start, -neg_end, entry


@cache
def lexicon(name: str) -> Lexicon:
    return Lexicon(name)
