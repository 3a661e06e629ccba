"""The spelling lexicon: word frequencies, character confusions and lookup indexes.

Built once per process at first use. Word frequencies come from jieba's dictionary (read
from the installed package); readings and look-alike characters from the files that
``data/build_spelling.py`` generates. No misspelt form is stored anywhere: the indexes map a
word with one position masked (by its sound code, or by a wildcard for look-alikes) to the
words that fit, so a slip is found by masking the suspicious character of the text.
"""

from __future__ import annotations

import lzma
import math
import os
import pickle
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ..core import DATA_DIR
from .cache import cache_file
from .windows import build_filter, compound_rows

# Characters never taken as the slip: particles and the like stand alone in correct text.
FUNCTION = frozenset(
    "的地得了着过和与及或并在是为把被将从向于以也都还就又再更最很较其之所而则乃个这那我你他她它们"
)
# Minimum dictionary frequency of a word proposed as a correction, by length.
MIN_WORD_FREQ = {2: 20, 3: 10, 4: 5}
MIN_IDIOM_FREQ = 3
# Person and place names are never proposed as corrections (瑞景 is not a slip for 瑞金).
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns"})
# A rare word is read as a slip of a word at least this many times as frequent.
REAL_WORD_RATIO = 30
REAL_WORD_MAX = 300  # only words rarer than this are suspected at all
BOUND_FREQ = 3  # a character inside a word this frequent is explained by that word
# Whole-word homophones (兼任 typed as 贱人 by a pinyin input method): two-character words at
# least this frequent are proposed for a two-character span read exactly the same.
HOMOPHONE_MIN = 100
OWN_WORDS = ("official_words.txt", "words.txt", "spelling_words.txt")
OWN_WORD_FREQ = 50
PUA = 0xE000  # sound codes live in the private-use area, never in real text
WILDCARD = "\uf8ff"


def normalise(syl: str) -> str:
    """Merge the fuzzy pairs of pinyin input into one sound: z/zh, c/ch, s/sh, n/l,
    an/ang, en/eng, in/ing."""
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n")):
        if syl.startswith(a):
            syl = b + syl[len(a) :]
            break
    for a, b in (("ang", "an"), ("eng", "en"), ("ing", "in")):
        if syl.endswith(a):
            return syl[: -len(a)] + b
    return syl


@dataclass(slots=True)
class Lexicon:
    freq: dict[str, int]
    log_total: float
    reading: dict[str, str]  # usual toneless reading of each common character
    codes: dict[str, tuple[str, ...]]  # character -> sound codes of all its readings
    shapes: dict[str, str]  # character -> look-alike characters
    sound_index: dict[str, tuple[str, ...]]  # word with one sound-coded position -> words
    shape_index: dict[str, tuple[str, ...]]  # word with one wildcard position -> words
    real_words: dict[str, tuple[str, str]]  # rare word -> (frequent word, kind)
    homophones: dict[str, tuple[str, ...]]  # "jian ren" -> two-character words read so
    parts: frozenset[str]  # two- and three-character beginnings and ends of longer words
    surnames: frozenset[str]  # surnames.txt: a two-character span starting with one may be a name
    char_id: np.ndarray  # code point -> dense id of a common character times width (0: other)
    width: int  # number of ids
    suspect: np.ndarray  # id -> may be a slip (common, not a function character)
    inside: np.ndarray  # bitmap over id pairs: the two characters follow each other in a word
    rare_first: np.ndarray  # bitmap over id pairs: a suspected rare word starts with these two
    code_ids: np.ndarray  # id -> its first two sound codes (windows.py)
    pair_words: np.ndarray  # bitmap over id pairs: the two characters are a dictionary word
    window_bits: np.ndarray  # hashed filter of masked window keys (windows.py)
    sizes: dict[str, int]

    def logp(self, word: str) -> float | None:
        n = self.freq.get(word)
        return None if n is None else math.log(n) - self.log_total


def _jieba_path() -> str:
    import jieba  # only to locate its dictionary; the segmenter itself is not used

    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


@cache
def load_freq() -> dict[str, int]:
    """jieba's frequencies, plus the project's own words of official writing (never slips)."""
    freq: dict[str, int] = {}
    with open(_jieba_path(), encoding="utf-8") as fh:
        for line in fh:
            w, n, _ = line.split(" ", 2)
            freq[w] = int(n)
    for name in OWN_WORDS:
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            for w in line.split():
                if len(w) > 1 and freq.get(w, 0) < OWN_WORD_FREQ:
                    freq[w] = OWN_WORD_FREQ  # missing, or rare in jieba (返工 6, 附议 7)
    return freq


@cache
def own_words() -> frozenset[str]:
    """The project's own words of official writing: a span that is one is never a slip."""
    return frozenset(
        w
        for name in OWN_WORDS
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
        if len(w) > 1
    )


@cache
def load_chars() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each common character's toneless readings (usual first), and its look-alikes."""
    readings: dict[str, list[str]] = {}
    shapes: dict[str, str] = {}
    text = (DATA_DIR / "spelling_chars.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        ch, rs, looks = (line.split("\t") + [""])[:3]
        readings[ch] = rs.split()
        if looks:
            shapes[ch] = looks
    return readings, shapes


def _word_rows() -> Iterator[tuple[str, str, list[str]]]:
    """Stream the word file (not kept in memory: two passes read it twice)."""
    with lzma.open(DATA_DIR / "spelling_words.tsv.xz", "rt", encoding="utf-8") as fh:
        for line in fh:
            word, tag, reading = line.rstrip("\n").split("\t")
            yield word, tag, reading.split(" ")


def _bits(keys, size: int) -> np.ndarray:
    """A packed bitmap of ``size`` bits with ``keys`` set (set bit by bit: no bool array of
    ``size`` bytes at the build's peak)."""
    bits = np.zeros((size + 7) // 8, dtype=np.uint8)
    keys = np.asarray(keys, dtype=np.int64)
    np.bitwise_or.at(bits, keys >> 3, (1 << (keys & 7)).astype(np.uint8))
    return bits


class _Codes:
    """Sound codes: one private-use character per fuzzy-merged toneless syllable."""

    def __init__(self) -> None:
        self.of: dict[str, str] = {}
        self.memo: dict[str, str] = {}

    def __call__(self, syl: str) -> str:
        c = self.memo.get(syl)
        if c is None:
            norm = normalise(syl)
            c = self.of.get(norm)
            if c is None:
                c = self.of[norm] = chr(PUA + len(self.of))
            self.memo[syl] = c
        return c


def _frozen(lists: dict[str, list[str]], freq: dict[str, int]) -> dict[str, tuple[str, ...]]:
    """Lists to tuples sorted by frequency, emptying the source as it goes (the build's peak)."""
    out = {}
    while lists:
        key, words = lists.popitem()
        out[key] = tuple(sorted(set(words), key=lambda w: -freq.get(w, 0)))
    return out


def _indexes(freq, shapes, code):
    """The sound and look-alike indexes of masked words, and two-character homophones."""
    sound: dict[str, list[str]] = defaultdict(list)
    shape: dict[str, list[str]] = defaultdict(list)
    homo: dict[str, list[str]] = defaultdict(list)
    for word, tag, syls in _word_rows():
        fw = freq.get(word, 0)
        idiom = tag == "i" and len(word) == 4 and fw >= MIN_IDIOM_FREQ
        if (fw < MIN_WORD_FREQ[len(word)] and not idiom) or tag in NAME_TAGS:
            continue
        for i, ch in enumerate(word):
            if ch in FUNCTION:
                continue
            head, tail = word[:i], word[i + 1 :]
            sound[head + code(syls[i]) + tail].append(word)
            if ch in shapes:
                shape[head + WILDCARD + tail].append(word)
        if len(word) == 2 and fw >= HOMOPHONE_MIN and not set(word) & FUNCTION:
            homo[" ".join(syls)].append(word)
    return _frozen(sound, freq), _frozen(shape, freq), _frozen(homo, freq)


def _closest(word, syls, freq, readings, shapes, codes, indexes, code):
    """The most frequent word one confusable character away from a rare word (or None)."""
    sound_index, shape_index = indexes
    need = REAL_WORD_RATIO * max(freq.get(word, 0), 1)
    best = None
    for i, ch in enumerate(word):
        if ch not in codes:
            continue
        head, tail = word[:i], word[i + 1 :]
        # Index entries are sorted by frequency: the first other word decides.
        w = next((w for w in sound_index.get(head + code(syls[i]) + tail, ()) if w != word), None)
        if w is not None and freq[w] >= need and (best is None or freq[w] > freq[best[0]]):
            best = (w, "同音" if readings.get(w[i], [""])[0] == syls[i] else "音近")
        looks = shape_index.get(head + WILDCARD + tail, ())
        w = next((w for w in looks if w != word and ch in shapes.get(w[i], "")), None)
        if w is not None and freq[w] >= need and (best is None or freq[w] > freq[best[0]]):
            best = (w, "形近")
    return best


def _real_words(freq, readings, shapes, codes, indexes, code) -> dict[str, tuple[str, str]]:
    """Rare words that are one confusable character away from a far more frequent word."""
    out: dict[str, tuple[str, str]] = {}
    for word, _tag, syls in _word_rows():
        if freq.get(word, 0) >= REAL_WORD_MAX or len(word) > 3:
            continue
        best = _closest(word, syls, freq, readings, shapes, codes, indexes, code)
        if best is not None:
            out[word] = best
    return out


def _pair_bits(freq, ids, width) -> np.ndarray:
    """Bitmap over id pairs: the two characters follow each other inside a dictionary word."""
    pairs = {
        ids[a] * width + ids[b]
        for w, n in freq.items()
        if n >= BOUND_FREQ and len(w) > 1
        for a, b in zip(w, w[1:], strict=False)
        if a in ids and b in ids
    }
    return _bits(np.fromiter(pairs, dtype=np.int64, count=len(pairs)), width * width)


def _code_ids(codes, ids, width) -> np.ndarray:
    """The first two sound codes of each character id (1-based; 0: none)."""
    out = np.zeros((width, 2), dtype=np.int64)
    for ch, cs in codes.items():
        for j, c in enumerate(cs[:2]):
            out[ids[ch], j] = ord(c) - PUA + 1
    return out


def build() -> Lexicon:
    freq = load_freq()  # shared with the near-miss rule; never modified
    readings, shapes = load_chars()
    code = _Codes()
    codes = {ch: tuple(dict.fromkeys(code(r) for r in rs)) for ch, rs in readings.items()}
    sound_index, shape_index, homophones = _indexes(freq, shapes, code)
    indexes = (sound_index, shape_index)
    real_words = _real_words(freq, readings, shapes, codes, indexes, code)
    # Dense ids for the common characters (0 for any other), the character pairs found inside
    # words as a bitmap over id pairs, and the characters that may be a slip.
    ids = {ch: n for n, ch in enumerate(readings, start=1)}
    width = len(ids) + 1
    char_id = np.zeros(0x10000, dtype=np.int64)
    for ch, n in ids.items():
        char_id[ord(ch)] = n * width  # pre-multiplied: a pair's key is id(a) + id(b) / width
    inside = _pair_bits(freq, ids, width)
    rare_first = _bits(
        [ids[w[0]] * width + ids[w[1]] for w in real_words if w[0] in ids and w[1] in ids],
        width * width,
    )
    suspect = np.zeros(width, dtype=bool)
    for ch, n in ids.items():
        suspect[n] = ch not in FUNCTION
    parts = frozenset(
        piece
        for w, n in freq.items()
        if n >= BOUND_FREQ and len(w) > 2
        for piece in (w[:2], w[-2:], w[:3], w[-3:])
        if len(piece) < len(w)
    )
    sizes = {
        "dictionary words": len(freq),
        "sound keys": len(sound_index),
        "shape keys": len(shape_index),
        "rare words suspected": len(real_words),
        "homophone readings": len(homophones),
        "character pairs inside words": int(np.unpackbits(inside).sum()),
    }
    return Lexicon(
        freq=freq,
        log_total=math.log(sum(freq.values())),
        reading={ch: rs[0] for ch, rs in readings.items()},
        codes=codes,
        shapes=shapes,
        sound_index=sound_index,
        shape_index=shape_index,
        real_words=real_words,
        homophones=homophones,
        parts=parts,
        surnames=_surnames(),
        char_id=char_id,
        width=width,
        suspect=suspect,
        inside=inside,
        rare_first=rare_first,
        code_ids=_code_ids(codes, ids, width),
        pair_words=_bits(
            [
                ids[w[0]] * width + ids[w[1]]
                for w in freq
                if len(w) == 2 and w[0] in ids and w[1] in ids
            ],
            width * width,
        ),
        window_bits=build_filter(
            sound_index,
            shape_index,
            ids,
            shapes,
            PUA,
            WILDCARD,
            compound_rows(freq, homophones, ids, code),
        ),
        sizes=sizes,
    )


def _surnames() -> frozenset[str]:
    text = (DATA_DIR / "surnames.txt").read_text(encoding="utf-8")
    return frozenset(
        ch for line in text.splitlines() if not line.startswith("#") for ch in line.split()
    )


_lock = threading.Lock()


def _cache_path() -> Path | None:
    sources = [DATA_DIR / n for n in (*OWN_WORDS, "spelling_chars.tsv", "surnames.txt")]
    sources += [
        DATA_DIR / "spelling_words.tsv.xz",
        Path(_jieba_path()),
        Path(__file__),
        Path(__file__).with_name("windows.py"),
    ]
    return cache_file("spelling", sources, ".pickle")


@cache
def _cached() -> Lexicon:
    """Build the lexicon, or load the indexes a previous process built (about 1 s)."""
    from .ngram import counts  # the trigram counts first, while the process is still small:

    counts()  # the memory they need on the way is then reused by the lexicon's build
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with open(path, "rb") as fh:
                state = pickle.load(fh)
            return Lexicon(freq=load_freq(), **state)
        except Exception:  # a damaged or foreign cache file is rebuilt below
            pass
    lx = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            state = {f: getattr(lx, f) for f in Lexicon.__slots__ if f != "freq"}
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: build again next time
    return lx


def lexicon() -> Lexicon:
    """The process-wide lexicon, built on first use (a few seconds)."""
    with _lock:
        return _cached()
