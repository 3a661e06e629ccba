"""Parts against their whole: 共4件，其中村级2件、乡级1件; 合计; tier lists without 其中."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Finding, make
from ..numbers import NUM, NUM_UNIT, clause_end, fmt, same_unit, scaled

SRC = "实务"
COUNT_UNITS = r"人次|人|名|件|次|个|户|项|家|篇|条|位|所|座|处|起|村|张|宗|例|元"
VERBS = r"受理|收到|办理|交办|提出|登记|接待|排查|调处|化解|立案|走访|发放|投入|支出|落实"
TOTAL_FIRST = re.compile(
    rf"(?:共|共有|共计|总计|合计|累计)?({VERBS}|共|共有|共计|总计|合计|累计)"
    rf"[\u4e00-\u9fff]{{0,8}}?({NUM})\s*(万|亿)?\s*({COUNT_UNITS})[，,、]?\s*其中"
)
# 76篇，其中…: a count directly followed by 其中 is the whole its parts belong to.
TOTAL_BARE = re.compile(rf"({NUM})\s*(万|亿)?\s*({COUNT_UNITS})[，,]?\s*其中")
TOTAL_LAST = re.compile(
    rf"[，,；]\s*(?:合计|共计|总计)\s*({NUM})\s*(万|亿)?\s*(人|名|件|次|个|户|项|家|篇|条|元)"
)
TOTAL_WORD = re.compile(r"合计|共计|总计|共")
EXHAUSTIVE = re.compile(r"分别为|其余|其他|其它|剩余")
NEAR_MISS = 0.95
COMPLEMENTS = [("立案", "建议"), ("男", "女"), ("满意", "不满意"), ("已", "未")]
# A tier names where a case was handled; tiers partition their whole, so the rest is named.
TIER = re.compile(
    r"(村级|村一级|乡级|乡一级|镇级|镇一级|县级|县一级|其他|其余)"
    rf"({VERBS})?(?:的)?({NUM})\s*(万|亿)?\s*({COUNT_UNITS})"
)
TIER_AFTER = ("，", ",", "、", "；", "：", "其中", "在")
TIER_HINT = ("村级", "村一级", "乡级", "乡一级", "镇级", "镇一级", "县级", "县一级")


def run(text: str) -> Iterator[Finding]:
    """Compare the parts listed after a whole (or before a 合计) with that whole."""
    seen: set[int] = set()
    pos = text.find("其中")
    while pos != -1:
        # Search a short window that ends with this 其中 instead of scanning every number.
        first = TOTAL_FIRST.search(text, max(0, pos - 40), pos + 2)
        m = TOTAL_BARE.search(text, max(0, pos - 24), pos + 2)
        pos = text.find("其中", pos + 2)
        if first is not None and first.start(2) not in seen:
            seen.add(first.start(2))
            verb = first.group(1) if not first.group(1).startswith(("共", "总", "合", "累")) else ""
            end = clause_end(text, first.end())
            yield from _check_parts(text, first, 2, verb, first.end(), end)
        if m is None or m.start(1) in seen:
            continue
        if m.start() and text[m.start() - 1] in "0123456789.":
            continue
        seen.add(m.start(1))
        yield from _check_parts(text, m, 1, "", m.end(), clause_end(text, m.end()))
    for m in TOTAL_LAST.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。\n；") + 1
        yield from _check_parts(text, m, 1, "", start, m.start(), kind="合计")
    if any(t in text for t in TIER_HINT):
        yield from _tier_lists(text, seen)


def _check_parts(
    text: str, m: re.Match[str], g: int, verb: str, start: int, end: int, kind: str = "其中"
) -> Iterator[Finding]:
    total = scaled(m.group(g), m.group(g + 1))
    unit = m.group(g + 2)
    if total is None:
        return
    if "其中" in text[start:end]:
        return  # a nested breakdown: the second 其中 belongs to a part
    parts = [
        p
        for p in NUM_UNIT.finditer(text, start, end)
        if same_unit(p.group(3), unit)
        and not TOTAL_WORD.search(text, max(0, p.start() - 3), p.start())
    ]
    if not parts:
        return
    values = [scaled(p.group(1), p.group(2)) for p in parts]
    if any(v is None for v in values):
        return
    s = sum(values)
    span = text[start:end]
    tiers = _is_tier_list(text, parts, verb)
    exhaustive = (
        kind == "合计"
        or tiers
        or bool(EXHAUSTIVE.search(span))
        or any(a in span and b in span for a, b in COMPLEMENTS)
    )
    if len(parts) < 2 and not (s > total or tiers):
        return
    # Parts that fall just short of the whole (306 of 316) read as a full breakdown with a slip.
    near_miss = s < total and s >= NEAR_MISS * total and total - s >= 1
    if abs(s - total) < 1e-9 or (s < total and not exhaustive and not near_miss):
        return
    yield _finding(text, m.start(g), m.start(g) + len(m.group(g)), values, s, total, unit, tiers)


def _finding(text, start, end, values, s, total, unit, tiers) -> Finding:
    shown = "+".join(fmt(v) for v in values)
    if s > total:
        message = f"分项之和大于总数：{shown}={fmt(s)}{unit}，文中总数为{fmt(total)}{unit}"
        severity = "错误"
    elif tiers:
        message = (
            f"分项之和与总数不符：{shown}={fmt(s)}{unit}，文中总数为{fmt(total)}{unit}，"
            f"其余{fmt(total - s)}{unit}未交代去向（可写明“其他{fmt(total - s)}{unit}”）"
        )
        severity = "错误"
    else:
        message = f"分项之和与总数不符：{shown}={fmt(s)}{unit}，文中总数为{fmt(total)}{unit}"
        severity = "错误"
    rule = "consistency.parts-rest" if tiers and s < total else "consistency.parts"
    return make(text, start, end, rule, "consistency", severity, message, None, SRC)


def _is_tier_list(text: str, parts: list[re.Match[str]], verb: str) -> bool:
    """Every part is a tier (村级受理2件) whose verb, if any, is the whole's own verb."""
    for p in parts:
        t = TIER.search(text, max(0, p.start() - 8), p.end())
        if t is None or t.end() != p.end() or not _tier_opens(text, t.start()):
            return False
        if t.group(2) and verb and t.group(2) != verb:
            return False
    return True


def _tier_lists(text: str, seen: set[int]) -> Iterator[Finding]:
    """受理信访14件，村级受理9件、乡级受理4件 (no 其中): tiers after a whole in one sentence."""
    groups: dict[tuple[int, str], list[re.Match[str]]] = {}
    for t in TIER.finditer(text):
        if not _tier_opens(text, t.start()):
            continue
        if "其中" in text[max(0, t.start() - 30) : t.start()]:
            continue  # the 其中 pass has checked it
        start = max(text.rfind(c, 0, t.start()) for c in "。\n；") + 1
        groups.setdefault((start, t.group(5)), []).append(t)
    for (start, unit), tiers in groups.items():
        if len(tiers) < 2:
            continue
        verb = tiers[0].group(2) or ""
        whole = None
        for m in NUM_UNIT.finditer(text, start, tiers[0].start()):
            if same_unit(m.group(3), unit):
                whole = m
        if whole is None or whole.start(1) in seen:
            continue
        lead = text[max(start, whole.start() - 10) : whole.start()]
        if verb and verb not in lead:
            continue  # 走访群众30户，村级受理…: the count is not the tiers' whole
        total = scaled(whole.group(1), whole.group(2))
        values = [scaled(t.group(3), t.group(4)) for t in tiers]
        if total is None or any(v is None for v in values):
            continue
        s = sum(values)
        if abs(s - total) < 1e-9:
            continue
        yield _finding(text, whole.start(1), whole.end(1), values, s, total, unit, True)


def _tier_opens(text: str, pos: int) -> bool:
    """A tier opens a list item: after a comma, 顿号, 其中 or 在 (not inside 县级财政)."""
    return text.endswith(TIER_AFTER, 0, pos)
