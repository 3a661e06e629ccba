"""Numbers in the text that contradict the ledger facts the document was written from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..core import Context, Finding, make
from ..numbers import NUM, decimals, fmt, parse_num

UNIT_SCALE = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "万": 1e4, "亿": 1e8}
CLAUSE_STOP = re.compile(r"[，。；：\n,;]")
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


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Compare numbers stated near each fact's label or keywords with the ledger value."""
    facts: Iterable[Any] = ctx.facts or ()
    seen: set[int] = set()
    for fact in facts:
        value = getattr(fact, "value", None)
        if value is None:
            continue
        unit = getattr(fact, "unit", "") or ""
        label = getattr(fact, "label", "") or ""
        for word in _keywords(fact):
            for kw in re.finditer(re.escape(word), text):
                found = _number_after(text, kw.end(), unit)
                if found is None or found.start() in seen:
                    continue
                written = parse_num(found.group(1))
                if written is None:
                    continue
                mult = found.group(2) or ""
                stated = _to_fact_unit(written, mult, unit)
                if _agrees(stated, float(value), found.group(1)):
                    seen.add(found.start())
                    continue
                seen.add(found.start())
                yield make(
                    text,
                    found.start(),
                    found.end(1) + len(mult) if mult else found.end(1),
                    "ledger.mismatch",
                    "ledger",
                    "错误",
                    f"与台账不符：台账记载“{label}”为{fmt(float(value), 2)}{unit}，文中写作{found.group(1)}{mult}",
                    fmt(float(value), 2),
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
