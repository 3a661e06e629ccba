"""Roster name search through the name index: one and two characters, renames, imports."""

from __future__ import annotations

import re

from taizhang.people import services
from taizhang.people.models import Person, PersonNameGram
from tests.exchange.helpers import messages, run


def _found(client, q: str) -> set[str]:
    page = client.get("/people/", {"q": q})
    assert page.status_code == 200
    text = page.content.decode()
    return {p.name for p in Person.objects.all() if re.search(rf">{p.name}<", text)}


def _person(world, name: str) -> Person:
    return services.person_create(name=name, gender="女", unit=world.village1)


def test_one_and_two_character_names_are_found(login, world):
    _person(world, "王芳")
    _person(world, "李王娟")
    client = login("alice")
    assert {"王芳", "李王娟"} <= _found(client, "王")
    assert _found(client, "王芳") == {"王芳"}
    assert _found(client, "王娟") == {"李王娟"}
    assert "王芳" not in _found(client, "娟")
    # one character through its own index: the same persons as a plain scan of the names
    scanned = set(Person.objects.filter(name__icontains="芳").values_list("name", flat=True))
    assert _found(client, "芳") == scanned


def test_a_county_one_character_search_pages_from_the_index(login, world):
    for name in ("王芳", "李王娟", "张伟"):
        _person(world, name)
    client = login("erin")  # county: one character is read from the county's index rows
    for term in ("王", "芳", "伟", "赵"):
        scanned = set(Person.objects.filter(name__icontains=term).values_list("name", flat=True))
        assert _found(client, term) == scanned, term
        page = client.get("/people/", {"q": term}).content.decode()
        assert f"共 {len(scanned)} 人" in page, term


def test_a_renamed_person_is_found_by_the_new_name_only(login, world):
    person = _person(world, "王芳")
    services.person_update(person=person, expected_version=person.version, name="陈芳")
    client = login("alice")
    assert "陈芳" in _found(client, "陈")
    assert _found(client, "王芳") == set()
    grams = set(PersonNameGram.objects.filter(person=person).values_list("gram", flat=True))
    assert grams == {"陈芳", "陈", "芳"}
    names = set(PersonNameGram.objects.filter(person=person).values_list("name", flat=True))
    assert names == {"陈芳"}
    assert "陈芳" in _found(login("erin"), "陈") and "陈芳" not in _found(login("erin"), "王")


def test_an_imported_person_is_found_at_once(login, world, tmp_path):
    head = ["姓名", "性别", "所在单位", "手机号", "身份证号"]
    result = run(tmp_path, {"人员": [head, ["欧阳明", "男", "甲乡一村", "", ""]]})
    assert result.ok, messages(result)
    client = login("alice")
    assert "欧阳明" in _found(client, "阳明")
    assert "欧阳明" in _found(client, "欧")
