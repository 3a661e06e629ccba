"""Optimistic locking: a stale edit is refused with a message; nothing is silently lost."""

from __future__ import annotations

import pytest

from taizhang.core.versioning import ConflictError
from taizhang.people import services as people


def form_body(person, **changes):
    body = {
        "name": person.name,
        "gender": person.gender,
        "unit": person.unit_id,
        "phone": person.phone,
        "id_number": person.id_number,
        "address": person.address,
        "version": person.version,
    }
    body.update(changes)
    return body


def test_second_editor_gets_the_conflict_message_and_keeps_their_input(client, world):
    from django.test import Client

    p1 = world.people["p1"]
    first, second = client, Client()
    first.force_login(world.users["alice"])
    second.force_login(world.users["carol"])
    stale = form_body(p1)  # both opened the form at version 1
    assert first.post(f"/people/{p1.pk}/edit/", {**stale, "name": "赵甲"}).status_code == 302
    response = second.post(f"/people/{p1.pk}/edit/", {**stale, "address": "测试县甲乡一村9号"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "已被他人修改" in body
    assert "测试县甲乡一村9号" in body  # the second editor's input is shown back, not dropped
    p1.refresh_from_db()
    assert p1.name == "赵甲"  # the first edit survives
    assert p1.address != "测试县甲乡一村9号"
    assert p1.version == 2


def test_service_refuses_a_stale_version(world):
    p1 = world.people["p1"]
    people.person_update(person=p1, expected_version=1, name="新名")
    with pytest.raises(ConflictError):
        people.person_update(person=world.people["p1"], expected_version=1, name="旧名")


def test_a_fresh_version_after_reload_saves(client, world):
    p1 = world.people["p1"]
    client.force_login(world.users["alice"])
    client.post(f"/people/{p1.pk}/edit/", form_body(p1, name="赵甲"))
    p1.refresh_from_db()
    assert client.post(f"/people/{p1.pk}/edit/", form_body(p1, name="赵乙")).status_code == 302
    p1.refresh_from_db()
    assert p1.name == "赵乙" and p1.version == 3


def test_deputy_and_post_edits_are_locked_too(world, roster):
    people.deputy_update(deputy=roster.deputy, expected_version=1, is_info_officer=True)
    with pytest.raises(ConflictError):
        people.deputy_update(deputy=roster.deputy, expected_version=1, is_group_leader=True)
    people.post_update(post=roster.post, expected_version=1, title="村委主任")
    with pytest.raises(ConflictError):
        people.post_update(post=roster.post, expected_version=1, title="村委委员")
