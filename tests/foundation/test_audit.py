"""One audit event per audited action; the trail is append-only and only the 审计员 reads it."""

from __future__ import annotations

import pytest

from taizhang.core.models import AuditEvent, AuditKind
from taizhang.people import services as people
from tests.conftest import PASSWORD


def events(kind: str):
    return AuditEvent.objects.filter(kind=kind)


def test_creating_a_person_through_the_page_writes_one_create_event(login, world):
    AuditEvent.objects.all()  # world built through services: start counting from here
    before = events(AuditKind.CREATE).count()
    response = login("alice").post(
        "/people/new/",
        {"name": "新来的", "gender": "女", "unit": world.village1.pk, "phone": "13912345678"},
    )
    assert response.status_code == 302
    assert events(AuditKind.CREATE).count() == before + 1
    event = events(AuditKind.CREATE).first()
    assert event.username == "alice" and event.object_type == "people.Person"
    assert "13912345678" not in event.summary


def test_updating_a_person_writes_one_update_event_naming_the_fields(login, world):
    p1 = world.people["p1"]
    response = login("alice").post(
        f"/people/{p1.pk}/edit/",
        {
            "name": p1.name,
            "gender": "女",
            "unit": p1.unit_id,
            "version": p1.version,
            "phone": "13700000000",
            "id_number": p1.id_number,
            "address": p1.address,
        },
    )
    assert response.status_code == 302
    event = events(AuditKind.UPDATE).get()
    assert event.object_id == str(p1.pk)
    assert "性别" in event.summary and "手机号" in event.summary
    assert "13700000000" not in event.summary


def test_deleting_a_person_writes_one_delete_event(world):
    person = people.person_create(name="临时", unit=world.village1)
    people.person_delete(person=person, actor=world.users["alice"])
    event = events(AuditKind.DELETE).get()
    assert event.object_id == str(person.pk if person.pk else event.object_id)
    assert event.username == "alice"


def test_login_failure_success_and_logout_are_one_event_each(client, world):
    client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    client.post("/accounts/logout/")
    assert events(AuditKind.LOGIN_FAILED).count() == 1
    assert events(AuditKind.LOGIN).count() == 1
    assert events(AuditKind.LOGOUT).count() == 1


def test_lockout_is_one_event(client, world):
    for _ in range(7):
        client.post("/accounts/login/", {"username": "bob", "password": "nope"})
    assert events(AuditKind.LOCKOUT).filter(username="bob").count() == 1


def test_permission_denied_is_one_event(login, world):
    login("grace").get("/people/")
    event = events(AuditKind.DENIED).get()
    assert event.username == "grace" and event.outcome == "拒绝"
    assert "/people/" in event.summary


def test_role_change_is_its_own_event(login, world):
    carol = world.users["carol"]
    response = login("frank").post(
        f"/accounts/users/{carol.pk}/",
        {"role": "presidium", "org_unit": world.jia.pk, "is_active": "on"},
    )
    assert response.status_code == 302
    event = events(AuditKind.ROLE).get()
    assert event.username == "frank" and event.object_id == str(carol.pk)
    assert "村干部" in event.summary and "人大主席团" in event.summary
    carol.refresh_from_db()
    assert carol.role == "presidium"


def test_editing_a_user_without_changing_role_writes_no_role_event(login, world):
    carol = world.users["carol"]
    login("frank").post(
        f"/accounts/users/{carol.pk}/",
        {"role": "village", "org_unit": world.village1.pk, "full_name": "卡萝", "is_active": "on"},
    )
    assert not events(AuditKind.ROLE).exists()


def test_the_trail_cannot_be_edited_or_deleted(world):
    event = AuditEvent.objects.first()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="改")
    with pytest.raises(PermissionError):
        event.delete()
    event.summary = "改"
    with pytest.raises(PermissionError):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).summary != "改"


def test_the_auditor_reads_and_filters_the_trail(login, world, client):
    client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    auditor = login("grace")
    body = auditor.get("/audit/", {"kind": "login_failed"}).content.decode()
    assert "登录失败" in body and "alice" in body
    assert "新增人员" not in auditor.get("/audit/", {"kind": "login_failed"}).content.decode()
    assert auditor.post("/audit/").status_code == 405


def test_there_is_no_admin_site_to_edit_the_trail(login, world):
    assert login("frank").get("/admin/").status_code == 404


def test_person_history_keeps_fields_but_not_personal_data(world):
    p1 = world.people["p1"]
    people.person_update(person=p1, expected_version=p1.version, name="赵一一")
    history = p1.history.all()
    assert history.count() == 2
    assert not hasattr(history.first(), "phone")
