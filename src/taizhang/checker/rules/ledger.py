"""Numbers in the text that contradict the ledger facts the document was written from."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from ..core import Context, Finding, make
from ..numbers import NUM, decimals, fmt, parse_num

UNIT_SCALE = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "万": 1e4, "亿": 1e8}
CLAUSE_STOP = re.compile(r"[，。；：\n,;]")
# Words before a number that make it a part of a whole told before (另有2件已办结).
PART_LEADS = frozenset(("另有", "其余", "还有", "其中", "尚有"))
NUMBER = re.compile(rf"({NUM})\s*(万元|亿元|万|亿|%|％)?\s*([\u4e00-\u9fff]{{0,2}})")


def _keywords(fact: Any) -> list[str]:
    words = [getattr(fact, "label", "") or ""]
    words += list(getattr(fact, "keywords", ()) or ())
    return sorted({w for w in words if len(w) >= 2}, key=len, reverse=True)


def _to_fact_unit(value: float, written_unit: str, fact_unit: str) -> float:
    if written_unit in ("%", "％") or fact_unit in ("%", "％"):
        return value
    src = UNIT_SCALE.get(written_unit, 1.0)
    dst = UNIT_SCALE.get(fact_unit, UNIT_SCALE.get(fact_unit[:2], 1.0)) if fact_unit else 1.0
    return value * src / dst


def _unit_ok(fact_unit: str, mult: str, measure: str) -> bool:
    if not fact_unit:
        return True
    if fact_unit in ("%", "％"):
        return mult in ("%", "％")
    eq = {"名": "人", "位": "人"}
    written = (mult or "") + measure
    base = fact_unit.lstrip("万亿")
    m0 = eq.get(measure[:1], measure[:1])
    return (
        eq.get(base[:1], base[:1]) == m0
        or written.startswith(fact_unit)
        or bool(mult and base == "元" and measure.startswith("元"))
    )


def _occurrences(text: str, index: dict[str, list[Any]]) -> list[tuple[int, int, str]]:
    """Every keyword occurrence not inside a longer one (满意 inside 基本满意 is dropped)."""
    found = []
    for word in index:
        found += [(m.start(), m.end(), word) for m in re.finditer(re.escape(word), text)]
    found.sort(key=lambda o: (o[0], -(o[1] - o[0])))
    kept: list[tuple[int, int, str]] = []
    for occ in found:
        if kept and occ[0] >= kept[-1][0] and occ[1] <= kept[-1][1]:
            continue
        kept.append(occ)
    return kept


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Compare each number with the facts named by the keywords before it in its clause.

    A number is checked against the facts of the keywords that precede it within its
    clause (at most 16 characters back), nearest first; it contradicts the ledger only
    when none of those facts (with a compatible unit) has its value, so two activities
    that both report 满意 votes, or 应出席代表 next to 参加代表, do not clash.
    """
    index: dict[str, list[Any]] = {}
    for fact in ctx.facts or ():
        if getattr(fact, "value", None) is None:
            continue
        for word in _keywords(fact):
            index.setdefault(word, []).append(fact)
    if not index:
        return
    occurrences = _occurrences(text, index)
    ends = [o[1] for o in occurrences]
    for found in NUMBER.finditer(text):
        stop = max(text.rfind(c, 0, found.start()) for c in "，。；：\n,;")
        lo = max(stop + 1, found.start() - 16)
        i = bisect_right(ends, found.start())
        near = [o for o in reversed(occurrences[:i]) if o[1] >= lo]
        if not near and text[max(found.start() - 2, 0) : found.start()] in PART_LEADS:
            continue  # "另有1件资金已发放": a part of a whole, its state word is no total
        if not near:  # "7名代表担任信访信息员": the keyword may follow the number
            stop = min(
                (p for c in "，。；：\n,;" if (p := text.find(c, found.end())) >= 0),
                default=len(text),
            )
            hi = min(stop, found.end() + 16)
            near = [o for o in occurrences[i:] if o[0] >= found.end() and o[1] <= hi]
        if not near:
            continue
        written = parse_num(found.group(1))
        mult, measure = found.group(2) or "", found.group(3)
        candidates = [
            f
            for o in near
            for f in index[o[2]]
            if _unit_ok(getattr(f, "unit", "") or "", mult, measure)
        ]
        if (
            written is None
            or not candidates
            or any(
                _agrees(_to_fact_unit(written, mult, f.unit or ""), float(f.value), found.group(1))
                for f in candidates
            )
        ):
            continue
        ledger = candidates[0]
        unit = getattr(ledger, "unit", "") or ""
        yield make(
            text,
            found.start(),
            found.end(1) + len(mult) if mult else found.end(1),
            "ledger.mismatch",
            "ledger",
            "错误",
            f"与台账不符：台账记载“{ledger.label}”为{fmt(float(ledger.value), 2)}{unit}，"
            f"文中写作{found.group(1)}{mult}",
            fmt(float(ledger.value), 2),
            "台账",
        )


def _number_after(text: str, pos: int, unit: str) -> re.Match[str] | None:
    stop = CLAUSE_STOP.search(text, pos)
    end = min(stop.start() if stop else len(text), pos + 16)
    for m in NUMBER.finditer(text, pos, end):
        if _unit_ok(unit, m.group(2) or "", m.group(3)):
            return m
    return None


def _agrees(stated: float, ledger: float, written: str) -> bool:
    d = decimals(written)
    return abs(stated - ledger) <= 0.5 * 10**-d + 1e-9 or abs(stated - ledger) < 1e-6 * max(
        1, abs(ledger)
    )
