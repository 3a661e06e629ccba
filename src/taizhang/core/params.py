"""One reading of the year and the township a page's query string asks for.

Pages differ in what they show when nothing (or nonsense) is asked, so the default is the
caller's; what counts as a year and as a township the user may pick is decided here once.
"""

from __future__ import annotations

from django.utils import timezone

FIRST_YEAR = 1990  # the oldest ledgers townships carry over


def year_range() -> range:
    """Years a page may be asked for: from FIRST_YEAR to next year (plans are drafted ahead)."""
    return range(FIRST_YEAR, timezone.localdate().year + 2)


def year_param(query, default=None, *, key: str = "year"):
    """The year in ``query`` (a QueryDict or dict) if it is a year of ``year_range``, else
    ``default``; nonsense ("abc", "-1", "99999", a NUL byte) reads as not asked."""
    text = str(query.get(key) or "").strip()
    if text.isascii() and text.isdigit() and int(text) in year_range():
        return int(text)
    return default


def township_param(query, townships, *, key: str = "township"):
    """The township in ``query`` among ``townships`` (already scoped to the user), else the
    first of them; an id outside them reads as not asked, never as a way in."""
    text = str(query.get(key) or "").strip()
    chosen = townships.filter(pk=int(text)).first() if text.isascii() and text.isdigit() else None
    return chosen or townships.first()
