"""Roster figures: deputies by level, information officers, groups, districts, units."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from taizhang.core.models import DeputyGroup, District, OrgUnit
from taizhang.figures.registry import fact, register
from taizhang.people.models import Deputy, DeputyLevel


@register("roster")
def roster_figures(township, year: int) -> list:
    """Deputies in office at year end (or today, for the current year)."""
    day = min(date(year, 12, 31), timezone.localdate())
    deputies = Deputy.objects.filter(township=township).in_office_on(day)
    rows = list(deputies.values_list("id", "level", "is_info_officer", "is_group_leader"))
    out = [
        fact(
            "roster.deputies",
            "在任代表",
            [r[0] for r in rows],
            "名",
            model="people.Deputy",
            keywords=("代表",),
        ),
    ]
    for level in DeputyLevel.values:
        ids = [r[0] for r in rows if r[1] == level]
        if ids:
            out.append(
                fact(
                    f"roster.deputies.{level}",
                    f"{level}级代表",
                    ids,
                    "名",
                    model="people.Deputy",
                    keywords=(f"{level}人大代表", f"{level}代表"),
                )
            )
    out.append(
        fact(
            "roster.info_officers",
            "信访信息员",
            [r[0] for r in rows if r[2]],
            "名",
            model="people.Deputy",
            keywords=("信访信息员", "信息员"),
        )
    )
    out.append(
        fact(
            "roster.group_leaders",
            "代表小组长",
            [r[0] for r in rows if r[3]],
            "名",
            model="people.Deputy",
            keywords=("小组长",),
        )
    )
    out.append(
        fact(
            "roster.groups",
            "代表小组",
            DeputyGroup.objects.filter(township=township).values_list("id", flat=True),
            "个",
            model="core.DeputyGroup",
            keywords=("代表小组",),
        )
    )
    out.append(
        fact(
            "roster.districts",
            "选区",
            District.objects.filter(township=township).values_list("id", flat=True),
            "个",
            model="core.District",
            keywords=("选区",),
        )
    )
    units = OrgUnit.objects.filter(parent=township)
    out.append(
        fact(
            "roster.villages",
            "行政村",
            units.filter(kind="village").values_list("id", flat=True),
            "个",
            model="core.OrgUnit",
            keywords=("村",),
        )
    )
    out.append(
        fact(
            "roster.stations",
            "站所",
            units.filter(kind="station").values_list("id", flat=True),
            "个",
            model="core.OrgUnit",
            keywords=("站所",),
        )
    )
    return out
