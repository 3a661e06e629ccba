"""Searches and the duty overview run as many queries at 300 rows as at 10.

The other list pages are measured in test_query_count.py and test_list_queries.py; these
three read through their own indexes (case text, name grams, stored duty rows), so each
gets a scope that grows under the search term."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from taizhang.cases.models import Case, CaseKind, CaseSponsor, CaseState
from taizhang.people.models import Deputy, Person
from taizhang.people.names import grams_refresh


def queries_for(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200, url
    return len(ctx.captured_queries)


def grow_cases(world, n: int) -> None:
    """Add ``n`` suggestions of 甲乡 whose titles all hold 水渠, each sponsored by dave."""
    year = timezone.localdate().year
    start = Case.objects.count()
    cases = Case.objects.bulk_create(
        Case(
            county=world.county,
            township=world.jia,
            kind=CaseKind.SUGGESTION,
            code=f"JY-Q{i}",
            title=f"关于修缮第{i}号水渠的建议",
            state=CaseState.REGISTERED,
            registered=date(year, 1 + i % 12, 1),
        )  # fmt: skip
        for i in range(start, start + n)
    )
    CaseSponsor.objects.bulk_create(
        CaseSponsor(case=c, person=world.people["dave"], is_lead=True) for c in cases
    )


@pytest.mark.parametrize("persona", ["alice", "erin"])
@pytest.mark.parametrize("term", ["渠", "水渠", "修缮第"])
def test_case_text_search_costs_the_same_at_10_and_300_cases(login, world, persona, term):
    client = login(persona)
    grow_cases(world, 10)
    queries_for(client, "/cases/", {"q": term})  # the session's first request stores it
    small = queries_for(client, "/cases/", {"q": term})
    grow_cases(world, 290)
    html = client.get("/cases/", {"q": term}).content.decode()
    assert re.search(r"共 (300|约 \d+) 件", html), term  # every new case is found
    assert queries_for(client, "/cases/", {"q": term}) == small


def grow_people(world, n: int) -> None:
    """Add ``n`` deputies of 甲乡 named 赵某N, with their name index rows."""
    start = Person.objects.count()
    persons = Person.objects.bulk_create(
        Person(
            name=f"赵某{i}",
            unit=world.village1,
            county=world.county,
            township=world.jia,
            village=world.village1,
        )
        for i in range(start, start + n)
    )
    Deputy.objects.bulk_create(
        Deputy(person=p, level="乡镇", term="第十五届", township=world.jia, start=date(2022, 1, 1))
        for p in persons
    )
    grams_refresh(p.pk for p in persons)  # bulk inserts send no save signal


@pytest.mark.parametrize("persona", ["alice", "erin"])
@pytest.mark.parametrize("term", ["赵", "赵某", "赵某1"])
@pytest.mark.parametrize("url", ["/people/", "/people/deputies/"])
def test_roster_search_costs_the_same_at_10_and_300_persons(login, world, persona, term, url):
    client = login(persona)
    grow_people(world, 10)
    queries_for(client, url, {"q": term})
    small = queries_for(client, url, {"q": term})
    grow_people(world, 290)
    assert queries_for(client, url, {"q": term}) == small
    assert "赵某" in client.get(url, {"q": term}).content.decode()  # the search finds them


def test_duty_overview_costs_the_same_at_10_and_300_deputies(login, world):
    """The county overview (erin) over stored duty rows; the township's own overview is
    the same selector over one township (tests/duty/test_duty_queries.py)."""
    from tests.duty.duty_scale import build

    client = login("erin")
    year = timezone.localdate().year
    url = f"/duty/?year={year}"
    build(county=world.county, townships=1, per_township=10, year=year, tag="P")
    queries_for(client, url)  # bulk inserts send no signals: the first read fills the rows
    small = queries_for(client, url)
    listed = listed_deputies(client, url)
    build(county=world.county, townships=2, per_township=145, year=year, tag="Q")
    queries_for(client, url)
    assert listed_deputies(client, url) == listed + 290
    assert queries_for(client, url) == small


def listed_deputies(client, url: str) -> int:
    found = re.search(r"(\d+) 名代表", client.get(url).content.decode())
    assert found
    return int(found.group(1))
