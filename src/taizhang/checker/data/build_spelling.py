"""Build the spelling lexicon (``spelling_chars.tsv`` and ``spelling_words.tsv.xz``).

Usage: ``python -m taizhang.checker.data.build_spelling``

Sources (all installed as dependencies, none fetched from the network):

- jieba's frequency dictionary (``jieba/dict.txt``, MIT): the words, their frequencies and
  part-of-speech tags (``i`` marks the idioms used for four-character errors);
- pypinyin (MIT): the readings of characters and, in context, of words (行 in 银行 is hang);
- char-similar (MIT): first-level decompositions (剑 = 佥 + 刀), stroke orders and
  four-corner codes, from which look-alike characters are derived.

Outputs (written next to this script):

- ``spelling_chars.tsv``: one line per common character: character, its toneless readings,
  and the characters that look like it;
- ``spelling_words.tsv.xz``: the words of two to four Han characters with frequency >= 3,
  each with the toneless reading of every character in that word.

No variant (misspelt form) is stored: the checker derives variants from these two files
at first use (``checker/spelling/lexicon.py``).
"""

from __future__ import annotations

import importlib.util
import json
import lzma
import os
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
COMMON = 4500  # characters considered as substitutes, by frequency in the dictionary
MIN_FREQ = 3
SHAPE_MIN_STROKES = 4
MAX_LOOKS = 8  # look-alikes kept per character, the most frequent ones


def jieba_dict() -> list[tuple[str, int, str]]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w, n, tag = line.split()
            out.append((w, int(n), tag))
    return out


def is_han(w: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in w)


def common_chars(entries: list[tuple[str, int, str]]) -> list[str]:
    freq: dict[str, int] = defaultdict(int)
    for w, n, _ in entries:
        for c in w:
            if "\u4e00" <= c <= "\u9fff":
                freq[c] += n
    return [c for c, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:COMMON]]


def _char_data() -> tuple[dict, dict, dict]:
    # Read the package's data files without importing it (its __init__ pulls in a pool).
    spec = importlib.util.find_spec("char_similar")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("char-similar is not installed: pip install char-similar")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"

    def load(name: str) -> dict:
        return json.loads((data / name).read_text(encoding="utf-8"))

    return load("char_stroke.dict"), load("char_order.dict"), load("char_fourangle.dict")


def _edit1(a: str, b: str) -> bool:
    """True when two stroke orders differ by at most one stroke (insert, delete or change)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _stroke_pairs(chars, order, corner, out) -> None:
    """(a) stroke orders one stroke apart with close four-corner codes."""
    by_len: dict[int, list[str]] = defaultdict(list)
    for c in chars:
        if c in order and len(order[c]) >= 3:
            by_len[len(order[c])].append(c)
    for c in chars:
        o = order.get(c)
        if not o or len(o) < 3:
            continue
        need = 3 if len(o) <= 5 else 2  # small characters need a closer code
        fc = corner.get(c, "")
        for n in (len(o) - 1, len(o), len(o) + 1):
            for d in by_len.get(n, ()):
                if d == c or not _edit1(o, order[d]):
                    continue
                fd = corner.get(d, "")
                if sum(x == y for x, y in zip(fc[:4], fd[:4], strict=False)) >= need:
                    out[c].add(d)


def _shared_part_pairs(chars, parts, order, out) -> None:
    """(b) two-part characters sharing a distinctive part, the other parts close in strokes."""
    by_part: dict[str, list[str]] = defaultdict(list)
    for c in chars:
        p = parts.get(c, [])
        if len(p) == 2:
            for x in p:
                if len(order.get(x, "")) >= SHAPE_MIN_STROKES:
                    by_part[x].append(c)
    for part, group in by_part.items():
        if len(group) > 20:
            continue  # a radical-like part shared by too many characters says little
        others = {c: [x for x in parts[c] if x != part] for c in group}
        for c in group:
            for d in group:
                if d == c or not others[c] or not others[d]:
                    continue
                lc, ld = len(order.get(others[c][0], "")), len(order.get(others[d][0], ""))
                if lc and ld and abs(lc - ld) <= 1:
                    out[c].add(d)


def _contained_pairs(chars, parts, order, out) -> None:
    """(c) a large part of a character, and the character that adds a small part to it."""
    pool = set(chars)
    for c in chars:
        p = parts.get(c, [])
        if len(p) != 2:
            continue
        for x, y in (p, p[::-1]):
            big = x in pool and len(order.get(x, "")) > SHAPE_MIN_STROKES
            if big and 0 < len(order.get(y, "")) <= 6:
                out[c].add(x)
                out[x].add(c)


def shapes(chars: list[str]) -> dict[str, set[str]]:
    """Look-alike characters among the common ones.

    Two characters look alike when (a) their stroke orders differ by one stroke and their
    four-corner codes share at least two corners (three for characters of up to five strokes) (己/已, 未/末, 休/体, 冶/治); (b) both are
    made of two parts and share one part of four or more strokes, found in at most 20
    common characters, while their other parts differ by at most one stroke (剑/验 share 佥, 持/恃 share 寺, 淮/准 share 隹); or (c) one is
    a part of five or more strokes of the other, which adds a part of at most six strokes
    (监/篮, 兼/廉, 军/挥).
    """
    parts, order, corner = _char_data()
    out: dict[str, set[str]] = defaultdict(set)
    _stroke_pairs(chars, order, corner, out)
    _shared_part_pairs(chars, parts, order, out)
    _contained_pairs(chars, parts, order, out)
    return out


def main() -> None:
    from pypinyin import Style, lazy_pinyin, pinyin

    entries = jieba_dict()
    chars = common_chars(entries)
    look = shapes(chars)
    lines = [
        "# Generated by build_spelling.py from pypinyin and char-similar; do not edit.",
        "# character<TAB>toneless readings<TAB>look-alike characters",
    ]
    rank = {c: i for i, c in enumerate(chars)}
    for c in chars:
        # Readings in pypinyin's order (the usual one first), look-alikes most frequent first.
        readings = list(dict.fromkeys(pinyin(c, style=Style.NORMAL, heteronym=True)[0]))
        looks = sorted(look.get(c, ()), key=rank.__getitem__)[:MAX_LOOKS]
        lines.append(f"{c}\t{' '.join(readings)}\t{''.join(looks)}")
    (HERE / "spelling_chars.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = []
    for w, n, tag in entries:
        if not (2 <= len(w) <= 4 and n >= MIN_FREQ and is_han(w)):
            continue
        reading = lazy_pinyin(w, style=Style.NORMAL)
        if len(reading) != len(w):
            continue
        rows.append(f"{w}\t{tag}\t{' '.join(reading)}")
    blob = "\n".join(rows).encode("utf-8") + b"\n"
    (HERE / "spelling_words.tsv.xz").write_bytes(lzma.compress(blob, preset=9))
    shaped = sum(1 for c in chars if look.get(c))
    print(f"{len(chars)} characters ({shaped} with look-alikes), {len(rows)} words")


if __name__ == "__main__":
    main()
