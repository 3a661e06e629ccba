"""Rates against their base: 办结4件…办结率80%, shares, 100.0%, empty bases, rates over 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Finding, make
from ..numbers import (
    NUM_UNIT,
    PCT,
    decimals,
    fmt,
    last_count,
    nearest_same_unit,
    para_bounds,
    parse_num,
    pct_text,
    rate_matches,
    same_unit,
    scaled,
)

SRC = "实务"
RATE = re.compile(rf"([\u4e00-\u9fff]{{2}})率(?:为|达到|达|是|约为|约)?\s*{PCT}")
SHARE = re.compile(rf"占(?:[\u4e00-\u9fff]{{0,8}}?的|总数|全部|比)?(?:为)?\s*{PCT}")
PART_MARKERS = {
    "出席": "实到|出席|到会|参会",
    "到会": "实到|出席|到会|参会",
    "参会": "实到|出席|到会|参会",
}
BASE_MARKERS = (
    r"发现|排查|摸排|抽查|检查|签约|计划|任务|参评|调查|走访|应到|应出席|收到|受理|共收到|共|共有"
    r"|共计|总计|合计|登记|交办|提出|接待|立案|全镇|全乡|总数"
)
# Rates that are a part over its whole and so cannot pass 100% (完成率, 增长率 may).
BOUNDED = frozenset(
    [
        "出席",
        "到会",
        "参会",
        "办结",
        "满意",
        "化解",
        "覆盖",
        "参与",
        "合格",
        "达标",
        "答复",
        "回复",
        "落实",
        "见面",
        "知晓",
        "入户",
        "签约",
        "普及",
        "参保",
        "参合",
        "结案",
        "调解",
        "成功",
        "整改",
        "接种",
        "就业",
        "入学",
        "巩固",
        "通过",
        "赞成",
        "反馈",
        "解决",
        "调处",
        "按期",
        "按时",
        "及时",
        "参评",
        "好评",
        "采纳",
        "采用",
        "出勤",
        "参训",
        "培训",
        "建档",
        "审查",
        "复核",
    ]
)
HUNDRED_DOT = re.compile(r"100\.0+(?=\s*[%％])")


def run(text: str) -> Iterator[Finding]:
    """Check every stated rate and share against the counts beside it."""
    if "%" in text or "％" in text or "百分之" in text:
        yield from _rates(text)
        yield from _shares(text)
        yield from _hundred_dot(text)


def _rates(text: str) -> Iterator[Finding]:
    for m in RATE.finditer(text):
        stem = m.group(1)
        value = parse_num(pct_text(m.group(2)))
        if value is not None and value > 100 and stem in BOUNDED:
            yield make(
                text,
                m.start(2),
                m.end(),
                "consistency.rate-over",
                "consistency",
                "错误",
                f"{stem}率不可能超过100%，文中为{m.group(2)}%",
                None,
                SRC,
            )
            continue
        yield from _rate_against_base(text, m, stem)


def _rate_against_base(text: str, m: re.Match[str], stem: str) -> Iterator[Finding]:
    pstart, _ = para_bounds(text, m.start())
    wstart = max(pstart, m.start() - 160)
    part_markers = PART_MARKERS.get(stem, re.escape(stem))
    part = last_count(text, wstart, m.start(), rf"(?<!不)(?<!基本)(?:{part_markers})")
    if part is None:
        yield from _empty_base(text, m, stem, wstart)
        return
    unit = part.group(3)
    base_markers = "应到|应出席" if stem in PART_MARKERS else BASE_MARKERS
    base = last_count(text, wstart, part.start(), base_markers, unit)
    if base is None and stem not in PART_MARKERS:
        # No base word: the nearest same-unit count earlier in the sentence is the base.
        sstart = max(wstart, text.rfind("。", wstart, part.start()) + 1)
        base = nearest_same_unit(text, sstart, part.start(), unit)
    if base is None:
        return
    pv, bv = scaled(part.group(1), part.group(2)), scaled(base.group(1), base.group(2))
    if pv is None or bv is None:
        return
    if bv == 0:
        yield _empty(text, m, stem)
        return
    candidates = [pv]
    if stem == "满意":
        extra = last_count(text, part.end(), m.start(), "基本满意", unit)
        if extra is not None and (ev := parse_num(extra.group(1))) is not None:
            candidates.append(pv + ev)
    if pv > bv and stem in PART_MARKERS:
        yield make(
            text,
            part.start(),
            part.end(),
            "consistency.part-exceeds",
            "consistency",
            "错误",
            f"实到人数{fmt(pv)}超过应到人数{fmt(bv)}",
            None,
            SRC,
        )
        return
    if any(rate_matches(m.group(2), c, bv) for c in candidates):
        return
    if _any_base_matches(text, wstart, part.start(), unit, m.group(2), candidates):
        return
    d = max(1, decimals(m.group(2)))
    computed = fmt(candidates[0] / bv * 100, d)
    yield make(
        text,
        m.start(2),
        m.end(),
        "consistency.rate",
        "consistency",
        "错误",
        f"{stem}率与数字不符：按{fmt(pv)}{unit}÷{fmt(bv)}{unit}计算应为{computed}%，文中为{m.group(2)}%",
        None,
        SRC,
    )


ZERO = re.compile(r"(?:0|零|〇)\s*(件|人|名|次|个|项|户|条|起)")
NONE_WORDS = re.compile(
    r"(?:暂无|尚无|未收到|未受理)[\u4e00-\u9fff]{0,4}?(?:件|事项|建议|议案|信访|来信|来访|案件|申请)"
)


def _empty_base(text: str, m: re.Match[str], stem: str, wstart: int) -> Iterator[Finding]:
    """受理0件，满意率100%: a rate whose sentence states only an empty count."""
    sstart = max(wstart, max(text.rfind(c, wstart, m.start()) for c in "。；") + 1)
    span = text[sstart : m.start()]
    if not (ZERO.search(span) or NONE_WORDS.search(span)):
        return
    if any((scaled(c.group(1), c.group(2)) or 0) > 0 for c in NUM_UNIT.finditer(span)):
        return
    yield _empty(text, m, stem)


def _empty(text: str, m: re.Match[str], stem: str) -> Finding:
    return make(
        text,
        m.start(2),
        m.end(),
        "consistency.rate-empty-base",
        "consistency",
        "错误",
        f"基数为0时不应给出{stem}率（可写“暂无”或删去此句）",
        None,
        SRC,
    )


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


def _shares(text: str) -> Iterator[Finding]:
    for m in SHARE.finditer(text):
        value = parse_num(pct_text(m.group(1)))
        if value is not None and value > 100:
            yield make(
                text,
                m.start(1),
                m.end(),
                "consistency.rate-over",
                "consistency",
                "错误",
                f"部分占整体的比例不可能超过100%，文中为{m.group(1)}%",
                None,
                SRC,
            )
            continue
        pstart, _ = para_bounds(text, m.start())
        near = text[max(pstart, m.start() - 16) : m.start()]
        parts = list(NUM_UNIT.finditer(near))
        if not parts:
            continue
        part = parts[-1]
        unit = part.group(3)
        part_abs = max(pstart, m.start() - 16) + part.start()
        base = last_count(text, max(pstart, m.start() - 200), part_abs, BASE_MARKERS, unit)
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
            "consistency.share",
            "consistency",
            "错误",
            f"占比与数字不符：{fmt(pv)}{unit}÷{fmt(bv)}{unit}应为{computed}%，文中为{m.group(1)}%",
            None,
            SRC,
        )


def _whole_before_qizhong(text: str, start: int, end: int, unit: str) -> re.Match[str] | None:
    """Take '120户，其中困难户30户' as whole and part."""
    whole = nearest_same_unit(text, start, end, unit)
    if whole is not None and "其中" in text[whole.end() : end]:
        return whole
    return None


def _hundred_dot(text: str) -> Iterator[Finding]:
    for m in HUNDRED_DOT.finditer(text) if "100." in text else ():
        if m.start() and text[m.start() - 1] in "0123456789.":
            continue
        yield make(
            text,
            m.start(),
            m.end(),
            "consistency.hundred-percent",
            "consistency",
            "错误",
            "百分之百不写小数，应作“100%”",
            "100",
            SRC,
        )
