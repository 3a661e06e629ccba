"""Find characters that fit no word around them, try their same-sound, near-sound and
look-alike replacements, and keep those whose correction reads better in context."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from math import log

import numpy as np

from . import short
from .filters import DROP, one_one, parallel, penalty
from .homophones import Raw, compounds, islands
from .lexicon import FUNCTION, WILDCARD, Lexicon, own_words
from .ngram import Context, delta, ngrams
from .ngram import suspects as context_suspects
from .windows import compound_hits, window_hits

MAX_WORD = 4  # longest dictionary word tried by the segmenter
WINDOW = 4  # characters of context on each side
# Penalties (natural-log units of probability) for the less likely kinds of slip.
COST = {"同音": 0.0, "音近": 3.0, "形近": 2.0, "同音词": 0.0}
# A whole two-character homophone (兼任 typed 贱人) that is no word of its own needs more
# evidence: productive pairs (按季, 错时) are common in correct text.
NONWORD_HOMOPHONE_COST = 2.0
# A character that is a frequent word on its own (对, 将, 乡) is rarely a slip: the gain is
# lowered by STANDALONE times the log of how far its own frequency exceeds STANDALONE_FROM.
STANDALONE = 0.3
STANDALONE_FROM = 1000
# A span that is a (rare) dictionary word needs more evidence than a non-word.
REAL_WORD_COST = 1.5
# A two-character window that is no word though each character is bound to a neighbour
# (提标 of 提标改造) is a word boundary more often than a slip.
BOUND_PAIR_COST = 1.0
# ... and its correction must be this many times as frequent as the word it breaks.
PAIR_RATIO = 3
# The character-trigram gain (ngram.py), when positive, counts this much beside the
# word-segmentation gain; a replacement only the trigrams propose pays CONTEXT_ONLY_COST.
CONTEXT_WEIGHT = 0.25
CONTEXT_ONLY_COST = 2.0
# The trigrams favour the commonest characters: a correction to a function character (补→不,
# 危→为) pays this much.
FUNCTION_REPLACEMENT_COST = 3.0
REPLACED_FUNCTION = FUNCTION | frozenset("不有")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    wrong: str
    right: str
    kind: str
    base: float  # how much better the corrected context reads (log-probability)
    char_freq: int  # dictionary frequency of the replaced character as a word of its own
    real: bool  # the span is a dictionary word itself
    context: float = 0.0  # how much better it reads by the character trigrams (ngram.py)
    only_context: bool = False  # found by the trigrams alone, no word finder proposed it

    @property
    def gain(self) -> float:
        """The base gain less the penalties for the kind of slip and a standalone character,
        plus the weighted character-trigram gain."""
        extra = max(0.0, log(max(self.char_freq, 1) / STANDALONE_FROM)) * STANDALONE
        real = REAL_WORD_COST if self.real else 0.0
        if self.kind == "同音词" and not self.real:
            real = NONWORD_HOMOPHONE_COST
        # Only evidence for the correction counts: a 1998 newspaper has not seen 电子商务, so
        # its trigrams cannot vouch against a word of today.
        ctx = CONTEXT_WEIGHT * max(self.context, 0.0)
        if self.only_context:
            ctx -= CONTEXT_ONLY_COST
        if any(
            a != b and b in REPLACED_FUNCTION for a, b in zip(self.wrong, self.right, strict=True)
        ):
            ctx -= FUNCTION_REPLACEMENT_COST
        return self.base - COST[self.kind] - extra - real + ctx


_LOGP: dict[str, float] = {}  # lazily filled: substring -> log-probability (NOT_WORD: none)
_LOGP_MAX = 100_000  # about 15 MB at most
NOT_WORD = 1.0


def _logp(piece: str, lx: Lexicon) -> float:
    f = lx.freq.get(piece)
    lp = NOT_WORD if f is None else log(f) - lx.log_total
    if len(_LOGP) >= _LOGP_MAX:
        _LOGP.clear()
    _LOGP[piece] = lp
    return lp


def _dp(seq: str, lx: Lexicon, best: list[float], start: int) -> list[float]:
    """Extend the best-segmentation scores of seq[:start] (held in best) to the whole of seq."""
    unknown = -lx.log_total - 2.0
    cached = _LOGP.get
    for j in range(start + 1, len(seq) + 1):
        top = best[j - 1] + unknown
        for i in range(j - 1, max(0, j - MAX_WORD) - 1, -1):  # the word seq[i:j], shortest first
            piece = seq[i:j]
            lp = cached(piece)
            if lp is None:
                lp = _logp(piece, lx)
            if lp != NOT_WORD:
                score = best[i] + lp
                if score > top:
                    top = score
        best.append(top)
    return best


def segment_score(seq: str, lx: Lexicon) -> float:
    """Log-probability of the best segmentation of seq into dictionary words."""
    return _dp(seq, lx, [0.0], 0)[-1]


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    low = max(0, start - WINDOW)
    while a > low and "\u4e00" <= text[a - 1] <= "\u9fff":
        a -= 1
    b = end
    high = min(len(text), end + WINDOW)
    while b < high and "\u4e00" <= text[b] <= "\u9fff":
        b += 1
    return a, b


def gain(text: str, start: int, end: int, right: str, lx: Lexicon, memo=None) -> float:
    """How much better the window around [start, end) reads with ``right`` in the span.

    ``memo`` (a dict per text) keeps the scores of the unchanged text from each window start
    (a score depends only on the characters before it, so a longer window extends a shorter
    one); the corrected window reuses the scores of the unchanged characters before the span."""
    a, b = _window(text, start, end)
    before = None if memo is None else memo.get(a)
    if before is None:
        before = _dp(text[a:b], lx, [0.0], 0)
        if memo is not None:
            memo[a] = before
    elif len(before) <= b - a:
        _dp(text[a:b], lx, before, len(before) - 1)
    after = _dp(text[a:start] + right + text[end:b], lx, before[: start - a + 1], start - a)
    return after[-1] - before[b - a]


def _test(bits: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Look keys up in a little-endian packed bitmap."""
    return ((bits[keys >> 3] >> (keys & 7).astype(np.uint8)) & 1).astype(bool)


@dataclass(slots=True)
class Suspects:
    orphans: list[tuple[int, int, int]]  # windows (start, length, masked offset) around
    # characters inside no word with either neighbour, where the filter says a word may fit
    rare: list[int]  # starts of rare words one slip away from a far more frequent word
    islands: list[int]  # starts of two common characters bound to neither neighbour
    windows: list[tuple[int, int, int]]  # (start, length, masked offset): see windows.py
    compounds: list[int]  # starts of words whose homophone may form a compound: see windows.py


# Below this length suspects are found in plain Python (short.py): numpy's cost per call
# exceeds the work on a sentence.
SHORT = 200


def suspects(text: str, lx: Lexicon) -> Suspects:
    """Where a slip may be, found with numpy over the whole text."""
    if len(text) < 2:
        return Suspects([], [], [], [], [])
    if len(text) < SHORT:
        return short.suspects(text, lx, Suspects)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    scaled = lx.char_id[np.minimum(cps, 0xFFFF)]
    keys = scaled[:-1] + scaled[1:] // lx.width
    inside = _test(lx.inside, keys)
    covered = np.zeros(len(text), dtype=bool)
    covered[:-1] |= inside
    covered[1:] |= inside
    ids = scaled // lx.width
    may = lx.suspect[ids]
    orphan = ~covered & may
    rare = np.flatnonzero(_test(lx.rare_first, keys)).tolist()
    free = np.ones(len(text) + 1, dtype=bool)  # free[p + 1]: the pair (p, p + 1) is in no word
    free[1:-1] = ~inside
    islands = np.flatnonzero(may[:-1] & may[1:] & free[:-2] & free[2:]).tolist()
    windows, lone = window_hits(ids, may & ~orphan, (ids > 0) & ~orphan, orphan, lx)
    lone.sort(key=lambda w: (w[0] + w[2], w[1], w[0]))  # by orphan, length, start
    compounds = compound_hits(ids, keys, lx)
    return Suspects(lone, rare, islands, windows, compounds)


# A name followed by one of these is a place (烽山乡, 洪家镇): names are not checked.
PLACE_SUFFIX = frozenset("乡镇村县区市省州旗盟")
# Prepositions and determiners that stand before 乡/镇/县… used as a noun of its own.
LEAD_WORDS = frozenset("对向在从到由与和及把被给全各本该每")
# 逐件, 每户, 各村: a distributive before a measure word or noun is productive, not a slip.
DISTRIBUTIVE = frozenset("逐每各")
# Numbers and determiners: the character after one is a measure word (3件, 该件, 每件).
NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几多该此这那每各本")


def _plausible(text: str, s: int, e: int, word: str, lx: Lexicon, parts: bool = True) -> bool:
    """Signs that the span is correct text the dictionary does not list (``parts``: also when
    it begins or ends a longer word; not asked of a span that is a word itself)."""
    wrong = text[s:e]
    if len(wrong) == 2 and wrong[0] in lx.surnames:
        return True  # a surname and a given name (丁然), which no dictionary lists
    if parts and wrong in lx.parts:
        return True  # the beginning or end of a longer word (当事 of 当事人)
    if e < len(text) and text[e] in PLACE_SUFFIX:
        return True
    if e - s == 1 and s > 0 and text[s - 1] == "之":
        return True  # 信念之基, 治理之道: the classical X之Y coins its own words
    if e - s == 2 and wrong[1] in PLACE_SUFFIX and wrong[0] in LEAD_WORDS:
        return True  # 对乡卫生院, 向县里: a preposition or determiner before 乡/县… as a noun
    if e - s == 2 and wrong[0] != word[0] and s > 0 and text[s - 1] in NUMERALS:
        return True  # a measure word after a number (3件尚在办理, 该件已办结), no word of its own
    for q in range(s, e):
        if wrong[q - s] != word[q - s] and parallel(text, q):
            return True
    i = next(k for k in range(len(word)) if word[k] != wrong[k])
    if any(text[e + k : e + k + 1] in PLACE_SUFFIX for k in (1, 2)):
        return True  # the span runs into a place name (兼长 of 另兼长集镇民政专干)
    p = s + i
    if p > 0 and text[p - 1] in DISTRIBUTIVE:
        return True
    # 一企一策, 一村一品: the 一X一Y pattern coins its own words.
    return "一" in text[max(0, p - 3) : p + 3] and one_one(text, p)


def _kind(a: str, b: str, lx: Lexicon) -> str:
    ra = lx.reading.get(a)
    return "同音" if ra is not None and ra == lx.reading.get(b) else "音近"


def _masked(
    text: str, p: int, a: int, k: int, raw: Raw, lx: Lexicon, pair: int = -1, near: bool = True
) -> None:
    """Words that fit the window text[a:a+k] with the character at p replaced (``near``: by a
    near-sound character too, not only a same-sound or look-alike one).

    ``pair`` >= 0 marks a two-character window whose character p is bound to its other
    neighbour by a word: ``pair`` is the least frequency of a same-sound or look-alike word
    tried (breaking a common word for a rarer one never reads better)."""
    cost = BOUND_PAIR_COST if pair >= 0 else 0.0
    near = near and pair < 0
    freq = lx.freq
    ch, ctx = text[p], text[a : a + k]
    i = p - a
    head, tail = ctx[:i], ctx[i + 1 :]
    for c in lx.codes.get(ch, ()):
        for w in lx.sound_index.get(head + c + tail, ()):
            if w != ctx and freq[w] >= pair:
                kind = _kind(ch, w[i], lx)
                if near or kind == "同音":
                    raw.setdefault((a, a + k, w), (kind, cost))
    looks = lx.shapes.get(ch, "")
    if looks:
        for w in lx.shape_index.get(head + WILDCARD + tail, ()):
            if w[i] in looks and freq[w] >= pair:
                raw.setdefault((a, a + k, w), ("形近", cost))


def _orphans(text: str, orphans: list[tuple[int, int, int]], raw: Raw, lx: Lexicon) -> None:
    for a, k, i in orphans:
        _masked(text, a + i, a, k, raw, lx)


def _windows(text: str, windows: list[tuple[int, int, int]], raw: Raw, lx: Lexicon) -> None:
    """Windows that are no word though their characters are bound (时政府, 水务局)."""
    freq = lx.freq
    for a, k, i in windows:
        if text[a : a + k] in freq:
            continue
        if k == 2:
            p = a + i
            outer = (
                text[max(0, p - m) : p + 1] if i == 0 else text[p : p + m + 1] for m in (1, 2, 3)
            )
            bound = max(freq.get(w, 0) for w in outer)
            _masked(text, p, a, k, raw, lx, PAIR_RATIO * bound)
        else:  # a function character only for a same-sound or look-alike word (的二十届 stays)
            _masked(text, a + i, a, k, raw, lx, near=text[a + i] not in FUNCTION)


def _rare(text: str, rare: list[int], raw: Raw, lx: Lexicon) -> None:
    for p in rare:
        for k in (2, 3, 4):
            span = text[p : p + k]
            hit = lx.real_words.get(span) if len(span) == k else None
            if hit is not None:
                raw.setdefault((p, p + k, hit[0]), (hit[1], 0.0))


def _place_names(text: str) -> frozenset[str]:
    """Two and three characters before 乡/镇/村/县… anywhere in the text: a name the document
    uses for a place (烽山 of 烽山乡 stays a name in 建设美丽烽山)."""
    out = set()
    for m in _PLACE_RE.finditer(text):
        p = m.start()
        out.update(text[max(0, p - k) : p] for k in (2, 3) if p >= k)
    return frozenset(out)


def _in_name(text: str, p: int, names: frozenset[str], longest: int = 3) -> bool:
    """The character at p is inside an occurrence of one of ``names``."""
    return any(
        text[a : a + k] in names
        for k in range(2, longest + 1)
        for a in range(max(0, p - k + 1), p + 1)
    )


_PLACE_RE = re.compile(f"[{''.join(sorted(PLACE_SUFFIX))}]")


def candidates(text: str, lx: Lexicon) -> list[Candidate]:
    found = suspects(text, lx)
    raw: Raw = {}
    _orphans(text, found.orphans, raw, lx)
    _windows(text, found.windows, raw, lx)
    _rare(text, found.rare, raw, lx)
    islands(text, found.islands, raw, lx)
    whole = compounds(text, found.compounds, raw, lx)
    ng = ngrams(lx)
    context_only = set()
    proposed = {(s + i, w[i]) for s, e, w in raw for i in range(e - s) if w[i] != text[s + i]}
    ctx = Context(text, ng)
    for p, ch, _g in context_suspects(ctx):
        key = (p, p + 1, ch)
        if (p, ch) not in proposed:
            context_only.add(key)
            looks = ch in lx.shapes.get(text[p], "") or text[p] in lx.shapes.get(ch, "")
            same = lx.reading.get(ch) == lx.reading.get(text[p])
            raw[key] = ("形近" if looks and not same else _kind(text[p], ch, lx), 0.0)
    out = []
    memo: dict[int, list[float]] = {}
    names = _place_names(text) if raw else frozenset()
    own = own_words()
    weak: list[bool] = []
    for (s, e, word), (kind, cost) in raw.items():
        if (
            text[s:e] in own
            or text[s:e] in names
            or _plausible(text, s, e, word, lx, parts=(s, e, word) not in whole)
        ):
            continue
        if (s, e, word) in context_only and (
            text[s] in lx.surnames or _in_name(text, s, names) or _in_name(text, s, own, 4)
        ):
            continue  # 拆迁户赵明德, 推介长集小磨油, 完成改厕35户: a name, a place, an own word
        extra = penalty(text, s, e, word, kind, lx)  # filters.py: names, phrases, boundaries
        if extra >= DROP:
            continue
        wrong = text[s:e]
        diff = [ch for ch, w in zip(wrong, word, strict=True) if ch != w]
        char_freq = lx.freq.get(diff[0], 0) if diff and (s, e, word) not in whole else 0
        base = gain(text, s, e, word, lx, memo) - cost - extra
        out.append(Candidate(s, e, wrong, word, kind, base, char_freq, wrong in lx.freq))
        weak.append(extra > 0)
    # A candidate of a kind the filters find mostly correct (a span across a word boundary,
    # before a body name …) gets no trigram evidence: the trigrams cannot tell those apart.
    strong = [c for c, w in zip(out, weak, strict=True) if not w]
    contexts = iter(delta(ctx, [(c.start, c.end, c.right) for c in strong]))
    return [
        replace(
            c,
            context=0.0 if w else next(contexts),
            only_context=(c.start, c.end, c.right) in context_only,
        )
        for c, w in zip(out, weak, strict=True)
    ]


def best_non_overlapping(cands: list[Candidate], threshold: float) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: -c.gain):
        if c.gain < threshold:
            break
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept
