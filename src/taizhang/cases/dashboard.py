"""Dashboard panels: the user's cases by state and kind; holiday warning for administrators."""

from __future__ import annotations

import json
from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from taizhang.cases import calendar
from taizhang.cases.models import CLOSED_STATES, Case
from taizhang.cases.selectors import colour_q


def panels(user) -> list[dict]:
    result = []
    if user.can("settings.manage"):
        year = timezone.localdate().year
        missing = calendar.unknown_years([year, year + 1])
        if missing:
            result.append(
                {
                    "title": "节假日数据提醒",
                    "stats": [("未收录放假安排的年份", "、".join(str(y) for y in missing))],
                    "chart": None,
                    "link": reverse("cases:holidays"),
                }
            )
    if not user.can("cases.view"):
        return result
    year = timezone.localdate().year
    closed = Q(state__in=CLOSED_STATES)
    # One grouped pass (an index-only scan at county scale) instead of four counts.
    rows = list(
        Case.objects.for_user(user)
        .order_by()
        .values("kind")
        .annotate(
            n=Count("id"),
            n_open=Count("id", filter=~closed),
            n_overdue=Count("id", filter=colour_q("red")),
            n_closed_year=Count(
                "id",
                filter=closed & Q(closed__gte=date(year, 1, 1), closed__lte=date(year, 12, 31)),
            ),
        )
        .order_by("kind")
    )
    by_kind = [(r["kind"], r["n"]) for r in rows]
    open_count = sum(r["n_open"] for r in rows)
    overdue = sum(r["n_overdue"] for r in rows)
    closed_year = sum(r["n_closed_year"] for r in rows)
    chart = None
    if by_kind:
        chart = json.dumps(
            {
                "title": {"text": "事项类别", "left": "center", "textStyle": {"fontSize": 14}},
                "tooltip": {},
                "series": [
                    {
                        "type": "pie",
                        "radius": "60%",
                        "data": [{"name": k, "value": n} for k, n in by_kind],
                    }
                ],
            },
            ensure_ascii=False,
        )
    result.append(
        {
            "title": "事项办理",
            "stats": [
                ("在办事项", open_count),
                ("超期事项", overdue),
                (f"{year}年办结", closed_year),
            ],
            "chart": chart,
            "link": reverse("cases:index"),
        }
    )
    return result
