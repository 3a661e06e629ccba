"""Figure sources read as record titles, dates and links; a rate over nothing says 暂无."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from taizhang.cases.services import case_register


def test_sources_are_titles_dates_and_links_grouped_by_figure(login, world):
    case = case_register(kind="建议", township=world.jia, title="关于修缮二村水渠的建议",
                         registered=date(2025, 3, 3), sponsors=[world.people["dave"]])  # fmt: skip
    page = (
        login("alice")
        .get(reverse("figures:index"), {"township": world.jia.pk, "year": 2025})
        .content.decode()
    )
    assert "cases.Case:" not in page and "<code>" not in page
    row = page[page.index('id="cases.suggestions"') :].split("</tr>")[0]
    assert "关于修缮二村水渠的建议" in row and "2025-03-03" in row
    assert reverse("cases:detail", args=[case.pk]) in row
    rate = page[page.index('id="cases.on_time_rate"') :].split("</tr>")[0]
    assert "暂无" in rate and "0%" not in rate


def test_county_lists_name_units_with_their_township(login, world):
    from taizhang.core.services import org_unit_create

    org_unit_create(name="卫生院", kind="station", parent=world.yi)
    page = login("erin").get(reverse("cases:index")).content.decode()
    assert "甲乡卫生院" in page and "乙镇卫生院" in page
