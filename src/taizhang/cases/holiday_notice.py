"""Read the lines of the State Council's yearly holiday notice (放假安排) into dated days.

Forms understood, one holiday per line (the notice's own wording, pasted as it is):

- ``元旦：1月1日（周三）放假1天，不调休。``
- ``春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
  1月26日（周日）、2月8日（周六）上班。``
- ``清明节：4月4日至6日放假``  (the end day without a month keeps the start's month)
- ``元旦：2024年12月30日至2025年1月1日放假``  (explicit years; a range without years that
  runs past 31 December ends in the next year)

Remarks in brackets are ignored; a numbering such as ``一、`` or ``1.`` is skipped. Dates in a
clause that says 放假 are days off (a range gives every day of it); dates in a clause that says
上班 are make-up working days; dates before either word wait for the next clause that says one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")
NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）])\s*"
)
CLAUSES = re.compile(r"[，。；;,]")
DAY = r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日"
RANGE = re.compile(DAY + r"\s*(?:至|到|—|-|－|~|～)\s*" + DAY)
SINGLE = re.compile(DAY)
OFF, WORK = "放假", "上班"
LONGEST_RANGE = 15  # no statutory holiday with its bridge days runs longer


@dataclass(frozen=True)
class NoticeDay:
    """One dated line of the arrangement: a day off or a make-up working day."""

    day: date
    is_working_day: bool
    note: str
    line: int


class NoticeError(ValueError):
    """A line that cannot be read; ``errors`` lists (line number, message) pairs."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__("；".join(f"第{n}行：{m}" for n, m in errors))
        self.errors = errors


def _date(year: str, month: str, day: str, *, default_year: int, default_month: int | None):
    y = int(year) if year else default_year
    m = int(month) if month else default_month
    if m is None:
        raise ValueError("日期缺少月份")
    try:
        return date(y, m, int(day))
    except ValueError:
        raise ValueError(f"{y}年{m}月{day}日不是有效日期") from None


def _clause_days(clause: str, year: int) -> list[date]:
    """Return every date a clause names: each day of a range, then single dates."""
    days: list[date] = []
    rest = clause
    for match in RANGE.finditer(clause):
        y1, m1, d1, y2, m2, d2 = match.groups()
        start = _date(y1, m1, d1, default_year=year, default_month=None)
        end_year = int(y2) if y2 else start.year
        end = _date(str(end_year), m2, d2, default_year=end_year, default_month=start.month)
        if end < start and not y2:  # 12月31日至1月2日: the range runs into the next year
            end = _date(str(end.year + 1), str(end.month), str(end.day),
                        default_year=end.year + 1, default_month=end.month)  # fmt: skip
        if not 0 <= (end - start).days < LONGEST_RANGE:
            raise ValueError(f"{start:%Y年%m月%d日}至{end:%Y年%m月%d日}不是一段放假日期")
        days += [start + timedelta(days=i) for i in range((end - start).days + 1)]
        rest = rest.replace(match.group(0), " ")
    for match in SINGLE.finditer(rest):
        days.append(_date(*match.groups(), default_year=year, default_month=None))
    return days


def _line_days(text: str, number: int, year: int) -> list[NoticeDay]:
    text = NUMBERING.sub("", text.strip())
    name, sep, body = re.split(r"([:：])", text, maxsplit=1) if re.search("[:：]", text) else (
        "", "", text)  # fmt: skip
    note = name.strip()[:100]
    body = BRACKETS.sub("", body)
    found: list[NoticeDay] = []
    waiting: list[date] = []
    for clause in CLAUSES.split(body):
        waiting += _clause_days(clause, year)
        if WORK in clause or OFF in clause:
            working = WORK in clause and OFF not in clause
            found += [NoticeDay(d, working, note, number) for d in waiting]
            waiting = []
    if waiting:
        raise ValueError("读到了日期，但没有写明是“放假”还是“上班”")
    if not found:
        raise ValueError("没有读到日期（应写成“1月1日放假”或“1月26日上班”这样的形式）")
    return found


def parse_notice(text: str, *, year: int) -> list[NoticeDay]:
    """Return the days the pasted notice lines name, in date order.

    ``year`` is the year of dates written without one. Raises ``NoticeError`` naming every
    line that cannot be read, and any date the lines give twice with different meanings.
    """
    days: dict[date, NoticeDay] = {}
    errors: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            parsed = _line_days(line, number, year)
        except ValueError as exc:
            errors.append((number, str(exc)))
            continue
        for item in parsed:
            seen = days.get(item.day)
            if seen is not None and seen.is_working_day != item.is_working_day:
                errors.append((number, f"{item.day:%m月%d日}与第{seen.line}行的安排相反"))
            days[item.day] = item
    if errors:
        raise NoticeError(errors)
    if not days:
        raise NoticeError([(1, "请粘贴国务院放假通知中各节日的安排，每个节日一行")])
    return sorted(days.values(), key=lambda d: d.day)
