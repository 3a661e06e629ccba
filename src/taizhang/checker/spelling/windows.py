"""A hashed filter over masked windows, so that characters already bound into words can be
checked too without a dictionary lookup per character.

A slip often leaves its character inside a word of its own (时政府 for 市政府: 时政 is a word,
so 时 is no orphan; 水务局 for 税务局). Such a slip shows as a window of three or four
characters that is no word while one character replaced by a confusable one makes a word.
The lexicon indexes words with one position masked (by sound code, or by look-alike); this
module hashes the same keys, as (window length, masked position, confusion code, the other
characters), into one packed bitmap. The text's windows are hashed the same way with numpy,
and only the few that hit are looked up in the indexes.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import chain

import numpy as np

HASH_BITS = 27  # 16 MiB bitmap; about 0.8 million keys set
LENGTHS = (2, 3, 4)
SHAPE_BASE = 4096
PUA_BASE = (
    0xE000 - 1
)  # code id + PUA_BASE: the code character's code point  # confusion codes: sound codes are 1..~500, look-alikes SHAPE_BASE + char id
_MIX = tuple(
    np.uint64(m)
    for m in (
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    )
)
_SHIFT = np.uint64(64 - HASH_BITS)


def window_hash(tag: np.ndarray, parts: list[np.ndarray]) -> np.ndarray:
    """Hash (tag, code, other characters…) into a bit index of the filter."""
    with np.errstate(over="ignore"):
        h = tag.astype(np.uint64) * _MIX[0]
        for v, m in zip(parts, _MIX[1:], strict=False):
            h = (h ^ v.astype(np.uint64)) * m
        return (h >> _SHIFT).astype(np.int64)


def _tag(k: int, i: int) -> int:
    return k * 8 + i + 1


def _sound_rows(sound_index, ids, pua: int):
    """(length, tag, code, other ids…) of every sound key of the index."""
    for key in sound_index:
        k = len(key)
        i = next(j for j, ch in enumerate(key) if pua <= ord(ch) < pua + SHAPE_BASE)
        others = [ids.get(ch, 0) for j, ch in enumerate(key) if j != i]
        if 0 not in others:
            yield k, (_tag(k, i), ord(key[i]) - pua + 1, *others)


def _shape_rows(shape_index, ids, inverse_shapes, wildcard: str):
    """(length, tag, text character id, other ids…) of every look-alike key of the index."""
    for key, words in shape_index.items():
        k = len(key)
        i = key.index(wildcard)
        others = [ids.get(ch, 0) for j, ch in enumerate(key) if j != i]
        if 0 in others:
            continue
        for y in {y for w in words for y in inverse_shapes.get(w[i], ())}:
            if y in ids:
                yield k, (_tag(k, i), SHAPE_BASE + ids[y], *others)


def _set(bits: np.ndarray, rows: list[tuple[int, ...]]) -> None:
    arr = np.asarray(rows, dtype=np.int64)
    keys = window_hash(arr[:, 0], [arr[:, j] for j in range(1, arr.shape[1])])
    np.bitwise_or.at(bits, keys >> 3, (1 << (keys & 7)).astype(np.uint8))


# Tags of the compound keys: a word read like a two-character span forms a dictionary word
# with the character just right (or left) of it (电子商务 for 电子上午负责人).
RIGHT, LEFT = 200, 201
COMPOUND_MIN = 3  # frequency of a compound that counts as evidence
COMPOUND_MAX_LEN = 6


def compound_rows(freq, homophones, ids, code):
    """(tag, code, code, neighbour id) for each homophone-index word inside a compound."""
    reading = {w: syls.split(" ") for syls, words in homophones.items() for w in words}
    for c, n in freq.items():
        if n < COMPOUND_MIN or not 3 <= len(c) <= COMPOUND_MAX_LEN:
            continue
        for k in range(len(c) - 1):
            syls = reading.get(c[k : k + 2])
            if syls is None:
                continue
            codes = (ord(code(syls[0])), ord(code(syls[1])))
            if k + 2 < len(c) and c[k + 2] in ids:
                yield 0, (RIGHT, *codes, ids[c[k + 2]])
            if k > 0 and c[k - 1] in ids:
                yield 0, (LEFT, *codes, ids[c[k - 1]])


def compound_hits(ids: np.ndarray, lx) -> list[int]:
    """Starts of two-character words of the text whose reading, with the character after or
    before them, is the key of a compound (see compound_rows)."""
    n = len(ids)
    if n < 3:
        return []
    a, b = ids[:-1], ids[1:]
    word = (a > 0) & (b > 0) & _test(lx.pair_words, a * lx.width + b)
    c0, c1 = lx.code_ids[a, 0] + PUA_BASE, lx.code_ids[b, 0] + PUA_BASE
    right = np.zeros(n - 1, dtype=bool)
    tags = np.full(n - 2, RIGHT, dtype=np.int64)
    right[:-1] = _test(lx.window_bits, window_hash(tags, [c0[:-1], c1[:-1], ids[2:]]))
    left = np.zeros(n - 1, dtype=bool)
    tags = np.full(n - 2, LEFT, dtype=np.int64)
    left[1:] = _test(lx.window_bits, window_hash(tags, [c0[1:], c1[1:], ids[:-2]]))
    return np.flatnonzero(word & (right | left)).tolist()


def build_filter(sound_index, shape_index, ids, shapes, pua: int, wildcard: str, compounds=()):
    """The packed bitmap of every masked key (see the module docstring)."""
    inverse: dict[str, list[str]] = defaultdict(list)
    for ch, looks in shapes.items():
        for y in looks:
            inverse[y].append(ch)
    bits = np.zeros((1 << HASH_BITS) // 8, dtype=np.uint8)
    batches: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    rows = chain(
        _sound_rows(sound_index, ids, pua),
        _shape_rows(shape_index, ids, inverse, wildcard),
        compounds,
    )
    for _k, row in rows:
        batch = batches[len(row)]
        batch.append(row)
        if len(batch) >= 50_000:  # small batches keep the build's peak memory down
            _set(bits, batch)
            batch.clear()
    for batch in batches.values():
        if batch:
            _set(bits, batch)
    return bits


def _test(bits: np.ndarray, keys: np.ndarray) -> np.ndarray:
    return ((bits[keys >> 3] >> (keys & 7).astype(np.uint8)) & 1).astype(bool)


def window_hits(ids: np.ndarray, may: np.ndarray, lx) -> list[tuple[int, int, int]]:
    """(start, length, masked offset) of every window whose masked key is in the filter.

    ``ids`` holds the dense character id of each position (0: not a common character),
    ``may`` whether the character at a position may be a slip. Two-character windows that
    are words themselves are left out here (longer ones by the caller)."""
    codes, bits = lx.code_ids, lx.window_bits
    n = len(ids)
    out: list[tuple[int, int, int]] = []
    for k in LENGTHS:
        if n < k:
            break
        cols = [ids[j : n - k + 1 + j] for j in range(k)]
        whole = np.logical_and.reduce([c > 0 for c in cols])
        if k == 2:
            whole &= ~_test(lx.pair_words, cols[0] * lx.width + cols[1])
        for i in range(k):
            masked = cols[i]
            base = whole & may[i : n - k + 1 + i]
            if not base.any():
                continue
            others = [c for j, c in enumerate(cols) if j != i]
            tag = np.full(len(masked), _tag(k, i), dtype=np.int64)
            hit = np.zeros(len(masked), dtype=bool)
            for x in (codes[masked, 0], codes[masked, 1], SHAPE_BASE + masked):
                hit |= _test(bits, window_hash(tag, [x, *others]))
            hit &= base
            out.extend((int(a), k, i) for a in np.flatnonzero(hit))
    return out
