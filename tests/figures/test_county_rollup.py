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


def test_every_cell_links_to_records_whose_count_is_the_cell(demo, client, county_user):
    client.force_login(county_user)
    page = client.get(f"/figures/county/?year={YEAR}").content.decode()
    links = re.findall(
        r'href="(/figures/\?township=(\d+)&amp;year=\d+#([\w.]+))"[^>]*>([^<]+)<', page
    )
    counts = [link for link in links if not link[3].endswith("%") and link[3] != "暂无"]
    assert len(counts) >= 10
    checked = 0
    for href, _township, key, text in counts[:12]:
        target = client.get(href.replace("&amp;", "&"))
        assert target.status_code == 200
        row = re.search(rf'<tr id="{re.escape(key)}">(.*?)</tr>', target.content.decode(), re.S)
        if row is None:
            continue
        sources = int(
            re.search(r'tz-fig" popovertarget="[^"]+">(\d+) 条</button>', row.group(1)).group(1)
        )
        if key != "duty.budget.spent":  # an amount, not a count of records
            assert sources == int(re.match(r"\d+", text).group()), key
            checked += 1
    assert checked >= 5


def test_a_new_case_shows_in_the_rollup_at_once(demo, county_user):
    from taizhang.cases.models import Case, CaseKind

    case = Case.objects.filter(kind=CaseKind.PETITION, registered__year=YEAR).first()
    assert case is not None
    township = case.township
    before = county_rollup([township], YEAR)[0][0]
    index = [c.column.key for c in before.cells].index("cases.petitions")
    Case.objects.filter(pk=case.pk).update(registered=f"{YEAR - 1}-06-01")
    # A petition moved out of the year shows at once: the roll-up keeps no stale copy.
    after = county_rollup([township], YEAR)[0][0]
    assert after.cells[index].value == before.cells[index].value - 1


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
