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
# Window lengths tried. Two-character windows (LENGTHS = (2, 3, 4)) add about 0.015 recall on
# the EC-ODW dev file but score three times as many candidates: the full profile ran at about
# two thirds of the speed. Left out; the code for them stays (see detect._windows).
LENGTHS = (3, 4)
# Confusion codes: sound codes are 1..~500, look-alikes SHAPE_BASE + the text character's id.
SHAPE_BASE = 4096
PUA_BASE = 0xE000 - 1  # code id + PUA_BASE: the code character's code point
CHUNK = 4096  # window starts hashed at once
WIDTH = 5  # every key is (tag, code, three more values), zero-padded
# Tabulation hashing: each of the five values of a key picks a random 64-bit word from its own
# table and the words are xor-ed; the top HASH_BITS bits index the filter. The text side
# gathers whole columns of words at once (few numpy calls for a short text).
_TABLES = np.random.default_rng(20261207).integers(
    0, np.iinfo(np.uint64).max, size=(WIDTH, 1 << 16), dtype=np.uint64, endpoint=True
)
_SHIFT = np.uint64(64 - HASH_BITS)


def window_hash(rows: np.ndarray) -> np.ndarray:
    """Hash keys (the last axis: tag, three values, the confusion code) into bit indexes."""
    h = _TABLES[0][rows[..., 0]]
    for j in range(1, WIDTH):
        h = h ^ _TABLES[j][rows[..., j]]
    return (h >> _SHIFT).astype(np.int64)


def _tag(k: int, i: int) -> int:
    return k * 8 + i + 1


def _padded(others: list[int]) -> list[int]:
    return others + [0] * (3 - len(others))


def _sound_rows(sound_index, ids, pua: int):
    """(length, tag, code, other ids…) of every sound key of the index."""
    for key in sound_index:
        k = len(key)
        i = next(j for j, ch in enumerate(key) if pua <= ord(ch) < pua + SHAPE_BASE)
        others = [ids.get(ch, 0) for j, ch in enumerate(key) if j != i]
        if 0 not in others:
            yield k, (_tag(k, i), *_padded(others), ord(key[i]) - pua + 1)


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
                yield k, (_tag(k, i), *_padded(others), SHAPE_BASE + ids[y])


def _set(bits: np.ndarray, rows: list[tuple[int, ...]]) -> None:
    keys = window_hash(np.asarray(rows, dtype=np.int64))
    np.bitwise_or.at(bits, keys >> 3, (1 << (keys & 7)).astype(np.uint8))


# Tags of the compound keys: a word read like a two-character span forms a dictionary word
# with the character just right (or left) of it (电子商务 for 电子上午负责人).
RIGHT, LEFT = 200, 201
COMPOUND_MIN = 3  # frequency of a compound that counts as evidence
COMPOUND_MAX_LEN = 6


def compound_rows(freq, homophones, ids, code):
    """(tag, code, code, neighbour id, 0) for each homophone-index word inside a compound."""
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
                yield 0, (RIGHT, *codes, ids[c[k + 2]], 0)
            if k > 0 and c[k - 1] in ids:
                yield 0, (LEFT, *codes, ids[c[k - 1]], 0)


def compound_hits(ids: np.ndarray, pair_keys: np.ndarray, lx) -> list[int]:
    """Starts of two-character words of the text whose reading, with the character after or
    before them, is the key of a compound (see compound_rows). ``pair_keys`` are the id-pair
    keys of the text's character pairs (id of the first times the width plus the second)."""
    n = len(ids)
    if n < 3:
        return []
    word = (ids[:-1] > 0) & (ids[1:] > 0) & _test(lx.pair_words, pair_keys)
    p = np.flatnonzero(word)
    padded = np.zeros(n + 2, dtype=np.int64)  # padded[q + 1] = ids[q]; 0 past either end
    padded[1:-1] = ids
    if not len(p):
        return []
    t = _TABLES  # the words of window_hash for keys (tag, code, code, neighbour, 0)
    base = t[1][lx.code_ids[ids[p], 0] + PUA_BASE] ^ t[2][lx.code_ids[ids[p + 1], 0] + PUA_BASE]
    base ^= t[4][0]
    right = base ^ t[0][RIGHT] ^ t[3][padded[p + 3]]  # the character after the word
    left = base ^ t[0][LEFT] ^ t[3][padded[p]]  # the character before it
    hit = _test(lx.window_bits, (np.stack((right, left)) >> _SHIFT).astype(np.int64)).any(0)
    return p[hit].tolist()


def build_filter(sound_index, shape_index, ids, shapes, pua: int, wildcard: str, compounds=()):
    """The packed bitmap of every masked key (see the module docstring)."""
    inverse: dict[str, list[str]] = defaultdict(list)
    for ch, looks in shapes.items():
        for y in looks:
            inverse[y].append(ch)
    bits = np.zeros((1 << HASH_BITS) // 8, dtype=np.uint8)
    batch: list[tuple[int, ...]] = []
    rows = chain(
        _sound_rows(sound_index, ids, pua),
        _shape_rows(shape_index, ids, inverse, wildcard),
        compounds,
    )
    for _k, row in rows:
        batch.append(row)
        if len(batch) >= 50_000:  # small batches keep the build's peak memory down
            _set(bits, batch)
            batch.clear()
    if batch:
        _set(bits, batch)
    return bits


def _test(bits: np.ndarray, keys: np.ndarray) -> np.ndarray:
    return ((bits[keys >> 3] >> (keys & 7).astype(np.uint8)) & 1).astype(bool)


# Every (length, masked offset) combination, its tag and the columns of its other characters
# in a row of the five characters from a window's start (column 4 is always 0: padding).
COMBOS = [(k, i) for k in (2, 3, 4) for i in range(k)]
_TRIED = np.array([k in LENGTHS for k, _i in COMBOS])  # combinations of window_hits' first list
_TAGS = np.array([_tag(k, i) for k, i in COMBOS], dtype=np.int64)
_OTHERS = np.array([[j for j in range(k) if j != i] + [4] * (4 - k) for k, i in COMBOS])
_MASKED = np.array([i for _k, i in COMBOS])
_LENGTH = np.array([k for k, _i in COMBOS])
_LONG = (_LENGTH > 2).astype(np.int64)


def window_hits(
    ids: np.ndarray, may: np.ndarray, may_long: np.ndarray, orphan: np.ndarray, lx
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """(start, length, masked offset) of every window whose masked key is in the filter: the
    windows of LENGTHS whose masked character may be a slip, then (all lengths 2 to 4) those
    whose masked character is an orphan (``orphan``), so that an orphan's windows are looked up
    only where a word may fit them.

    ``ids`` holds the dense character id of each position (0: not a common character),
    ``may`` whether the character at a position may be a slip in a two-character window,
    ``may_long`` in a longer one (function characters too: 为生院). Two-character windows that
    are words themselves are left out here (longer ones by the caller). All combinations are
    hashed in one pass: short texts pay few numpy calls."""
    n = len(ids)
    out: list[tuple[int, int, int]] = []
    lone: list[tuple[int, int, int]] = []
    if n > LONG and 2 not in LENGTHS:
        for start in range(0, n - 1, LONG_CHUNK):
            part = slice(start, min(n, start + LONG_CHUNK + 4))
            hits, alone = _long_hits(ids[part], may_long[part], orphan[part], lx, LONG_CHUNK)
            out.extend((start + a, k, i) for a, k, i in hits)
            lone.extend((start + a, k, i) for a, k, i in alone)
        return out, lone
    for start in range(0, n - 1, CHUNK):  # in chunks: memory stays small on a long text
        end = min(n, start + CHUNK + 4)
        part = slice(start, end)
        hits, alone = _chunk_hits(ids[part], may[part], may_long[part], orphan[part], lx)
        out.extend((start + a, k, i) for a, k, i in hits if a < CHUNK)
        lone.extend((start + a, k, i) for a, k, i in alone if a < CHUNK)
    return out, lone


def _chunk_hits(ids, may, may_long, orphan, lx):
    n = len(ids)
    index = _grid_index(n)
    padded = np.zeros(n + 5, dtype=np.int64)  # position p of the text at p + 1; 0 is padding
    padded[1 : n + 1] = ids
    grid = padded[index]  # (n, 5): the ids of the five characters from each start, then 0
    slip = np.zeros((n + 5, 3), dtype=bool)
    slip[1 : n + 1, 0] = may
    slip[1 : n + 1, 1] = may_long
    slip[1 : n + 1, 2] = orphan
    present = np.logical_and.accumulate(grid[:, :4] > 0, axis=1)  # first j + 1 ids common
    present = present[:, _LENGTH - 1]
    masked = index[:, _MASKED]
    ok = present & slip[masked, _LONG] & _TRIED
    if 2 in LENGTHS:
        pair = _test(lx.pair_words, grid[:, 0] * lx.width + grid[:, 1])
        ok[:, _LENGTH == 2] &= ~pair[:, None]
    lone = present & slip[masked, 2]
    a, c = np.nonzero(ok | lone)  # only the windows asked about are hashed
    h = _TAG_WORDS[c] ^ _TABLES[1][padded[_OTHER_AT[a, c, 0]]]
    h ^= _TABLES[2][padded[_OTHER_AT[a, c, 1]]]
    h ^= _TABLES[3][padded[_OTHER_AT[a, c, 2]]]
    words, valid = _confusion_words(lx)
    m = padded[_MASKED_AT[a, c]]
    keys = ((h[:, None] ^ words[m]) >> _SHIFT).astype(np.int64)
    hit = _test(lx.window_bits, keys) & valid[m]
    hit = hit[:, 0] | hit[:, 1] | hit[:, 2]
    a, c = a[hit], c[hit]
    first = ok[a, c]
    return _listed(a[first], c[first]), _listed(a[~first], c[~first])


# A long text is hashed combination by combination over slices of per-position tables (no
# gathers through the window grid): the same keys, fewer passes over memory.
LONG = 8192
LONG_CHUNK = 1 << 16


def _long_hits(ids, may_long, orphan, lx, size: int):
    """_chunk_hits for windows starting before ``size`` (LENGTHS without two: ``may`` unused)."""
    n = len(ids)
    starts = min(n, size)
    padded = np.zeros(n + 5, dtype=np.int64)
    padded[1 : n + 1] = ids
    common = padded > 0
    flags = np.zeros((2, n + 5), dtype=bool)
    flags[0, 1 : n + 1] = may_long
    flags[1, 1 : n + 1] = orphan
    words, valid = _confusion_words(lx)
    code_words, code_valid = words[padded], valid[padded]
    columns = [None, *(_TABLES[j][padded] for j in (1, 2, 3))]
    found_a, found_c, found_ok = [], [], []
    for c, (k, i) in enumerate(COMBOS):
        present = common[1 : 1 + starts].copy()
        for j in range(1, k):
            present &= common[1 + j : 1 + j + starts]
        ok = present & flags[0, 1 + i : 1 + i + starts] if _TRIED[c] else present & False
        want = ok | (present & flags[1, 1 + i : 1 + i + starts])
        # Windows of LENGTHS are nearly all asked about: whole slices; the others (an orphan's
        # two-character windows) are few: gathered.
        at = None if _TRIED[c] else np.flatnonzero(want)
        if at is not None and not len(at):
            continue
        h = np.full(starts if at is None else len(at), _TAG_WORDS[c], dtype=np.uint64)
        for col, j in enumerate(_OTHERS[c], start=1):
            if j == 4:
                h ^= _TABLES[col][0]
            else:
                h ^= (
                    columns[col][1 + j : 1 + j + starts] if at is None else columns[col][at + 1 + j]
                )
        masked = slice(1 + i, 1 + i + starts) if at is None else at + 1 + i
        keys = ((h[:, None] ^ code_words[masked]) >> _SHIFT).astype(np.int64)
        hit = (_test(lx.window_bits, keys) & code_valid[masked]).any(1)
        hit = np.flatnonzero(hit & want) if at is None else at[hit]
        found_a.append(hit)
        found_c.append(np.full(len(hit), c))
        found_ok.append(ok[hit])
    if not found_a:
        return [], []
    a, c, first = (np.concatenate(x) for x in (found_a, found_c, found_ok))
    order = np.lexsort((c, a))
    a, c, first = a[order], c[order], first[order]
    return _listed(a[first], c[first]), _listed(a[~first], c[~first])


def _listed(a: np.ndarray, c: np.ndarray) -> list[tuple[int, int, int]]:
    pairs = zip(a.tolist(), c.tolist(), strict=True)
    return [(x, COMBOS[y][0], COMBOS[y][1]) for x, y in pairs]


_INDEX = np.concatenate(
    [np.arange(CHUNK + 4)[:, None] + np.arange(1, 5), np.zeros((CHUNK + 4, 1), dtype=np.int64)],
    axis=1,
)
_OTHER_AT = _INDEX[:, _OTHERS]  # padded positions of the other characters of each combination
_MASKED_AT = _INDEX[:, _MASKED]  # padded position of the masked character
_TAG_WORDS = _TABLES[0][_TAGS]
_WORDS_CACHE: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _confusion_words(lx) -> tuple[np.ndarray, np.ndarray]:
    """Per character id, the table words of its three confusion codes (two sounds, shape) and
    which of the three it has (a character with one reading has no second sound code)."""
    words = _WORDS_CACHE.get(id(lx.code_ids))
    if words is None:
        codes = np.empty((len(lx.code_ids), 3), dtype=np.int64)
        codes[:, :2] = lx.code_ids
        codes[:, 2] = SHAPE_BASE + np.arange(len(lx.code_ids))
        valid = np.ones(codes.shape, dtype=bool)
        valid[:, :2] = lx.code_ids > 0
        words = _WORDS_CACHE[id(lx.code_ids)] = (_TABLES[4][codes], valid)
    return words


def _grid_index(n: int) -> np.ndarray:
    """Indexes into the padded ids: positions p..p+3 (shifted by one) and the padding 0."""
    if n <= len(_INDEX):
        return _INDEX[:n]
    steps = np.arange(n)[:, None] + np.arange(1, 5)
    return np.concatenate([steps, np.zeros((n, 1), dtype=np.int64)], axis=1)
