"""Masking of personal data in HTML, and the logged 显示 action for roles allowed to use it."""

from __future__ import annotations

import pytest

from taizhang.core.models import AuditEvent, AuditKind
from taizhang.people.validators import mask_address, mask_id, mask_phone


def test_masks_follow_the_house_format():
    assert mask_id("110105199001011234") == "110105********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_address("桐溪县烽火乡石桥村二组12号") == "桐溪县烽火乡石桥村***"
    assert mask_address("桐溪县长集镇长集社区5号") == "桐溪县长集镇长集社区***"
    assert mask_id("") == mask_phone("") == mask_address("") == ""


@pytest.fixture
def p1(world):
    return world.people["p1"]


@pytest.mark.parametrize("persona", ["alice", "bob", "carol", "erin"])
def test_detail_and_list_show_only_masked_data(login, p1, persona):
    client = login(persona)
    for url in (f"/people/{p1.pk}/", "/people/", "/people/deputies/"):
        body = client.get(url).content.decode()
        assert p1.phone not in body, url
        assert p1.id_number not in body, url
        assert p1.address not in body, url
    detail = client.get(f"/people/{p1.pk}/").content.decode()
    assert mask_phone(p1.phone) in detail  # 138****0001
    assert p1.id_number[:6] + "********" + p1.id_number[-4:] in detail
    assert "测试县甲乡一村***" in detail
    assert not AuditEvent.objects.filter(kind=AuditKind.REVEAL).exists()


@pytest.mark.parametrize("persona", ["alice", "carol"])
def test_reveal_shows_full_data_and_is_logged(login, world, p1, persona):
    client = login(persona)
    detail = client.get(f"/people/{p1.pk}/").content.decode()
    assert "显示完整信息" in detail
    response = client.post(f"/people/{p1.pk}/reveal/", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert p1.phone in body and p1.id_number in body and p1.address in body
    event = AuditEvent.objects.get(kind=AuditKind.REVEAL)
    assert event.username == persona
    assert event.object_type == "people.Person" and event.object_id == str(p1.pk)
    assert p1.phone not in event.summary and p1.id_number not in event.summary


@pytest.mark.parametrize("persona", ["bob", "erin"])
def test_roles_without_reveal_get_no_button_and_a_403(login, p1, persona):
    client = login(persona)
    assert "显示完整信息" not in client.get(f"/people/{p1.pk}/").content.decode()
    response = client.post(f"/people/{p1.pk}/reveal/")
    assert response.status_code == 403
    assert p1.phone not in response.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditKind.REVEAL).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.DENIED, username=persona).count() == 1


def test_opening_the_edit_form_is_a_logged_reveal(login, p1):
    body = login("alice").get(f"/people/{p1.pk}/edit/").content.decode()
    assert p1.phone in body  # the form must carry the value to edit it
    event = AuditEvent.objects.get(kind=AuditKind.REVEAL)
    assert event.username == "alice" and event.object_id == str(p1.pk)
