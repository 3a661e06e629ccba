"""Dashboard panels: the user's cases by state and kind; holiday warning for administrators."""

from __future__ import annotations

import json

from django.urls import reverse
from django.utils import timezone

from taizhang.cases import calendar
from taizhang.cases.models import CLOSED_STATES, Case


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
    cases_url = reverse("cases:index")
    today = timezone.localdate()
    year = today.year
    by_state, overdue, closed_year = _counts(user, today)
    kinds: dict[str, int] = {}
    open_by_kind: dict[str, int] = {}
    for key, n in by_state.items():
        kind, state = key.split("|", 1)
        kinds[kind] = kinds.get(kind, 0) + n
        if state not in CLOSED_STATES:
            open_by_kind[kind] = open_by_kind.get(kind, 0) + n
    by_kind = sorted((k, n) for k, n in kinds.items() if n)
    open_count = sum(open_by_kind.values())
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
                ("超期事项", sum(overdue.values())),
                (f"{year}年办结", sum(closed_year.values())),
            ],
            # Each tile opens the case list whose count is the tile.
            "links": {
                "在办事项": f"{cases_url}?open=1",
                "超期事项": f"{cases_url}?colour=red",
                f"{year}年办结": f"{cases_url}?closed_year={year}",
            },
            "chart": chart,
            "link": cases_url,
        }
    )
    return result


def _counts(user, today):
    """Cases by kind|state, overdue and closed this year by kind, in the user's scope: a
    county user's from the townships' NOW summary rows (figures/now.py), anyone else's
    counted from the cases."""
    from taizhang.core.models import OrgUnit
    from taizhang.figures.now import county_now, now_counts

    if user.role == "county":
        return county_now(OrgUnit.objects.for_user(user).filter(kind="township").order_by("pk"))
    return now_counts(Case.objects.for_user(user), today)
