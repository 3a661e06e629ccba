"""Role × view matrix: every persona gets exactly the status its role allows.

Columns follow the personas: alice (presidium 甲乡), bob (cadre 甲乡), carol (village 一村),
dave (deputy), erin (county), frank (admin), grace (auditor), heidi (presidium 乙镇).
The target record is 赵一 of 一村 (甲乡): outside heidi's and dave's scope, so 404 for them
wherever their role would otherwise let them in; a missing permission is 403 first.
"""

from __future__ import annotations

import pytest

PERSONAS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]


def row(*codes: int) -> dict[str, int]:
    return dict(zip(PERSONAS, codes, strict=True))


def url_for(name: str, roster, world) -> str:
    from django.urls import reverse

    args = {
        "person": [roster.person.pk],
        "deputy": [roster.deputy.pk],
        "post": [roster.post.pk],
        "user": [world.users["alice"].pk],
    }
    view, _, target = name.partition("@")
    return reverse(view, args=args.get(target, []))


#                                   alice bob carol dave erin frank grace heidi
GET_MATRIX = {
    "web:dashboard": row(200, 200, 200, 200, 200, 200, 200, 200),
    "web:org_tree": row(200, 200, 200, 403, 200, 200, 403, 200),
    "people:person_list": row(200, 200, 200, 200, 200, 403, 403, 200),
    "people:person_detail@person": row(200, 200, 200, 404, 200, 403, 403, 404),
    "people:person_create": row(200, 403, 200, 403, 403, 403, 403, 200),
    "people:person_edit@person": row(200, 403, 200, 403, 403, 403, 403, 404),
    "people:person_reveal@person": row(405, 403, 405, 403, 403, 403, 403, 405),
    "people:deputy_list": row(200, 200, 200, 200, 200, 403, 403, 200),
    "people:deputy_create@person": row(200, 403, 403, 403, 403, 403, 403, 404),
    "people:deputy_edit@deputy": row(200, 403, 403, 403, 403, 403, 403, 404),
    "people:post_list": row(200, 200, 200, 200, 200, 403, 403, 200),
    "people:post_create@person": row(200, 403, 200, 403, 403, 403, 403, 404),
    "people:post_edit@post": row(200, 403, 200, 403, 403, 403, 403, 404),
    "figures:index": row(200, 200, 200, 403, 200, 403, 403, 200),
    "accounts:user_list": row(403, 403, 403, 403, 403, 200, 403, 403),
    "accounts:user_create": row(403, 403, 403, 403, 403, 200, 403, 403),
    "accounts:user_edit@user": row(403, 403, 403, 403, 403, 200, 403, 403),
    "core:audit_list": row(403, 403, 403, 403, 403, 403, 200, 403),
    "core:settings": row(403, 403, 403, 403, 403, 200, 403, 403),
}

# Read-only pages refuse POST (405) for the roles that may read them; writes succeed (302).
POST_MATRIX = {
    "web:dashboard": row(405, 405, 405, 405, 405, 405, 405, 405),
    "web:org_tree": row(405, 405, 405, 403, 405, 405, 403, 405),
    "people:person_list": row(405, 405, 405, 405, 405, 403, 403, 405),
    "people:person_detail@person": row(405, 405, 405, 405, 405, 403, 403, 405),
    "people:person_create": row(302, 403, 302, 403, 403, 403, 403, 302),
    "people:person_edit@person": row(302, 403, 302, 403, 403, 403, 403, 404),
    "people:person_reveal@person": row(200, 403, 200, 403, 403, 403, 403, 404),
    "people:deputy_list": row(405, 405, 405, 405, 405, 403, 403, 405),
    "people:deputy_edit@deputy": row(302, 403, 403, 403, 403, 403, 403, 404),
    "people:post_list": row(405, 405, 405, 405, 405, 403, 403, 405),
    "people:post_edit@post": row(302, 403, 302, 403, 403, 403, 403, 404),
    "figures:index": row(405, 405, 405, 403, 405, 403, 403, 405),
    "accounts:user_list": row(403, 403, 403, 403, 403, 405, 403, 403),
    "accounts:user_create": row(403, 403, 403, 403, 403, 302, 403, 403),
    "accounts:user_edit@user": row(403, 403, 403, 403, 403, 302, 403, 403),
    "core:audit_list": row(403, 403, 403, 403, 403, 403, 405, 403),
    "core:settings": row(403, 403, 403, 403, 403, 405, 403, 403),
}


def valid_post(name: str, persona: str, roster, world) -> dict:
    """A valid form body for the writing views, inside the persona's own scope."""
    unit = world.village3 if persona == "heidi" else world.village1
    p = roster.person
    if name == "people:person_create":
        return {"name": f"新人{persona}", "gender": "女", "unit": unit.pk}
    if name == "people:person_edit@person":
        return {
            "name": p.name,
            "gender": "男",
            "unit": p.unit_id,
            "version": p.version,
            "phone": p.phone,
            "id_number": p.id_number,
            "address": p.address,
        }
    if name == "people:deputy_edit@deputy":
        d = roster.deputy
        return {
            "level": "乡镇",
            "term": "第十四届",
            "township": d.township_id,
            "district": d.district_id or "",
            "start": "2021-10-01",
            "version": d.version,
            "is_info_officer": "on",
        }
    if name == "people:post_edit@post":
        return {
            "unit": world.village1.pk,
            "title": "村委委员",
            "portfolios": "治安、调解",
            "start": "2021-03-01",
            "version": roster.post.version,
        }
    if name == "accounts:user_create":
        return {
            "username": "newuser",
            "role": "village",
            "org_unit": world.village2.pk,
            "password": "Neu@Passwort9",
            "is_active": "on",
        }
    if name == "accounts:user_edit@user":
        return {
            "role": "presidium",
            "org_unit": world.jia.pk,
            "full_name": "爱丽丝",
            "is_active": "on",
        }
    return {}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", list(GET_MATRIX))
def test_get_status_is_what_the_role_allows(client, world, roster, name, persona):
    client.force_login(world.users[persona])
    response = client.get(url_for(name, roster, world))
    assert response.status_code == GET_MATRIX[name][persona], (name, persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", list(POST_MATRIX))
def test_post_status_is_what_the_role_allows(client, world, roster, name, persona):
    client.force_login(world.users[persona])
    body = valid_post(name, persona, roster, world)
    response = client.post(url_for(name, roster, world), body)
    expected = POST_MATRIX[name][persona]
    detail = response.content.decode()[:2000] if response.status_code == 200 else ""
    assert response.status_code == expected, (name, persona, detail)


def test_admin_cannot_create_a_person_and_nothing_is_written(login, world):
    from taizhang.people.models import Person

    before = Person.objects.count()
    response = login("frank").post(
        "/people/new/", {"name": "管理员建的人", "unit": world.village1.pk}
    )
    assert response.status_code == 403
    assert Person.objects.count() == before


def test_county_reader_sees_every_township_but_edits_nothing(login, world, roster):
    client = login("erin")
    body = client.get("/people/").content.decode()
    assert "赵一" in body and "孙三" in body
    response = client.post(f"/people/{roster.person.pk}/edit/", {"name": "改名"})
    assert response.status_code == 403
    roster.person.refresh_from_db()
    assert roster.person.name == "赵一"


def test_deputy_opens_own_record_but_not_a_colleagues(login, world):
    client = login("dave")
    assert client.get(f"/people/{world.people['dave'].pk}/").status_code == 200
    assert client.get(f"/people/{world.people['p2'].pk}/").status_code == 404


def test_denied_request_shows_a_chinese_page(login, world):
    response = login("grace").get("/people/")
    assert response.status_code == 403
    assert "没有权限" in response.content.decode()
