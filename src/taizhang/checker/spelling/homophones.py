"""Whole-word homophone slips: a two-character span read exactly like a far more frequent word
(兼任 typed 贱人), and a word replaced by a homophone word that fits its neighbours (实践 typed
事件). The homophones of a pair of characters are looked up once and kept."""

from __future__ import annotations

from .lexicon import Lexicon
from .windows import COMPOUND_MIN

Raw = dict[tuple[int, int, str], tuple[str, float]]  # (start, end, word) -> (kind, cost)

# A two-character span is read as a slip of a homophone word this many times as frequent.
HOMOPHONE_RATIO = 30

_HOMOPHONES: dict[str, tuple[str, ...]] = {}  # lazily filled: a pair of characters -> the
# two-character words read as it (the lexicon's homophones under the pair's reading)
_HOMOPHONES_MAX = 50_000  # about 6 MB at most


def homophones_of(span: str, lx: Lexicon) -> tuple[str, ...]:
    words = _HOMOPHONES.get(span)
    if words is None:
        reading = lx.reading
        words = lx.homophones.get(f"{reading[span[0]]} {reading[span[1]]}", ())
        if len(_HOMOPHONES) >= _HOMOPHONES_MAX:
            _HOMOPHONES.clear()
        _HOMOPHONES[span] = words
    return words


def islands(text: str, starts: list[int], raw: Raw, lx: Lexicon) -> None:
    """Two-character spans bound to neither neighbour, read like a far more frequent word."""
    freq, cached = lx.freq, _HOMOPHONES.get
    for p in starts:
        span = text[p : p + 2]
        words = cached(span)
        if words is None:
            words = homophones_of(span, lx)
        if not words:
            continue
        need = HOMOPHONE_RATIO * max(freq.get(span, 0), 3)
        for w in words:  # most frequent first
            if freq[w] < need:
                break
            if w[0] != span[0] and w[1] != span[1]:
                raw.setdefault((p, p + 2, w), ("同音词", 0.0))


def _in_compound(word: str, lefts: tuple[str, ...], rights: tuple[str, ...], freq) -> bool:
    """``word`` put between one of ``lefts`` and one of ``rights`` (the text's one or two
    characters on either side, or nothing) forms a dictionary compound."""
    get = freq.get
    for left in lefts:
        for right in rights:
            if (left or right) and get(left + word + right, 0) >= COMPOUND_MIN:
                return True
    return False


def compounds(text: str, starts: list[int], raw: Raw, lx: Lexicon) -> set[tuple[int, int, str]]:
    """A word replaced by a homophone word (实践 typed 事件, 商务 typed 上午): only where the
    homophone forms a compound with its neighbours and the word itself forms none."""
    freq, cached = lx.freq, _HOMOPHONES.get
    added = set()
    n = len(text)
    for p in starts:
        span = text[p : p + 2]
        words = cached(span)
        if words is None:
            words = homophones_of(span, lx)
        if len(words) < 2:
            continue
        others = [w for w in words if w[0] != span[0] and w[1] != span[1]]
        if not others:
            continue
        lefts = ("", text[p - 1 : p], text[p - 2 : p])[: min(p, 2) + 1]
        rights = ("", text[p + 2 : p + 3], text[p + 2 : p + 4])[: min(n - p - 2, 2) + 1]
        if _in_compound(span, lefts, rights, freq):
            continue
        for w in others:
            if _in_compound(w, lefts, rights, freq):
                key = (p, p + 2, w)
                if key not in raw:
                    raw[key] = ("同音词", 0.0)
                    added.add(key)
    return added
