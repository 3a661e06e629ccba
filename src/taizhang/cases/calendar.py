"""Working-day calendar for statutory time limits (法定节假日与调休).

Contract (used by every app that counts working days):

- ``is_working_day(d)``: an administrator's ``HolidayOverride`` for ``d`` wins; otherwise
  the ``chinese_calendar`` package decides (holidays and make-up workdays of the years the
  State Council has announced); for a year the package does not know it falls back to
  Monday–Friday (see ``unknown_years`` for the warning shown to administrators: it stays
  until the year has both days off and make-up working days entered).
- ``add_working_days(start, n)``: the n-th working day after ``start`` (``start`` itself
  is not counted; n = 0 returns ``start``).
- ``working_days_between(a, b)``: working days in the half-open span (a, b]; negative
  when b < a.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar


def package_knows(year: int) -> bool:
    """Return whether the holiday package has the State Council arrangement for ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _package_working_day(d: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return d.weekday() < 5


def _overrides(lo: date, hi: date) -> dict[date, bool]:
    from taizhang.cases.models import HolidayOverride

    return dict(
        HolidayOverride.objects.filter(date__gte=lo, date__lte=hi).values_list(
            "date", "is_working_day"
        )
    )


def is_working_day(d: date, *, overrides: dict[date, bool] | None = None) -> bool:
    """Return whether ``d`` is a working day (overrides, then package, then weekends)."""
    if overrides is None:
        overrides = _overrides(d, d)
    if d in overrides:
        return overrides[d]
    return _package_working_day(d)


def add_working_days(start: date, n: int) -> date:
    """Return the n-th working day after ``start`` (n ≥ 0)."""
    if n < 0:
        raise ValueError("n must not be negative")
    overrides = _overrides(start, start + timedelta(days=n * 2 + 60))
    day, left = start, n
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, overrides=overrides):
            left -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Count working days in (a, b]; negative when ``b`` is before ``a``."""
    if b < a:
        return -working_days_between(b, a)
    overrides = _overrides(a, b)
    count, day = 0, a
    while day < b:
        day += timedelta(days=1)
        if is_working_day(day, overrides=overrides):
            count += 1
    return count


def add_months(start: date, months: int) -> date:
    """Return the same day ``months`` later (clamped to the month's last day)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError("invalid date")  # pragma: no cover


def year_gaps(years) -> dict[int, list[str]]:
    """Return, for each year among ``years`` the package does not know, what the entered
    overrides still lack: its days off (放假日), its make-up working days (调休上班日), or both.

    A year is complete only with both: one holiday entered is not the year's arrangement.
    """
    from taizhang.cases.models import HolidayOverride

    result = {}
    for year in sorted(set(years)):
        if package_knows(year):
            continue
        entered = set(
            HolidayOverride.objects.filter(date__year=year)
            .values_list("is_working_day", flat=True)
            .distinct()
        )
        missing = [
            label
            for flag, label in ((False, "放假日"), (True, "调休上班日"))
            if flag not in entered
        ]
        if missing:
            result[year] = missing
    return result


def unknown_years(years) -> list[int]:
    """Return the years among ``years`` whose arrangement is missing or incomplete."""
    return list(year_gaps(years))
