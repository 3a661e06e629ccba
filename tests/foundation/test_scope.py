"""Data scope on every list, detail, search and count: outside scope is 404, never 403."""

from __future__ import annotations

import re

from taizhang.core.models import OrgUnit
from taizhang.people.models import CadrePost, Deputy, Person


def names_in(response) -> set[str]:
    body = response.content.decode()
    return set(re.findall(r'<td><a href="/people/\d+/">([^<]+)</a>', body))


def total_in(response) -> int:
    match = re.search(r"共 (\d+) (?:人|名|条)", response.content.decode())
    assert match, "the page shows no count"
    return int(match.group(1))


def test_village_cadre_lists_only_their_village(login, world):
    response = login("carol").get("/people/")
    assert names_in(response) == {"赵一", "周大"}
    assert total_in(response) == 2


def test_village_cadre_search_does_not_reach_another_village(login, world):
    client = login("carol")
    assert names_in(client.get("/people/", {"q": "钱"})) == set()
    assert names_in(client.get("/people/", {"unit": world.village2.pk})) == set()
    assert names_in(client.get("/people/", {"q": "一村"})) == {"赵一", "周大"}


def test_village_cadre_gets_404_for_a_person_of_another_village(login, world):
    client = login("carol")
    assert client.get(f"/people/{world.people['p2'].pk}/").status_code == 404
    assert client.get(f"/people/{world.people['p2'].pk}/edit/").status_code == 404
    assert client.post(f"/people/{world.people['p2'].pk}/reveal/").status_code == 404


def test_village_cadre_cannot_create_a_person_in_another_village(login, world):
    response = login("carol").post("/people/new/", {"name": "外村人", "unit": world.village2.pk})
    assert response.status_code == 200
    assert not Person.objects.filter(name="外村人").exists()
    assert (
        "选择一个有效的选项" in response.content.decode() or "请选择" in response.content.decode()
    )


def test_other_township_presidium_sees_nothing_of_jia(login, world, roster):
    client = login("heidi")
    assert names_in(client.get("/people/")) == {"孙三"}
    assert names_in(client.get("/people/", {"q": "赵"})) == set()
    assert total_in(client.get("/people/deputies/")) == 0
    assert total_in(client.get("/people/posts/")) == 0
    for url in (
        f"/people/{roster.person.pk}/",
        f"/people/{roster.person.pk}/edit/",
        f"/people/deputies/{roster.deputy.pk}/edit/",
        f"/people/posts/{roster.post.pk}/edit/",
    ):
        assert client.get(url).status_code == 404, url


def test_other_township_edit_outside_scope_is_404_and_changes_nothing(login, world, roster):
    response = login("heidi").post(
        f"/people/{roster.person.pk}/edit/",
        {"name": "篡改", "unit": world.village3.pk, "version": roster.person.version},
    )
    assert response.status_code == 404
    roster.person.refresh_from_db()
    assert roster.person.name == "赵一"


def test_org_tree_and_dashboard_count_only_what_is_in_scope(login, world):
    client = login("heidi")
    tree = client.get("/org/").content.decode()
    assert "乙镇" in tree and "三村" in tree
    assert "甲乡" not in tree and "一村" not in tree
    dashboard = client.get("/").content.decode()
    assert re.search(r"人员\D*?1\D", dashboard)


def test_deputy_sees_only_own_record_in_every_list(login, world):
    client = login("dave")
    assert names_in(client.get("/people/")) == {"周大"}
    assert total_in(client.get("/people/deputies/")) == 1
    assert names_in(client.get("/people/deputies/")) == {"周大"}


def test_presidium_lists_the_whole_township(login, world):
    response = login("alice").get("/people/")
    assert names_in(response) == {"赵一", "钱二", "李四", "周大"}
    assert total_in(login("alice").get("/people/deputies/")) == 3


def test_county_reader_counts_the_whole_county(login, world):
    assert total_in(login("erin").get("/people/")) == 5


def test_for_user_querysets_agree_with_the_pages(world, roster):
    users = world.users
    assert Person.objects.for_user(users["carol"]).count() == 2
    assert Person.objects.for_user(users["heidi"]).count() == 1
    assert Person.objects.for_user(users["grace"]).count() == 0
    assert Deputy.objects.for_user(users["carol"]).count() == 2
    assert Deputy.objects.for_user(users["dave"]).count() == 1
    assert CadrePost.objects.for_user(users["heidi"]).count() == 0
    assert CadrePost.objects.for_user(users["carol"]).count() == 1
    assert set(OrgUnit.objects.for_user(users["carol"]).values_list("name", flat=True)) == {"一村"}


def test_deactivated_user_sees_nothing(world):
    carol = world.users["carol"]
    carol.is_active = False
    assert Person.objects.for_user(carol).count() == 0
