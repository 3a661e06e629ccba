"""Units carry their township wherever several townships show; within one township they don't."""

from __future__ import annotations

import re
from datetime import date

from taizhang.cases.services import case_register, case_transition
from taizhang.core.orgnames import unit_label


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", o).strip() for o in re.findall(r"<option[^>]*>.*?</option>",
                                                                 select, re.S)]  # fmt: skip


def test_the_one_helper_names_units_with_their_township(world):
    assert unit_label(world.village1) == "甲乡一村"
    assert unit_label(world.village1, with_township=False) == "一村"
    assert unit_label(world.jia) == "甲乡" and unit_label(None) == ""


def test_county_reader_sees_townships_in_case_and_roster_pages(login, world):
    case = case_register(kind="建议", township=world.jia, title="关于一村修建晒场的建议",
                         registered=date(2025, 3, 3), sponsors=[world.people["dave"]],
                         actor=world.users["alice"])  # fmt: skip
    case_transition(case=case, action="交办", actor=world.users["alice"], unit=world.village1)
    county = login("erin")
    cases = county.get("/cases/").content.decode()
    assert "甲乡一村" in _options(cases, "unit") and "乙镇三村" in _options(cases, "village")
    assert re.search(r'<td class="tz-hide-sm">甲乡一村</td>', cases)
    people = county.get("/people/").content.decode()
    assert {"甲乡一村", "乙镇三村"} <= set(_options(people, "unit"))
    assert "<td>乙镇三村</td>" in people and "<td>甲乡卫生院</td>" in people


def test_presidium_within_its_township_sees_plain_unit_names(login, world):
    people = login("alice").get("/people/").content.decode()
    assert "一村" in _options(people, "unit") and "甲乡一村" not in people
    assert "<td>卫生院</td>" in people


def test_the_county_person_list_names_units_without_a_query_per_row(
    login, world, django_assert_max_num_queries
):
    from taizhang.people.services import person_create

    for n in range(12):
        person_create(name=f"测试{n}", gender="女", unit=world.village3 if n % 2 else world.station)
    county = login("erin")
    county.get("/people/")  # warm the session
    with django_assert_max_num_queries(20):
        assert "乙镇三村" in county.get("/people/").content.decode()


def test_the_admins_user_list_names_each_account_unit_with_its_township(login, world):
    from taizhang.accounts.services import user_create

    user_create(username="cun3", password="x", role="village", org_unit=world.village3,
                validate=False)  # fmt: skip
    page = login("frank").get("/accounts/users/").content.decode()
    assert "乙镇三村" in page
