"""A workbook that renames persons: the duty overviews show and sort by the new names."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from taizhang.figures.models import DeputyYearDuty
from tests.exchange.helpers import run

YEAR = 2025
PERSON_HEAD = ["姓名", "性别", "所在单位", "手机号", "身份证号"]
NAME_LINK = re.compile(r'/duty/\d+/\?year=\d+">([^<]+)</a>')


def _names(client, **params) -> list[str]:
    html = client.get(reverse("duty:index"), {"year": YEAR, **params}).content.decode()
    return NAME_LINK.findall(html.split('id="duty-table"', 1)[1])


def _rename(tmp_path, person, name: str, unit_text: str) -> None:
    row = [name, person.gender, unit_text, person.phone, person.id_number]
    result = run(tmp_path, {"人员": [PERSON_HEAD, row]})
    assert result.ok, result.errors
    person.refresh_from_db()
    assert person.name == name


@pytest.mark.parametrize("user", ["erin", "alice"])  # county (stored rows), township
def test_a_renaming_import_moves_the_deputy_in_the_overview(login, world, tmp_path, user):
    client = login(user)
    before = _names(client, sort="name")
    assert before == sorted(before) and "赵一" in before
    # 赵 sorts between 周 and 钱 by code point; 龙 after both, 丁 before both.
    _rename(tmp_path, world.people["p1"], "龙一", "甲乡一村")
    _rename(tmp_path, world.people["p2"], "丁二", "甲乡二村")
    after = _names(client, sort="name")
    assert after == sorted(after) and len(after) == len(before)
    assert after[0] == "丁二" and after[-1] == "龙一" and "赵一" not in after
    assert _names(client, sort="name", order="desc") == after[::-1]
    # the stored rows hold the new names (what the county's page sorts on)
    stored = set(DeputyYearDuty.objects.values_list("name", flat=True))
    assert not stored & {"赵一", "钱二"}


def test_an_import_that_keeps_the_names_leaves_the_stored_rows(login, world, tmp_path):
    client = login("erin")
    before = _names(client, sort="name")
    stored = list(DeputyYearDuty.objects.order_by("pk").values_list("pk", "name"))
    person = world.people["p1"]
    row = [person.name, person.gender, "甲乡一村", "13900000000", person.id_number]
    assert run(tmp_path, {"人员": [PERSON_HEAD, row]}).ok
    assert list(DeputyYearDuty.objects.order_by("pk").values_list("pk", "name")) == stored
    assert _names(client, sort="name") == before
