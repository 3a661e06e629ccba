"""Doubled phrases (…专题视察开展专题视察) and the same sentence written twice."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from ..core import Finding, make

SRC = "实务"
H = "\u4e00-\u9fff"
# A span of four or more characters written again at once, or after one verb or particle.
GAP = r"(?:开展|进行|组织|召开|举行|推进|加强|和|与|及|、|并)?"
DOUBLED = re.compile(rf"([{H}]{{4,12}}){GAP}\1")
# Cheap screen: a doubled span repeats its first two characters within 14 characters.
SCREEN = re.compile(rf"([{H}][{H}])[{H}、]{{2,14}}?\1")
# Shorter sentences (会议同意。) may well recur; a sentence needs eight Chinese characters.
SENTENCE = re.compile("[^。！？；\n \t\u3000][^。！？；\n]{14,}")
HAN = re.compile(f"[{H}]")
MIN_HAN = 8
NEWLINE = re.compile("\n")


def run(text: str) -> Iterator[Finding]:
    yield from _doubled(text)
    yield from _repeated_sentences(text)


def _doubled(text: str) -> Iterator[Finding]:
    pos = 0
    n = len(text)
    while pos < n:
        s = SCREEN.search(text, pos)
        if s is None:
            return
        m = DOUBLED.match(text, s.start())
        if m is None:
            pos = s.start() + 1
            continue
        first = m.group(1)
        yield make(
            text,
            m.start(),
            m.end(),
            "consistency.doubled-phrase",
            "consistency",
            "警告",
            f"“{first}”重复出现，应删去其一",
            None,
            SRC,
        )
        pos = m.end()


def _repeated_sentences(text: str) -> Iterator[Finding]:
    """One finding per sentence written again, listing every later place it recurs."""
    counts = Counter(SENTENCE.findall(text))  # C speed; positions only when something recurs
    if not counts or max(counts.values()) < 2:
        return
    first: dict[str, int] = {}
    again: dict[str, list[tuple[int, int]]] = {}
    for m in SENTENCE.finditer(text):
        key = m.group()
        if first.setdefault(key, m.start()) != m.start():
            end = m.end() + (m.end() < len(text) and text[m.end()] in "。！？；")
            again.setdefault(key, []).append((m.start(), end))
    if not again:
        return
    newlines = [n.start() for n in NEWLINE.finditer(text)]
    for key, places in again.items():
        if len(HAN.findall(key)) < MIN_HAN:
            continue
        start, end = places[0]
        line = bisect.bisect_right(newlines, first[key]) + 1
        times = f"又重复出现{len(places)}次" if len(places) > 1 else "重复出现"
        yield replace(
            make(
                text,
                start,
                end,
                "consistency.repeated-sentence",
                "consistency",
                "警告",
                f"此句与前文第{line}行的句子完全相同（{times}），应删去或改写",
                None,
                SRC,
            ),
            positions=tuple(places) if len(places) > 1 else (),
        )
