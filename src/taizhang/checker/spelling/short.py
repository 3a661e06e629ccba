"""``suspects`` for a short text (a sentence checked on its own): the same answer as the numpy
path of detect.py, in plain Python but for the masked-window filter.

On a few dozen characters each numpy call costs more than its work; here the character ids,
the pair bitmaps and the compound keys are read one by one from tables built once per lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import windows
from .windows import LEFT, PUA_BASE, RIGHT, window_hits

SHIFT = 64 - windows.HASH_BITS


@dataclass(slots=True)
class Tables:
    """Plain-Python views of one lexicon's arrays."""

    source: object  # the lexicon itself (an id alone could be reused by another one)
    ids: dict[str, int]  # common character -> dense id
    suspect: list[bool]  # id -> may be a slip
    width: int
    inside: memoryview
    rare_first: memoryview
    pair_words: memoryview
    window_bits: memoryview
    first: list[int]  # id -> table word of its first sound code, column 1 (compound keys)
    second: list[int]  # the same in column 2
    neighbour: list[int]  # id -> table word in column 3
    right: int  # the tag and padding words of a compound key looking right
    left: int  # ... looking left


_TABLES: dict[int, Tables] = {}


def tables(lx) -> Tables:
    found = _TABLES.get(id(lx))
    if found is None or found.source is not lx:
        t = windows._TABLES
        width = lx.width
        codes = lx.code_ids[:, 0] + PUA_BASE
        dense = np.flatnonzero(lx.char_id).tolist()
        found = _TABLES[id(lx)] = Tables(
            source=lx,
            ids={chr(cp): int(lx.char_id[cp]) // width for cp in dense},
            suspect=lx.suspect.tolist(),
            width=width,
            inside=memoryview(lx.inside),
            rare_first=memoryview(lx.rare_first),
            pair_words=memoryview(lx.pair_words),
            window_bits=memoryview(lx.window_bits),
            first=t[1][codes].tolist(),
            second=t[2][codes].tolist(),
            neighbour=t[3][:width].tolist(),
            right=int(t[0][RIGHT] ^ t[4][0]),
            left=int(t[0][LEFT] ^ t[4][0]),
        )
    return found


def suspects(text: str, lx, make):
    """What detect.suspects returns, built with ``make`` (the Suspects class)."""
    tb = tables(lx)
    n = len(text)
    get = tb.ids.get
    ids = [get(ch, 0) for ch in text]
    width, inside_bits = tb.width, tb.inside
    keys = [ids[p] * width + ids[p + 1] for p in range(n - 1)]
    inside = [bool(inside_bits[k >> 3] >> (k & 7) & 1) for k in keys]
    covered = [False] * n
    for p, hit in enumerate(inside):
        if hit:
            covered[p] = covered[p + 1] = True
    suspect = tb.suspect
    may = [suspect[i] for i in ids]
    orphan = [m and not c for m, c in zip(may, covered, strict=True)]
    rare_bits = tb.rare_first
    rare = [p for p, k in enumerate(keys) if rare_bits[k >> 3] >> (k & 7) & 1]
    free = [True, *(not x for x in inside), True]  # free[p + 1]: the pair (p, p + 1) is in no word
    islands = [p for p in range(n - 1) if may[p] and may[p + 1] and free[p] and free[p + 2]]
    ids_a = np.array(ids, dtype=np.int64)
    orphan_a = np.array(orphan, dtype=bool)
    not_orphan = ~orphan_a
    found, lone = window_hits(
        ids_a, np.array(may, dtype=bool) & not_orphan, (ids_a > 0) & not_orphan, orphan_a, lx
    )
    lone.sort(key=lambda w: (w[0] + w[2], w[1], w[0]))  # by orphan, length, start
    return make(lone, rare, islands, found, _compounds(ids, keys, tb))


def _compounds(ids: list[int], keys: list[int], tb: Tables) -> list[int]:
    """What windows.compound_hits returns, for a short text."""
    n = len(ids)
    if n < 3:
        return []
    pair_words, bits = tb.pair_words, tb.window_bits
    first, second, neighbour = tb.first, tb.second, tb.neighbour
    out = []
    for p in range(n - 1):
        a, b = ids[p], ids[p + 1]
        k = keys[p]
        if not (a and b and pair_words[k >> 3] >> (k & 7) & 1):
            continue
        base = first[a] ^ second[b]
        after = ids[p + 2] if p + 2 < n else 0
        key = (base ^ tb.right ^ neighbour[after]) >> SHIFT
        if bits[key >> 3] >> (key & 7) & 1:
            out.append(p)
            continue
        before = ids[p - 1] if p > 0 else 0
        key = (base ^ tb.left ^ neighbour[before]) >> SHIFT
        if bits[key >> 3] >> (key & 7) & 1:
            out.append(p)
    return out
