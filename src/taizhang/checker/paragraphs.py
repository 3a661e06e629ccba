"""Split a text into paragraphs and recognise GB/T 9704 heading markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CN_NUM = "一二三四五六七八九十"
LEAD = re.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+)?")
# (level, standard form?, pattern). Level 1: 一、 2: （一） 3: 1. 4: （1）
MARKERS: list[tuple[int, bool, re.Pattern[str]]] = [
    (1, True, re.compile(rf"([{CN_NUM}]{{1,3}})、")),
    (1, False, re.compile(rf"([{CN_NUM}]{{1,3}})[.．，,](?![{CN_NUM}\d])")),
    (2, True, re.compile(rf"（([{CN_NUM}]{{1,3}})）(?!、)")),
    (2, False, re.compile(rf"[（(]([{CN_NUM}]{{1,3}})[）)]、?")),
    (3, True, re.compile(r"(\d{1,2})[.．](?![\d.．])")),
    (3, False, re.compile(r"(\d{1,2})、(?!\d)")),
    (4, True, re.compile(r"（(\d{1,2})）(?!、)")),
    (4, False, re.compile(r"(?:[（(](\d{1,2})[）)]、?|(\d{1,2})[）)])")),
]
CN_VALUES = {c: i + 1 for i, c in enumerate(CN_NUM)}
STANDARD = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int  # offset of the paragraph in the text
    end: int
    body_start: int  # after leading blanks and any heading marker
    level: int  # 0 when not a heading
    number: int
    marker: str  # the marker as written
    standard: bool  # the marker has the GB/T 9704 form


def cn_int(s: str) -> int:
    """Convert 一…九十九 to an int (heading numbers only)."""
    if s.isdigit():
        return int(s)
    vals = CN_VALUES
    if "十" not in s:
        return vals.get(s, 0) if len(s) == 1 else 0
    tens, _, units = s.partition("十")
    return (vals.get(tens, 0) if tens else 1) * 10 + (vals.get(units, 0) if units else 0)


@lru_cache(maxsize=2)
def paragraphs(text: str) -> tuple[Paragraph, ...]:
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        lead = LEAD.match(line)
        i = lead.end() if lead else 0
        level, number, marker, standard, body = 0, 0, "", True, start + i
        for lvl, std, pattern in MARKERS:
            m = pattern.match(line, i)
            if m:
                num = m.group(1) or (m.group(2) if m.re.groups > 1 else None) or ""
                level, number, marker, standard = lvl, cn_int(num), m.group(), std
                body = start + m.end()
                break
        if level and not _looks_like_heading(line[body - start :]):
            level, number, marker, standard, body = 0, 0, "", True, start + i
        out.append(Paragraph(start, end, body, level, number, marker, standard))
    return tuple(out)


def _looks_like_heading(rest: str) -> bool:
    # A marker with nothing after it is not a heading.
    return bool(rest.strip())
