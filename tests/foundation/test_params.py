"""The one reading of ?year= and ?township= that every page uses."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.utils import timezone

from taizhang.core.params import township_param, year_param


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025", 2025), (" 2024 ", 2024), ("1990", 1990), ("1989", None), ("abc", None),
     ("-1", None), ("99999", None), ("２０２５", None), ("20\x0025", None), ("", None)],
)  # fmt: skip
def test_year_param_accepts_years_and_reads_nonsense_as_not_asked(text, expected):
    query = QueryDict(mutable=True)
    query["year"] = text
    assert year_param(query) == expected


def test_year_param_takes_next_year_but_not_the_one_after_and_keeps_the_default():
    this_year = timezone.localdate().year
    assert year_param({"year": str(this_year + 1)}) == this_year + 1
    assert year_param({"year": str(this_year + 2)}, 7) == 7
    assert year_param({}, this_year - 1) == this_year - 1


def test_township_param_never_leaves_the_scoped_townships(world):
    from taizhang.core.models import OrgUnit

    mine = OrgUnit.objects.filter(pk=world.jia.pk)
    assert township_param({"township": str(world.jia.pk)}, mine) == world.jia
    assert township_param({"township": str(world.yi.pk)}, mine) == world.jia
    assert township_param({"township": "x"}, mine) == world.jia
    assert township_param({}, OrgUnit.objects.none()) is None


def test_a_page_given_a_bad_year_shows_the_default_year(login, world):
    response = login("alice").get("/figures/", {"year": "abc"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year - 1
    response = login("alice").get("/figures/", {"year": "2023"})
    assert response.context["year"] == 2023
