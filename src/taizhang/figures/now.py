"""The NOW summary row of a township: its cases as they stand today, for the dashboard.

Over every year: cases by kind and state, and by kind the overdue ones and those closed
this year (both depend on the day, so the row is recomputed on its first read of a day,
and after every case write of the township, like the year rows).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from taizhang.figures.models import NOW, TownshipYearFigures


def now_counts(cases, today: date) -> tuple[dict, dict, dict]:
    """(kind|state -> n, kind -> overdue, kind -> closed this year) of ``cases``."""
    from taizhang.cases.models import CLOSED_STATES
    from taizhang.cases.selectors import colour_q

    year = today.year
    closed = Q(state__in=CLOSED_STATES)
    rows = (
        cases.order_by()
        .values("kind", "state")
        .annotate(
            n=Count("id"),
            overdue=Count("id", filter=colour_q("red", today)),
            closed_year=Count(
                "id",
                filter=closed & Q(closed__gte=date(year, 1, 1), closed__lte=date(year, 12, 31)),
            ),
        )
    )
    by_state, overdue, closed_year = {}, {}, {}
    for r in rows:
        by_state[f"{r['kind']}|{r['state']}"] = r["n"]
        overdue[r["kind"]] = overdue.get(r["kind"], 0) + r["overdue"]
        closed_year[r["kind"]] = closed_year.get(r["kind"], 0) + r["closed_year"]
    return by_state, overdue, closed_year


def compute_now(township) -> TownshipYearFigures:
    from taizhang.cases.models import Case

    today = timezone.localdate()
    by_state, overdue, closed_year = now_counts(Case.objects.filter(township=township), today)
    row, _ = TownshipYearFigures.objects.update_or_create(
        township=township,
        year=NOW,
        defaults={
            "cases": by_state,
            "cells": {"overdue": overdue, "closed_year": closed_year, "year": today.year},
            "stale": False,
            "computed_on": today,
            "stale_cases": False,
            "stale_meetings": False,
            "stale_duty": False,
        },
    )
    return row


def county_now(townships) -> tuple[dict, dict, dict]:
    """The NOW figures of ``townships`` added up (one query when every row is fresh)."""
    from taizhang.figures.summary import summary_rows

    by_state: dict[str, int] = {}
    overdue: dict[str, int] = {}
    closed_year: dict[str, int] = {}
    for row in summary_rows(list(townships), [NOW]).values():
        for target, source in (
            (by_state, row.cases),
            (overdue, row.cells.get("overdue", {})),
            (closed_year, row.cells.get("closed_year", {})),
        ):
            for key, n in source.items():
                target[key] = target.get(key, 0) + n
    return by_state, overdue, closed_year
