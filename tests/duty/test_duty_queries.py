"""The duty overview runs a fixed number of queries whatever the number of deputies."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from taizhang.duty.selectors import duty_overview
from taizhang.people.models import Deputy

from .duty_scale import build

QUERY_LIMIT = 12


@pytest.mark.parametrize("townships,per_township", [(1, 5), (1, 80), (6, 60)])
def test_overview_query_count_is_independent_of_size(
    world, django_assert_max_num_queries, townships, per_township
):
    made = build(county=world.county, townships=townships, per_township=per_township)
    deputies = Deputy.objects.filter(township__in=made)
    with django_assert_max_num_queries(QUERY_LIMIT):
        records = duty_overview(deputies=deputies, year=2025, today=date(2025, 12, 31))
    assert len(records) == townships * per_township
    assert all(len(r.lines) == 5 for r in records)


def test_overview_page_query_count_is_independent_of_size(
    world, login, django_assert_max_num_queries
):
    build(county=world.county, townships=1, per_township=80, tag="P")
    client = login("erin")  # county: sees every township
    url = reverse("duty:index") + "?year=2025"
    # The bulk build sends no signals: the first read fills the county's summary rows
    # (figures/duty_rows.py); the reads after it are measured.
    client.get(url)
    with django_assert_max_num_queries(QUERY_LIMIT + 12):
        small = client.get(url)
    assert small.status_code == 200
    build(county=world.county, townships=3, per_township=80, tag="Q")
    client.get(url)
    with django_assert_max_num_queries(QUERY_LIMIT + 12):
        large = client.get(reverse("duty:index") + "?year=2025")
    assert "323 名代表" in large.content.decode()
