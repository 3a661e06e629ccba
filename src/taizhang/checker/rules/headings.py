"""Heading markers against GB/T 9704-2012 7.3.3: form, level order, numbering, run-in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Context, Finding, make
from ..paragraphs import CN_NUM, STANDARD, paragraphs

SRC = "GB/T 9704-2012 7.3.3"
LEVEL_NAMES = {1: "第一层", 2: "第二层", 3: "第三层", 4: "第四层"}
BODY_OPENERS = re.compile(r"本人|我镇|我乡|我村|一年来|今年以来|年初以来|我们")
FIRST_CLAUSE = re.compile(r"[^，。；：！？,;:!?]*")


def _numeral(level: int, n: int) -> str:
    if level in (1, 2):
        if n <= 10:
            return CN_NUM[n - 1]
        tens, units = divmod(n, 10)
        return (CN_NUM[tens - 1] if tens > 1 else "") + "十" + (CN_NUM[units - 1] if units else "")
    return str(n)


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check heading forms, their nesting and their numbering."""
    paras = [p for p in paragraphs(text) if p.level]
    used = {p.level for p in paras}
    last: dict[int, int] = {}
    depth = 0
    for p in paras:
        mstart = p.body_start - len(p.marker)
        if not p.standard and p.number:
            fixed = STANDARD[p.level].format(_numeral(p.level, p.number))
            yield make(
                text,
                mstart,
                p.body_start,
                "format.heading-form",
                "format",
                "警告",
                f"{LEVEL_NAMES[p.level]}标题序号应写作“{fixed}”",
                fixed,
                SRC,
            )
        skipped = [lvl for lvl in range(depth + 1, p.level) if lvl in used]
        if skipped:
            yield make(
                text,
                mstart,
                p.body_start,
                "format.heading-level",
                "format",
                "警告",
                f"标题层次跳级：{LEVEL_NAMES[p.level]}序号前缺少{LEVEL_NAMES[skipped[0]]}标题",
                None,
                SRC,
            )
        prev = last.get(p.level)
        if prev is not None and p.number != prev + 1 and p.number != 1:
            expected = _numeral(p.level, prev + 1)
            what = "重复" if p.number == prev else "不连续"
            yield make(
                text,
                mstart,
                p.body_start,
                "format.heading-number",
                "format",
                "警告",
                f"同级标题序号{what}：上一个为第{prev}，此处应为“{expected}”",
                None,
                SRC,
            )
        last[p.level] = p.number
        for lvl in list(last):
            if lvl > p.level:
                del last[lvl]
        depth = p.level
        yield from _run_in(text, p.body_start, p.end, p.level)


def _run_in(text: str, start: int, end: int, level: int) -> Iterator[Finding]:
    if level > 2:
        return
    clause = FIRST_CLAUSE.match(text, start, end)
    if clause is None or clause.end() - start < 10 or clause.end() >= end or end - start < 30:
        return
    m = BODY_OPENERS.search(text, start + 4, clause.end())
    if m:
        yield make(
            text,
            start,
            m.start(),
            "format.heading-run-in",
            "format",
            "提示",
            "标题与正文连排，标题后应断行或加句号",
            text[start : m.start()] + "。",
            SRC,
        )
