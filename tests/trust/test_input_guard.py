"""NUL and over-long input are refused with a Chinese message, never a server error.

Runs on both databases; on PostgreSQL the old code gave 500 for a NUL in a search box and
for a 300-character user name on the login form.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.test import Client

import taizhang
from taizhang.core.inputs import NUL_MESSAGE, InputGuardMixin
from tests.foundation.test_url_walk import ALL

# Every name a page reads from its query string (search words, filters, sorting, paging).
QUERY_KEYS = [
    "q",
    "year",
    "township",
    "kind",
    "unit",
    "status",
    "colour",
    "show",
    "sort",
    "order",
    "page",
    "title",
    "petitioner_name",
    "current",
    "info_officer",
    "format",
    "sheet",
    "category",
    "state",
    "handling_unit",
    "since",
    "until",
    "user",
    "action",
]
LIST_PAGES = sorted(
    {path for name, path in ALL if "/1/" not in path and "x" not in path.split("/")}
)


def _project_forms():
    for info in pkgutil.walk_packages(taizhang.__path__, "taizhang."):
        if ".migrations" in info.name or info.name.endswith(("settings", "wsgi")):
            continue
        if ".writer" in info.name or ".checker" in info.name or ".management" in info.name:
            continue
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, forms.BaseForm) and obj.__module__ == info.name:
                yield obj


def test_every_form_of_the_project_uses_the_input_guard():
    found = list(_project_forms())
    assert len(found) > 30
    unguarded = [
        f"{f.__module__}.{f.__name__}" for f in found if not issubclass(f, InputGuardMixin)
    ]
    assert unguarded == []


@pytest.mark.django_db
def test_a_300_character_user_name_gets_a_field_message(client, world):
    response = client.post("/accounts/login/", {"username": "a" * 300, "password": "x"})
    assert response.status_code == 200
    assert "内容过长" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_in_the_user_name_gets_a_field_message(client, world):
    response = client.post("/accounts/login/", {"username": "frank\x00", "password": "x"})
    assert response.status_code == 200
    assert NUL_MESSAGE in response.content.decode()


@pytest.mark.django_db
def test_a_nul_in_a_form_field_names_the_field(login, world):
    client = login("alice")
    p1 = world.people["p1"]
    response = client.post(
        f"/people/{p1.pk}/edit/",
        {"name": "赵\x00一", "unit": world.village1.pk, "version": p1.version},
    )
    assert response.status_code == 200
    assert NUL_MESSAGE in response.content.decode()
    p1.refresh_from_db()
    assert p1.name == "赵一"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["alice", "erin"])
def test_a_nul_in_every_search_box_is_ignored_with_a_message(world, persona):
    client = Client(raise_request_exception=False)
    client.force_login(world.users[persona])
    query = {key: "赵\x00" for key in QUERY_KEYS}
    failures = []
    for path in LIST_PAGES:
        if path.startswith(("/api/", "/accounts/logout")):
            continue
        response = client.get(path, query)
        if response.status_code >= 500:
            failures.append((path, response.status_code))
    assert failures == []
    response = client.get("/people/", {"q": "赵\x00"}, follow=True)
    assert response.status_code == 200
    assert "查询条件「q」已忽略" in response.content.decode()


@pytest.mark.django_db
def test_an_over_long_search_is_ignored(login, world):
    response = login("alice").get("/people/", {"q": "赵" * 5000})
    assert response.status_code == 200
    assert "查询条件「q」已忽略" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_in_the_path_is_not_found(login, world):
    client = login("alice")
    assert client.get("/meetings/1/checkin/ab%00cd/").status_code == 404
