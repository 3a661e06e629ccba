"""County roll-up: a row per township equal to its figures, totals, links down, Excel."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from taizhang.core.models import OrgUnit
from taizhang.figures.registry import figures_for
from taizhang.figures.rollup import COLUMNS, county_rollup, format_value

YEAR = 2025


@pytest.fixture
def county_user(demo, django_user_model):
    return django_user_model.objects.get(username="demo-xian")


def _townships():
    return list(OrgUnit.objects.filter(kind="township").order_by("name"))


def test_each_cell_equals_its_townships_registered_figure(demo):
    rows, _ = county_rollup(_townships(), YEAR)
    assert len(rows) == 2
    assert any(cell.value for row in rows for cell in row.cells), "the demo county has figures"
    for row in rows:
        facts = {f.key: f for f in figures_for(row.township, YEAR)}
        for cell in row.cells:
            key = cell.column.key
            if key not in facts or (cell.column.is_rate and not cell.base):
                continue  # a rate over nothing is 暂无 here (the registry's rule is its own)
            assert cell.value == facts[key].value, (row.name, key)


def test_the_total_adds_parts_and_recomputes_rates(demo):
    rows, total = county_rollup(_townships(), YEAR)
    for i, col in enumerate(COLUMNS):
        if col.is_rate:
            part = sum(r.cells[i].part for r in rows)
            base = sum(r.cells[i].base for r in rows)
            expected = round(part * 100 / base, 1) if base else None
            assert total.cells[i].value == expected, col.key
        else:
            assert total.cells[i].value == sum(r.cells[i].value or 0 for r in rows), col.key


def test_rates_are_written_as_a_reader_expects():
    assert format_value(100.0, "%") == "100%"
    assert format_value(None, "%") == "暂无"
    assert format_value(66.7, "%") == "66.7%"


def _listed(client, href: str) -> int:
    """The number of records a list page says it holds."""
    page = client.get(href.replace("&amp;", "&"))
    assert page.status_code == 200, href
    text = page.content.decode()
    found = re.search(r"共 (\d+) [件次]", text)
    assert found, href
    return int(found.group(1))


def _cells(page: str):
    """(href, key, text) of every linked cell of the roll-up table, total row included."""
    return re.findall(r'<a href="([^"]+)" data-key="([\w.]+)">([^<]+)</a>', page)


def test_every_cell_links_to_records_whose_count_is_the_cell(demo, client, county_user):
    client.force_login(county_user)
    page = client.get(f"/figures/county/?year={YEAR}").content.decode()
    rows, total = county_rollup(_townships(), YEAR)
    by_key = {c.key: c for c in COLUMNS}
    by_cell = {
        (r.township.pk if r.township else None, c.column.key): c
        for r in [*rows, total]
        for c in r.cells
    }
    checked = 0
    for href, key, text in _cells(page):
        column = by_key[key]
        if not column.link:
            assert href.startswith("/figures/?township="), key  # the township's figures
            continue
        if key == "duty.completion_rate":
            body = client.get(href.replace("&amp;", "&")).content.decode()
            done = int(re.search(r"(\d+) 名全部完成", body).group(1))
            shown = [c for r in [*rows, total] for c in r.cells if c.column.key == key]
            assert any(c.part == done for c in shown), (href, done)
            continue
        if column.is_rate and column.link[0] != "cases:index":
            continue  # attendance: its base is the roll, not a list of sessions
        found = re.search(r"township=(\d+)", href)
        cell = by_cell[(int(found.group(1)) if found else None, key)]
        expected = int(cell.base if column.is_rate else cell.value)
        assert _listed(client, href) == expected, (key, href, text)
        checked += 1
    assert checked >= 20  # every count column of both townships and of the total row


def test_case_cells_link_to_cases_that_are_the_cell(demo, client, county_user):
    """The cases a cell's link lists are the very cases its figure counts."""
    from taizhang.cases.selectors import case_list
    from taizhang.figures.registry import figures_for

    client.force_login(county_user)
    township = _townships()[0]
    facts = {f.key: f for f in figures_for(township, YEAR)}
    for key, figure in (("cases.suggestions", "suggestions"), ("cases.petitions", "petitions")):
        listed = case_list(
            user=county_user, filters={"township": township.pk, "year": YEAR, "figure": figure}
        )
        ids = {f"cases.Case:{pk}" for pk in listed.values_list("pk", flat=True)}
        assert ids == set(facts[key].sources), key


def test_the_rollup_exports_to_excel(demo, client, county_user):
    client.force_login(county_user)
    response = client.get(f"/figures/county/?year={YEAR}&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows, total = county_rollup(_townships(), YEAR)
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "乡镇"
    assert [v[0] for v in values[1:]] == [r.name for r in rows] + ["全县合计"]
    for got, row in zip(values[1:], [*rows, total], strict=True):
        assert list(got[1:]) == [c.value if c.value is not None else "暂无" for c in row.cells]


def test_only_county_roles_see_the_rollup(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="demo-renda"))
    assert client.get("/figures/county/").status_code == 403
