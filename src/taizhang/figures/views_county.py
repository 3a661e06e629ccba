"""County roll-up page: a row per township with links down to its records, Excel, charts."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from taizhang.core.models import OrgUnit
from taizhang.core.params import year_param
from taizhang.core.permissions import require
from taizhang.figures.rollup import COLUMNS, county_rollups
from taizhang.figures.services import county_rollup_export_record

YEARS_BACK = 5


def _year(request) -> int:
    return year_param(request.GET, timezone.localdate().year - 1)


def _chart(rows, total_by_year: dict[int, object]) -> tuple[str, str]:
    names = [r.name for r in rows]
    picked = [i for i, c in enumerate(COLUMNS) if c.key in ("cases.closed", "cases.suggestions")]
    bars = {
        "title": {"text": "各乡镇议案建议办理", "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {},
        "legend": {"top": 24},
        "grid": {"top": 60},
        "xAxis": {"type": "category", "data": names},
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [
            {"type": "bar", "name": COLUMNS[i].label, "data": [r.cells[i].value for r in rows]}
            for i in picked
        ],
    }
    rates = [
        i
        for i, c in enumerate(COLUMNS)
        if c.key in ("cases.on_time_rate", "cases.satisfaction_rate")
    ]
    years = sorted(total_by_year)
    trend = {
        "title": {"text": "全县历年办理情况", "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 24},
        "grid": {"top": 60},
        "xAxis": {"type": "category", "data": [f"{y}年" for y in years]},
        "yAxis": {"type": "value", "max": 100, "axisLabel": {"formatter": "{value}%"}},
        "series": [
            {
                "type": "line",
                "name": COLUMNS[i].label,
                "data": [total_by_year[y].cells[i].value for y in years],
            }
            for i in rates
        ],
    }
    return json.dumps(bars, ensure_ascii=False), json.dumps(trend, ensure_ascii=False)


@require("county.rollup")
@require_safe
def county(request):
    """The roll-up for the townships in the user's scope, one year at a time."""
    year = _year(request)
    townships = list(
        OrgUnit.objects.for_user(request.user).filter(kind="township").order_by("name")
    )
    if request.GET.get("format") == "xlsx":
        rows, total = county_rollups(townships, [year])[year]
        return _xlsx(request, rows, total, year)
    by_year = county_rollups(townships, range(year - YEARS_BACK + 1, year + 1))
    rows, total = by_year[year]
    by_year = {y: t for y, (_, t) in by_year.items()}
    for row in [*rows, total]:
        _link_cells(row, year)
    bars, trend = _chart(rows, by_year)
    this_year = timezone.localdate().year
    return render(
        request,
        "figures/county.html",
        {
            "year": year,
            "years": range(this_year, this_year - 6, -1),
            "columns": COLUMNS,
            "groups": _groups(),
            "rows": rows,
            "total": total,
            "bars": bars,
            "trend": trend,
        },
    )


def _link_cells(row, year: int) -> None:
    """Point each cell at the list of its records (a township's, or the county's for the
    total), or at the township's figures page where no list filters that figure."""
    township = row.township.pk if row.township is not None else None
    for cell in row.cells:
        name, query = cell.column.link or ("", "")
        params = {"year": year}
        if township is not None:
            params = {"township": township, "year": year}
        if name:
            extra = dict(part.split("=", 1) for part in query.split("&") if part)
            cell.href = f"{reverse(name)}?{urlencode({**params, **extra})}"
        elif township is not None:
            cell.href = f"{reverse('figures:index')}?{urlencode(params)}#{cell.column.key}"


def _groups() -> list[tuple[str, int]]:
    groups: list[tuple[str, int]] = []
    for col in COLUMNS:
        if groups and groups[-1][0] == col.group:
            groups[-1] = (col.group, groups[-1][1] + 1)
        else:
            groups.append((col.group, 1))
    return groups


def _xlsx(request, rows, total, year: int) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = f"{year}年全县汇总"
    sheet.append(["乡镇"] + [f"{c.group}·{c.label}" for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for row in [*rows, total]:
        sheet.append([row.name] + [c.value if c.value is not None else "暂无" for c in row.cells])
    sheet.column_dimensions["A"].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    county_rollup_export_record(year=year, townships=len(rows))
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="county-{year}.xlsx"'
    return response
