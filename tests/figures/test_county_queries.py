"""The county pages cost the same number of queries at 2 and at 20 townships."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taizhang.cases.services import case_register
from taizhang.core.services import org_unit_create

YEAR = 2025
PAGES = [
    f"/figures/county/?year={YEAR}",
    f"/figures/county/?year={YEAR}&format=xlsx",
    "/",
    f"/duty/?year={YEAR}",
    "/people/?q=赵",
    "/people/?q=赵一",
    f"/cases/?year={YEAR}",
    "/cases/?q=修路",
    "/cases/?q=修",
]


def _records(world, township, n: int):
    for i in range(2):
        case_register(
            kind="建议",
            township=township,
            title=f"修路{n}-{i}",
            registered=date(YEAR, 3, 1 + i),
            sponsors=[world.people["dave"]],
        )


def _counted(sql: str) -> bool:
    # The session's idle-timeout refresh writes now and then, whatever the page.
    return "django_session" not in sql and "SAVEPOINT" not in sql


def _costs(client) -> dict[str, list[str]]:
    costs = {}
    for url in PAGES:
        assert client.get(url).status_code == 200, url  # first read fills the summary rows
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        costs[url] = [q["sql"][:150] for q in queries.captured_queries if _counted(q["sql"])]
    return costs


@pytest.mark.django_db
def test_county_pages_cost_the_same_at_2_and_20_townships(login, world):
    client = login("erin")
    _records(world, world.jia, 0)
    _records(world, world.yi, 1)
    small = _costs(client)
    for n in range(2, 20):
        township = org_unit_create(name=f"第{n}乡", kind="township", parent=world.county)
        _records(world, township, n)
    large = _costs(client)
    for url in PAGES:
        assert len(large[url]) == len(small[url]), (url, small[url], large[url])
