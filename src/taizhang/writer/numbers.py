"""Number and date formatting per GB/T 15835: Arabic numerals, 万/亿, one-decimal rates."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from .facts import Number

MONEY_UNITS = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
# Measures that read better as 3.2万吨 than 32000吨 once they reach ten thousand.
SCALABLE = {"吨", "人", "人次", "户", "亩", "株", "头", "只", "册", "份"}


def to_decimal(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def plain(value: Number, places: int = 2) -> str:
    """Return a number with at most ``places`` decimals and no trailing zeros."""
    d = to_decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(value: Number) -> str:
    """Return a percentage with at most one decimal: 98.1%, 100% (never 100.0%)."""
    d = to_decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{d:f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def money(yuan: Number) -> str:
    """Return an amount of money: 8000万元, 1.3亿元, 9800元."""
    d = to_decimal(yuan)
    if abs(d) >= 100_000_000:
        return plain(d / 100_000_000) + "亿元"
    if abs(d) >= 10_000:
        return plain(d / 10_000) + "万元"
    return plain(d) + "元"


def scaled(value: Number, unit: str) -> str:
    """Return a measure, written with 万/亿 when that stays exact to two decimals."""
    d = to_decimal(value)
    for base, word in ((100_000_000, "亿"), (10_000, "万")):
        if abs(d) >= base and (d * 100 / base) == (d * 100 / base).to_integral_value():
            return plain(d / base) + word + unit
    return plain(d) + unit


def format_figure(value: Number, unit: str) -> str:
    """Return the text of a figure with its unit as it appears in a sentence."""
    if unit == "%":
        return percent(value)
    if unit in MONEY_UNITS:
        return money(to_decimal(value) * MONEY_UNITS[unit])
    if unit in SCALABLE:
        return scaled(value, unit)
    return plain(value) + unit


def bare(value: Number, unit: str) -> str:
    """Return the number of a figure without its unit (for 第3位, 3件中的)."""
    if unit == "%":
        return percent(value).rstrip("%")
    return plain(value)


def parse_date(text: str | None) -> dt.date | None:
    """Parse an ISO date (2025-04-21); anything else gives None."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def format_date(text: str | None, year: int | None = None) -> str:
    """Return 4月21日 inside the document's year, 2024年12月30日 outside it, or ''."""
    d = parse_date(text)
    if d is None:
        return ""
    if year is not None and d.year == year:
        return f"{d.month}月{d.day}日"
    return f"{d.year}年{d.month}月{d.day}日"


def full_date(text: str | None) -> str:
    """Return a full date for a signature block: 2025年12月31日, or ''."""
    d = parse_date(text)
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def is_zero(value: Number | None) -> bool:
    return value is None or to_decimal(value) == 0
