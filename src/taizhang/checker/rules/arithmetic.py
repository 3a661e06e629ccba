"""Recompute growth and completion figures, and announced enumeration counts.

Parts against their whole and rates against their base live in ``checker.consistency``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Context, Finding, make
from ..numbers import (
    NUM,
    NUM_UNIT,
    PCT,
    UNITS,
    decimals,
    fmt,
    nearest_same_unit,
    rate_matches,
    same_unit,
    scaled,
    sentence,
)
from .enumeration import enumerations

SRC = "实务"


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check growth and completion figures and enumeration counts against the text."""
    yield from _growth(text)
    yield from _completion(text)
    yield from enumerations(text)


GROWTH = re.compile(rf"(增长|下降|增加|减少|提高|降低|上升)了?\s*{PCT}")
FALLING = ("下降", "减少", "降低")
FROM_TO = re.compile(
    rf"(?:由|从)(?:上年|去年)?的?({NUM})\s*(万|亿)?\s*(?:{UNITS})?[\u4e00-\u9fff]{{0,4}}?"
    rf"(?:增加|增长|提高|下降|减少|降低|上升)(?:到|至|为)({NUM})\s*(万|亿)?\s*({UNITS})"
)
PREVIOUS = re.compile(rf"(?:上年|去年)(?:同期)?(?:为|是)?({NUM})\s*(万|亿)?\s*({UNITS})")
TARGET = re.compile(rf"(?:任务|目标|计划)[\u4e00-\u9fff]{{0,4}}?({NUM})\s*(万|亿)?\s*({UNITS})")
COMPLETION = re.compile(rf"完成(?:率|比例)(?:为|达到|达|是)?\s*{PCT}")


def _growth(text: str) -> Iterator[Finding]:
    """同比增长8.6%, 由12500元增加到13800元 / （上年99件）: recompute the change."""
    for m in GROWTH.finditer(text):
        start, end = sentence(text, m.start())
        old = new = None
        ft = FROM_TO.search(text, start, end)
        if ft is not None:
            old, new = scaled(ft.group(1), ft.group(2)), scaled(ft.group(3), ft.group(4))
            unit = ft.group(5)
        else:
            prev = PREVIOUS.search(text, m.end(), min(end, m.end() + 24))
            if prev is None:
                continue
            unit = prev.group(3)
            cur = nearest_same_unit(text, start, m.start(), unit)
            if cur is None:
                continue
            old, new = scaled(prev.group(1), prev.group(2)), scaled(cur.group(1), cur.group(2))
        if not old or new is None:
            continue
        change = (old - new) if m.group(1) in FALLING else (new - old)
        if change >= 0 and rate_matches(m.group(2), change, old):
            continue
        computed = fmt(abs(new - old) / old * 100, max(1, decimals(m.group(2))))
        word = "下降" if new < old else "增长"
        yield make(
            text,
            m.start(2),
            m.end(),
            "arithmetic.growth",
            "arithmetic",
            "错误",
            f"增减幅度与数字不符：由{fmt(old)}{unit}到{fmt(new)}{unit}应为{word}{computed}%，"
            f"文中为{m.group(1)}{m.group(2)}%",
            None,
            SRC,
        )


def _completion(text: str) -> Iterator[Finding]:
    """完成率120%（任务1.2万亩）: the actual figure over the target figure."""
    for m in COMPLETION.finditer(text):
        start, end = sentence(text, m.start())
        target = TARGET.search(text, start, end)
        if target is None:
            continue
        unit = target.group(3)
        actual = None
        for c in NUM_UNIT.finditer(text, start, m.start()):
            if same_unit(c.group(3), unit) and not (target.start() <= c.start() < target.end()):
                actual = c
        if actual is None:
            continue
        av, tv = scaled(actual.group(1), actual.group(2)), scaled(target.group(1), target.group(2))
        if av is None or not tv or rate_matches(m.group(1), av, tv):
            continue
        computed = fmt(av / tv * 100, max(1, decimals(m.group(1))))
        yield make(
            text,
            m.start(1),
            m.end(),
            "arithmetic.completion",
            "arithmetic",
            "错误",
            f"完成率与数字不符：{fmt(av)}{unit}÷任务{fmt(tv)}{unit}应为{computed}%，"
            f"文中为{m.group(1)}%",
            None,
            SRC,
        )
