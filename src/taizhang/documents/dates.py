"""The date under a document's signature: chosen by the user, else a sensible default."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from taizhang.cases.calendar import is_working_day


def last_working_day(year: int) -> date:
    """Return the last working day of ``year`` (holidays and make-up days counted)."""
    day = date(year, 12, 31)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def default_document_date(year: int) -> date:
    """The year's last working day once it has come (Asia/Shanghai), otherwise today."""
    today = timezone.localdate()
    last = last_working_day(year)
    return last if today >= last else today
