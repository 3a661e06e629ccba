"""Find every occurrence of many short forms (two characters or more) in a long text.

A variant lexicon of some 67,000 forms was first matched with a pyahocorasick automaton; on
Chinese text that automaton walks a large alphabet and costs about 1 µs a character, most of
the fast profile's time. Here the first two characters of every form are a bit in a packed
bitmap over pairs of dense character ids: numpy tests every pair of the text at once, and only
the few positions that start a form are looked up in a dict. ``bench/checker_speed.py`` times
both side by side on the same megabyte.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import numpy as np

V = TypeVar("V")


HASH_MUL = 0x9E3779B97F4A7C15  # Fibonacci hashing of a prefix's three ids
SHORT = 400  # texts shorter than this are matched by a loop over their character pairs
BITS_PER_FORM = 64  # size of each hashed bitmap: about one false start in 64 tested triples


class PairMatcher(Generic[V]):
    """Forms of two characters or more with their values; ``find`` yields every match.

    Two-character forms are tested exactly (a bit per pair of ids). A longer form of length k
    is looked up only where a hashed bitmap holds its first three characters and the bitmap of
    length k its last three, so the dict is asked almost only where a form stands.
    """

    def __init__(self, items: Iterable[tuple[str, V]]) -> None:
        self.forms: dict[str, V] = {}
        chars: dict[str, int] = {}
        for form, value in items:
            if len(form) < 2:
                raise ValueError(f"a form needs two characters: {form!r}")
            if form not in self.forms:
                self.forms[form] = value
                for ch in form:
                    chars.setdefault(ch, len(chars) + 1)
        self.width = len(chars) + 1
        self.ids = np.zeros(0x10000, dtype=np.int64)
        self.astral = {ch: n for ch, n in chars.items() if ord(ch) > 0xFFFF}
        for ch, n in chars.items():
            if ord(ch) <= 0xFFFF:
                self.ids[ord(ch)] = n
        self.heads2 = frozenset(f[:2] for f in self.forms)  # for the loop over short texts
        self.lengths = sorted({len(f) for f in self.forms})
        pairs = [chars[f[0]] * self.width + chars[f[1]] for f in self.forms if len(f) == 2]
        self.pairs = _packed(pairs, self.width * self.width)
        # Longer forms: one hashed bitmap of first triples, and per length one of last triples.
        longer = [f for f in self.forms if len(f) > 2]
        self.order = max(16, (BITS_PER_FORM * len(longer)).bit_length())
        size = 1 << self.order
        self.heads = _packed(
            self._hash(self._triples(chars, [f[:3] for f in longer]), self.order), size
        )
        self.tails: dict[int, np.ndarray] = {}
        for k in sorted({len(f) for f in longer}):
            last = self._triples(chars, [f[-3:] for f in longer if len(f) == k])
            self.tails[k] = _packed(self._hash(last, self.order), size)

    def _triples(self, chars: dict[str, int], threes: list[str]) -> np.ndarray:
        keys = [(chars[a] * self.width + chars[b]) * self.width + chars[c] for a, b, c in threes]
        return np.array(keys, dtype=np.uint64)

    @staticmethod
    def _hash(keys: np.ndarray, order: int) -> np.ndarray:
        with np.errstate(over="ignore"):
            mixed = keys.astype(np.uint64) * np.uint64(HASH_MUL)
        return (mixed >> np.uint64(64 - order)).astype(np.int64)  # the top bits

    def __len__(self) -> int:
        return len(self.forms)

    def _ids(self, text: str) -> np.ndarray:
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        ids = self.ids[np.minimum(cps, 0xFFFF)]
        wide = np.flatnonzero(cps > 0xFFFF)
        for p in wide.tolist():  # characters beyond the BMP: rare, mapped one by one
            ids[p] = self.astral.get(text[p], 0)
        return ids

    def positions(self, text: str) -> dict[int, np.ndarray]:
        """For each form length, the offsets where a form of that length may stand (exact
        for length two)."""
        n = len(text)
        if n < 2 or not self.forms:
            return {}
        ids = self._ids(text)
        known = ids > 0
        keys = ids[:-1] * self.width + ids[1:]
        out = {2: np.flatnonzero(_bit(self.pairs, keys) & known[:-1] & known[1:])}
        if n < 3 or not self.tails:
            return out
        triples = (keys[:-1] * self.width + ids[2:]).astype(np.uint64)
        hashed = self._hash(triples, self.order)
        whole = known[:-2] & known[1:-1] & known[2:]
        heads = np.flatnonzero(_bit(self.heads, hashed) & whole)
        for k, tails in self.tails.items():
            starts = heads[heads <= n - k]
            last = starts + (k - 3)  # where the span's last triple starts
            out[k] = starts[_bit(tails, hashed[last]) & whole[last]]
        return out

    def find(self, text: str) -> Iterator[tuple[int, int, V]]:
        """(start, end, value) of every occurrence, overlapping ones included."""
        forms = self.forms
        if len(text) < SHORT:  # a sentence: numpy's cost per call exceeds a plain loop
            heads, lengths, n = self.heads2, self.lengths, len(text)
            for p in range(n - 1):
                if text[p : p + 2] in heads:
                    for k in lengths:
                        if p + k > n:
                            break
                        value = forms.get(text[p : p + k])
                        if value is not None:
                            yield p, p + k, value
            return
        for k, starts in self.positions(text).items():
            for p in starts.tolist():
                value = forms.get(text[p : p + k])
                if value is not None:
                    yield p, p + k, value


def _bit(bits: np.ndarray, keys: np.ndarray) -> np.ndarray:
    return ((bits[keys >> 3] >> (keys & 7).astype(np.uint8)) & 1).astype(bool)


def _packed(keys, size: int) -> np.ndarray:
    """A packed little-endian bitmap of ``size`` bits with ``keys`` set."""
    bits = np.zeros((size + 7) // 8, dtype=np.uint8)
    keys = np.asarray(keys, dtype=np.int64)
    np.bitwise_or.at(bits, keys >> 3, (1 << (keys & 7)).astype(np.uint8))
    return bits
