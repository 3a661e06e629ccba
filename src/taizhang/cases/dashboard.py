"""Dashboard panels: the user's cases by state and kind; holiday warning for administrators."""

from __future__ import annotations

import json

from django.db.models import Count
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
    cases = Case.objects.for_user(user)
    by_kind = list(cases.values_list("kind").annotate(n=Count("id")).order_by("kind"))
    open_count = cases.exclude(state__in=CLOSED_STATES).count()
    overdue = cases.filter(colour_q("red")).count()
    year = timezone.localdate().year
    closed_year = cases.filter(state__in=CLOSED_STATES, closed__year=year).count()
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
