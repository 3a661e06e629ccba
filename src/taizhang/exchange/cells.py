"""Cell conventions of LEDGER_FORMAT v1: parse, format, escape and mask."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils import timezone

LIST_SPLIT = re.compile(r"\s*[、；;,，]\s*")
DATE_RE = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$")
MONTH_RE = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$")
DATETIME_RE = re.compile(r"^(.+?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
EXCEL_EPOCH = date(1899, 12, 30)
FORMULA_START = ("=", "+", "-", "@")


class CellError(ValueError):
    """A cell that cannot be read; the message is Chinese and names what was expected."""


def text(value) -> str:
    """Return the cell as stripped text ('' for empty); numbers lose a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    value = str(value).strip()
    # An exported cell escaped with a leading apostrophe reads back as its text.
    if value.startswith("'") and value[1:2] in FORMULA_START:
        value = value[1:]
    return value


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 < value < 2958466:
        return EXCEL_EPOCH + timedelta(days=int(value))
    if value.__class__ is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raw = text(value)
    match = DATE_RE.match(raw)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise CellError(f"日期“{raw}”无效，应为 2025-04-21 或 2025年4月21日")


def parse_month(value) -> date:
    if isinstance(value, (date | datetime, int | float)):
        return parse_date(value).replace(day=1)
    raw = text(value)
    match = MONTH_RE.match(raw)
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1)
    return parse_date(raw).replace(day=1)


def _local(day: date, *hms: int) -> datetime:
    """Return a wall-clock time of the configured zone (clerks write Beijing time)."""
    return datetime(day.year, day.month, day.day, *hms, tzinfo=timezone.get_current_timezone())


def parse_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return timezone.make_aware(value) if timezone.is_naive(value) else value
    if isinstance(value, float) and not value.is_integer():
        day = parse_date(int(value))
        seconds = round((value - int(value)) * 86400)
        return _local(day) + timedelta(seconds=seconds)
    raw = text(value)
    match = DATETIME_RE.match(raw)
    if match:
        day = parse_date(match[1])
        try:
            return _local(day, int(match[2]), int(match[3]), int(match[4] or 0))
        except ValueError:
            pass
    return _local(parse_date(raw))


def parse_count(value) -> int:
    raw = text(value)
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise CellError(f"“{raw}”不是数字，应为非负整数") from None
    if number < 0:
        raise CellError(f"“{raw}”为负数，应为非负整数")
    if number != number.to_integral_value():
        raise CellError(f"“{raw}”不是整数，应为非负整数")
    return int(number)


def parse_int(value) -> int:
    raw = text(value).replace("+", "")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise CellError(f"“{raw}”不是整数") from None
    if number != number.to_integral_value():
        raise CellError(f"“{raw}”不是整数")
    return int(number)


def parse_decimal(value, *, negative: bool = False) -> Decimal:
    raw = text(value).replace(",", "")
    try:
        number = Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise CellError(f"“{raw}”不是数字") from None
    if number < 0 and not negative:
        raise CellError(f"“{raw}”为负数，应为非负数")
    if abs(number) >= Decimal("1e12"):
        raise CellError(f"“{raw}”超出范围")
    return number


def parse_bool(value) -> bool:
    raw = text(value)
    if raw in ("是", "Y", "y", "1", "TRUE", "True", "true", "√"):
        return True
    if raw in ("否", "N", "n", "0", "FALSE", "False", "false", ""):
        return False
    raise CellError(f"“{raw}”应填“是”或“否”")


def parse_list(value) -> list[str]:
    return [item for item in LIST_SPLIT.split(text(value)) if item]


def fmt_decimal(value):
    """Write a decimal as an int when whole, else a float (what a clerk would type)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def fmt_date(value) -> str | None:
    return value.isoformat() if value else None


def escape(value):
    """Neutralise text that a spreadsheet would run as a formula (= + - @)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class RowError(Exception):
    """One problem in one cell; ``column`` is the header it concerns."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column
        self.message = message
