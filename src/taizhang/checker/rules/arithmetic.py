"""Recompute counts and rates that belong together, and announced enumeration counts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Context, Finding, make
from ..numbers import NUM, NUM_UNIT, PCT, UNITS, decimals, fmt, parse_num, rate_matches, scaled
from .enumeration import enumerations

SRC = "实务"
RATE = re.compile(rf"([\u4e00-\u9fff]{{2}})率(?:为|达到|达|是|约为|约)?\s*{PCT}")
SHARE = re.compile(rf"占(?:[\u4e00-\u9fff]{{0,8}}?的|总数|全部|比)?(?:为)?\s*{PCT}")
PART_MARKERS = {
    "出席": "实到|出席|到会|参会",
    "到会": "实到|出席|到会|参会",
    "参会": "实到|出席|到会|参会",
}
BASE_MARKERS = r"发现|排查|摸排|抽查|检查|签约|计划|任务|参评|调查|走访|应到|应出席|收到|受理|共收到|共|共有|共计|总计|合计|登记|交办|提出|接待|立案|全镇|全乡|总数"
TOTAL_FIRST = re.compile(
    rf"(?:共|共有|共计|总计|合计|收到|受理|累计)[\u4e00-\u9fff]{{0,8}}?({NUM})\s*(万|亿)?\s*(人|名|件|次|个|户|项|家|篇|条|张|处|起|宗|例)[，,、]?\s*其中"
)
# 76篇，其中…: a count directly followed by 其中 is the whole its parts belong to.
TOTAL_BARE = re.compile(
    rf"({NUM})\s*(万|亿)?\s*(人次|人|名|件|次|个|户|项|家|篇|条|位|所|座|处|起|村|张|宗|例)[，,]?\s*其中"
)
TOTAL_LAST = re.compile(
    rf"[，,；]\s*(?:合计|共计|总计)\s*({NUM})\s*(万|亿)?\s*(人|名|件|次|个|户|项|家|篇|条)"
)
TOTAL_WORD = re.compile(r"合计|共计|总计|共")
EXHAUSTIVE = re.compile(r"分别为|其余|其他|其它|剩余")
NEAR_MISS = 0.95
COMPLEMENTS = [("立案", "建议"), ("男", "女"), ("满意", "不满意"), ("已", "未")]


def _para_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


UNIT_EQ = {"名": "人", "位": "人"}


def same_unit(a: str, b: str) -> bool:
    return UNIT_EQ.get(a, a) == UNIT_EQ.get(b, b)


def _last_count(text: str, start: int, end: int, markers: str, unit: str | None = None):
    pattern = re.compile(rf"(?:{markers})[\u4e00-\u9fff]{{0,6}}?({NUM})\s*(万|亿)?\s*({UNITS})")
    found = None
    for m in pattern.finditer(text, start, end):
        if unit is None or same_unit(m.group(3), unit):
            found = m
    return found


def _any_base_matches(
    text: str, start: int, end: int, unit: str, stated: str, parts: list[float]
) -> bool:
    """Tell whether the rate follows from any same-unit count before the part (author's base)."""
    for m in NUM_UNIT.finditer(text, start, end):
        if same_unit(m.group(3), unit):
            value = scaled(m.group(1), m.group(2))
            if value and any(rate_matches(stated, p, value) for p in parts):
                return True
    return False


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check rates, shares, totals and enumeration counts against the figures beside them."""
    yield from _rates(text)
    yield from _growth(text)
    yield from _completion(text)
    yield from _shares(text)
    yield from _totals(text)
    yield from enumerations(text)


def _rates(text: str) -> Iterator[Finding]:
    for m in RATE.finditer(text):
        stem = m.group(1)
        pstart, _ = _para_bounds(text, m.start())
        wstart = max(pstart, m.start() - 160)
        part_markers = PART_MARKERS.get(stem, re.escape(stem))
        part = _last_count(text, wstart, m.start(), rf"(?<!不)(?<!基本)(?:{part_markers})")
        if part is None:
            continue
        unit = part.group(3)
        base_markers = "应到|应出席" if stem in PART_MARKERS else BASE_MARKERS
        base = _last_count(text, wstart, part.start(), base_markers, unit)
        if base is None and stem not in PART_MARKERS:
            # No base word: the nearest same-unit count earlier in the sentence is the base.
            sstart = max(wstart, text.rfind("。", wstart, part.start()) + 1)
            base = _nearest_same_unit(text, sstart, part.start(), unit)
        if base is None:
            continue
        pv, bv = scaled(part.group(1), part.group(2)), scaled(base.group(1), base.group(2))
        if pv is None or bv is None or bv == 0:
            continue
        candidates = [pv]
        if stem == "满意":
            extra = _last_count(text, part.end(), m.start(), "基本满意", unit)
            if extra is not None and (ev := parse_num(extra.group(1))) is not None:
                candidates.append(pv + ev)
        if pv > bv and stem in PART_MARKERS:
            yield make(
                text,
                part.start(),
                part.end(),
                "arithmetic.part-exceeds",
                "arithmetic",
                "错误",
                f"实到人数{fmt(pv)}超过应到人数{fmt(bv)}",
                None,
                SRC,
            )
            continue
        if any(rate_matches(m.group(2), c, bv) for c in candidates):
            continue
        if _any_base_matches(text, wstart, part.start(), unit, m.group(2), candidates):
            continue
        d = max(1, decimals(m.group(2)))
        computed = fmt(candidates[0] / bv * 100, d)
        yield make(
            text,
            m.start(2),
            m.end(),
            "arithmetic.rate",
            "arithmetic",
            "错误",
            f"{stem}率与数字不符：按{fmt(pv)}{unit}÷{fmt(bv)}{unit}计算应为{computed}%，文中为{m.group(2)}%",
            None,
            SRC,
        )


def _nearest_same_unit(text: str, start: int, end: int, unit: str) -> re.Match[str] | None:
    found = None
    for m in NUM_UNIT.finditer(text, start, end):
        if same_unit(m.group(3), unit):
            found = m
    return found


def _shares(text: str) -> Iterator[Finding]:
    for m in SHARE.finditer(text):
        pstart, _ = _para_bounds(text, m.start())
        near = text[max(pstart, m.start() - 16) : m.start()]
        parts = list(NUM_UNIT.finditer(near))
        if not parts:
            continue
        part = parts[-1]
        unit = part.group(3)
        part_abs = max(pstart, m.start() - 16) + part.start()
        base = _last_count(text, max(pstart, m.start() - 200), part_abs, BASE_MARKERS, unit)
        if base is None:
            base = _whole_before_qizhong(text, max(pstart, m.start() - 200), part_abs, unit)
        if base is None:
            continue
        pv, bv = scaled(part.group(1), part.group(2)), scaled(base.group(1), base.group(2))
        if pv is None or not bv or rate_matches(m.group(1), pv, bv):
            continue
        if _any_base_matches(text, max(pstart, m.start() - 200), part_abs, unit, m.group(1), [pv]):
            continue
        computed = fmt(pv / bv * 100, max(1, decimals(m.group(1))))
        yield make(
            text,
            m.start(1),
            m.end(),
            "arithmetic.share",
            "arithmetic",
            "错误",
            f"占比与数字不符：{fmt(pv)}{unit}÷{fmt(bv)}{unit}应为{computed}%，文中为{m.group(1)}%",
            None,
            SRC,
        )


def _whole_before_qizhong(text: str, start: int, end: int, unit: str) -> re.Match[str] | None:
    """Take '120户，其中困难户30户' as whole and part."""
    whole = None
    for m in NUM_UNIT.finditer(text, start, end):
        if same_unit(m.group(3), unit):
            whole = m
    if whole is not None and "其中" in text[whole.end() : end]:
        return whole
    return None


def _totals(text: str) -> Iterator[Finding]:
    for m in TOTAL_FIRST.finditer(text):
        total = scaled(m.group(1), m.group(2))
        unit = m.group(3)
        end = _clause_end(text, m.end())
        yield from _check_parts(text, m, total, unit, m.end(), end, "其中")
    seen = {m.start(1) for m in TOTAL_FIRST.finditer(text)}
    pos = text.find("其中")
    while pos != -1:
        # Search a short window that ends with this 其中 instead of scanning every number.
        m = TOTAL_BARE.search(text, max(0, pos - 24), pos + 2)
        pos = text.find("其中", pos + 2)
        if m is None or m.start(1) in seen:
            continue
        if m.start() and text[m.start() - 1] in "0123456789.":
            continue
        total = scaled(m.group(1), m.group(2))
        end = _clause_end(text, m.end())
        yield from _check_parts(text, m, total, m.group(3), m.end(), end, "其中")
    for m in TOTAL_LAST.finditer(text):
        total = scaled(m.group(1), m.group(2))
        unit = m.group(3)
        start = (
            max(
                text.rfind("。", 0, m.start()),
                text.rfind("\n", 0, m.start()),
                text.rfind("；", 0, m.start()),
            )
            + 1
        )
        yield from _check_parts(text, m, total, unit, start, m.start(), "合计")


def _clause_end(text: str, pos: int) -> int:
    ends = [
        i for i in (text.find("。", pos), text.find("\n", pos), text.find("；", pos)) if i != -1
    ]
    return min(ends) if ends else len(text)


def _check_parts(text, m, total, unit, start, end, kind) -> Iterator[Finding]:
    if total is None:
        return
    parts = [
        p
        for p in NUM_UNIT.finditer(text, start, end)
        if same_unit(p.group(3), unit)
        and not TOTAL_WORD.search(text, max(0, p.start() - 3), p.start())
    ]
    if "其中" in text[start:end] or len(parts) < 2:
        return
    values = [scaled(p.group(1), p.group(2)) for p in parts]
    if any(v is None for v in values):
        return
    s = sum(values)
    span = text[start:end]
    exhaustive = (
        kind == "合计"
        or bool(EXHAUSTIVE.search(span))
        or any(a in span and b in span for a, b in COMPLEMENTS)
    )
    # Parts that fall just short of the whole (306 of 316) read as a full breakdown with a slip.
    near_miss = s < total and s >= NEAR_MISS * total and total - s >= 1
    if abs(s - total) < 1e-9 or (s < total and not exhaustive and not near_miss):
        return
    shown = "+".join(fmt(v) for v in values)
    severity = "提示" if s < total and not exhaustive else "错误"
    yield make(
        text,
        m.start(1),
        m.start(1) + len(m.group(1)),
        "arithmetic.total",
        "arithmetic",
        severity,
        f"分项之和与总数不符：{shown}={fmt(s)}{unit}，文中总数为{fmt(total)}{unit}",
        None,
        SRC,
    )


GROWTH = re.compile(rf"(增长|下降|增加|减少|提高|降低|上升)了?\s*{PCT}")
FALLING = ("下降", "减少", "降低")
FROM_TO = re.compile(
    rf"(?:由|从)(?:上年|去年)?的?({NUM})\s*(万|亿)?\s*(?:{UNITS})?[\u4e00-\u9fff]{{0,4}}?"
    rf"(?:增加|增长|提高|下降|减少|降低|上升)(?:到|至|为)({NUM})\s*(万|亿)?\s*({UNITS})"
)
PREVIOUS = re.compile(rf"(?:上年|去年)(?:同期)?(?:为|是)?({NUM})\s*(万|亿)?\s*({UNITS})")
TARGET = re.compile(rf"(?:任务|目标|计划)[\u4e00-\u9fff]{{0,4}}?({NUM})\s*(万|亿)?\s*({UNITS})")
COMPLETION = re.compile(rf"完成(?:率|比例)(?:为|达到|达|是)?\s*{PCT}")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in "。\n；") + 1
    return start, _clause_end(text, pos)


def _growth(text: str) -> Iterator[Finding]:
    """同比增长8.6%, 由12500元增加到13800元 / （上年99件）: recompute the change."""
    for m in GROWTH.finditer(text):
        start, end = _sentence(text, m.start())
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
            cur = _nearest_same_unit(text, start, m.start(), unit)
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
        start, end = _sentence(text, m.start())
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
