"""Roster pages run a fixed number of queries however many rows the scope holds."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taizhang.people.models import CadrePost, Deputy, Person


def grow(world, n: int) -> None:
    """Add ``n`` persons to 甲乡 (alternating villages), each a deputy with a post."""
    start = Person.objects.count()
    villages = [world.village1, world.village2]
    persons = Person.objects.bulk_create(
        Person(
            name=f"批量{start + i}",
            unit=v,
            county=world.county,
            township=world.jia,
            village=v,
            phone="13800000000",
        )
        for i, v in ((i, villages[i % 2]) for i in range(n))
    )
    Deputy.objects.bulk_create(
        Deputy(person=p, level="乡镇", term="第十五届", township=world.jia, start=date(2022, 1, 1))
        for p in persons
    )
    CadrePost.objects.bulk_create(
        CadrePost(person=p, unit=p.unit, title="组长", start=date(2022, 1, 1)) for p in persons
    )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/people/", "/people/deputies/", "/people/posts/", "/"])
@pytest.mark.parametrize("persona", ["alice", "carol", "erin"])
def test_query_count_does_not_grow_with_rows(
    login, world, url, persona, django_assert_max_num_queries
):
    client = login(persona)
    grow(world, 10)
    queries_for(client, url)  # the county's first read of the day fills its summary rows
    small = queries_for(client, url)
    grow(world, 290)
    large = queries_for(client, url)
    assert large == small, (small, large)
    if url != "/":  # the dashboard also runs every app's panels
        with django_assert_max_num_queries(12):
            client.get(url)
