"""Pages: list, registration, detail, conflict, bad input, files, reminders, scope."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from taizhang.cases.models import Case, CaseReminder
from taizhang.cases.services import case_register, case_transition
from taizhang.core.models import AuditEvent

from .helpers import make


def test_two_clients_acting_at_once_second_gets_conflict(world, suggestion):
    case = case_transition(
        case=suggestion, action="交办", actor=None, unit=world.station, on=date(2025, 4, 25)
    )
    first, second = Client(), Client()
    first.force_login(world.users["bob"])
    second.force_login(world.users["bob"])
    # Both open the case page at the same version.
    assert "确认签收" in first.get(f"/cases/{case.pk}/").content.decode()
    assert "确认退回" in second.get(f"/cases/{case.pk}/").content.decode()
    r1 = first.post(f"/cases/{case.pk}/act/签收/", {"version": case.version})
    r2 = second.post(
        f"/cases/{case.pk}/act/退回/", {"version": case.version, "note": "不属于本单位职责"}
    )
    assert r1.status_code == 302
    assert r2.status_code == 409
    body = r2.content.decode()
    assert "已被他人处理" in body
    assert "不属于本单位职责" in body  # the second user's input is kept in the form
    case.refresh_from_db()
    assert case.state == "办理中"
    assert list(case.events.values_list("action", flat=True)) == ["登记", "交办", "签收"]


def test_stale_version_on_same_action_is_refused_and_nothing_lost(world, suggestion):
    case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    case = case_transition(case=case, action="签收", actor=None)
    one, two = Client(), Client()
    one.force_login(world.users["bob"])
    two.force_login(world.users["bob"])
    data = {"version": case.version, "answer_text": "第一份答复", "answer_signer": "李四"}
    assert one.post(f"/cases/{case.pk}/act/答复/", data).status_code == 302
    second = two.post(f"/cases/{case.pk}/act/答复/", {**data, "answer_text": "第二份答复"})
    # The second user sees the state changed (action no longer offered) or a conflict.
    assert second.status_code in (302, 409)
    case.refresh_from_db()
    assert case.answer_text == "第一份答复" and case.events.count() == 4


def test_conflict_message_when_version_is_stale_but_action_still_possible(world, suggestion):
    case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    case = case_transition(case=case, action="签收", actor=None)
    stale = case.version
    case = case_transition(
        case=case, action="申请延期", actor=None, note="需要调研", requested_due=date(2027, 6, 30)
    )
    client = Client()
    client.force_login(world.users["bob"])
    response = client.post(
        f"/cases/{case.pk}/act/答复/",
        {"version": stale, "answer_text": "答复", "answer_signer": "李四"},
    )
    assert response.status_code == 409
    assert "已被他人处理" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "办理中" and case.extension_due == date(2027, 6, 30)


def test_missing_fields_and_bad_dates_get_chinese_messages(login, world, suggestion):
    client = login("alice")
    response = client.post(
        f"/cases/{suggestion.pk}/act/交办/", {"version": suggestion.version, "on": "2024-01-01"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "这个字段是必填项" in text or "必填" in text
    response = client.post(
        f"/cases/{suggestion.pk}/act/交办/",
        {"version": suggestion.version, "unit": world.station.pk, "on": "2025-01-01"},
    )
    assert response.status_code == 400
    assert "不能早于上一环节的日期" in response.content.decode()
    response = client.post(
        f"/cases/{suggestion.pk}/act/交办/", {"version": "abc", "unit": "x", "on": "not-a-date"}
    )
    assert response.status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.state == "已登记"


@pytest.mark.parametrize(
    "url",
    [
        "/cases/?year=abc&unit=x&colour=zz&page=-1&kind=%00",
        "/cases/99999/",
        "/cases/new/不存在/",
        "/cases/1/act/飞/",
        "/cases/figures/?year=99999&township=abc",
        "/cases/similar/?title=%E5%AE%85%E5%9F%BA%E5%9C%B0",
    ],
)
def test_bad_input_never_500(login, world, suggestion, url):
    response = login("alice").get(url)
    assert response.status_code in (200, 302, 400, 403, 404)


def test_registration_page_refuses_four_sponsor_motion_and_names_count(login, world, sponsors):
    client = login("alice")
    response = client.post(
        "/cases/new/议案/",
        {
            "title": "关于修建桥梁的议案",
            "registered": "2025-04-01",
            "lead": sponsors[0].pk,
            "co_sponsors": [p.pk for p in sponsors[1:4]],
        },
    )
    assert response.status_code == 200
    assert "仅4名" in response.content.decode()
    response = client.post(
        "/cases/new/议案/",
        {
            "title": "关于修建桥梁的议案",
            "registered": "2025-04-01",
            "lead": sponsors[0].pk,
            "co_sponsors": [p.pk for p in sponsors[1:5]],
        },
    )
    assert response.status_code == 302
    assert Case.objects.get(title="关于修建桥梁的议案").sponsors.count() == 5


def test_petition_registration_masks_personal_data_and_shows_similar(login, world):
    client = login("carol")
    response = client.post(
        "/cases/new/信访/",
        {
            "title": "宅基地被占用",
            "registered": "2025-05-02",
            "channel": "来访",
            "petitioner_name": "赵某某",
            "petitioner_phone": "13912345678",
            "village": world.village1.pk,
        },
    )
    assert response.status_code == 302
    case = Case.objects.get(title="宅基地被占用")
    detail = client.get(f"/cases/{case.pk}/").content.decode()
    assert "13912345678" not in detail and "139****5678" in detail
    revealed = client.post(f"/cases/{case.pk}/reveal/").content.decode()
    assert "13912345678" in revealed
    assert AuditEvent.objects.filter(kind="reveal", object_id=str(case.pk)).exists()
    similar = client.get("/cases/similar/", {"title": "宅基地被占用问题"}).content.decode()
    assert case.code in similar
    bad = client.post(
        "/cases/new/信访/",
        {
            "title": "x",
            "registered": "2025-05-02",
            "channel": "飞鸽",
            "petitioner_name": "",
            "village": world.village1.pk,
        },
    )
    assert bad.status_code == 200 and "信访人姓名" in bad.content.decode()


def test_scope_village_sees_own_petitions_only(login, world):
    own = make(world, "信访", [])
    other = case_register(
        kind="信访",
        township=world.jia,
        title="二村来信",
        channel="来信",
        petitioner_name="某乙",
        registered=date(2025, 3, 1),
        village=world.village2,
    )
    client = login("carol")
    listing = client.get("/cases/").content.decode()
    assert own.code in listing and other.code not in listing
    assert client.get(f"/cases/{other.pk}/").status_code == 404
    assert login("heidi").get(f"/cases/{own.pk}/").status_code == 404
    assert own.code in login("erin").get("/cases/").content.decode()


def test_attachment_limits_and_permission_checked_download(
    login, world, suggestion, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_BYTES = 1024
    client = login("alice")
    url = f"/cases/{suggestion.pk}/attach/"
    bad_type = SimpleUploadedFile("a.exe", b"MZ" + b"0" * 10)
    assert "类型不允许" in client.post(url, {"files": bad_type}).content.decode()
    too_big = SimpleUploadedFile("a.pdf", b"%PDF" + b"0" * 2000)
    assert "上限为 1 KB" in client.post(url, {"files": too_big}).content.decode()
    fake = SimpleUploadedFile("a.png", b"not a png at all")
    assert "不符" in client.post(url, {"files": fake}).content.decode()
    good = SimpleUploadedFile("答复.pdf", b"%PDF-1.4 test")
    assert client.post(url, {"files": good}).status_code == 302
    item = suggestion.attachments.get()
    assert str(tmp_path) in item.file.path
    assert client.get(f"/cases/{suggestion.pk}/files/{item.pk}/").status_code == 200
    assert login("heidi").get(f"/cases/{suggestion.pk}/files/{item.pk}/").status_code == 404


def test_remind_reaches_unit_inbox_and_supervision_recorded(login, world, suggestion):
    case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    alice = login("alice")
    assert alice.post(f"/cases/{case.pk}/remind/", {"note": "请加快办理"}).status_code == 302
    assert (
        alice.post(
            f"/cases/{case.pk}/supervise/",
            {"method": "实地检查", "on": "2025-06-01", "findings": "现场查看进度"},
        ).status_code
        == 302
    )
    assert (
        alice.post(
            f"/cases/{case.pk}/supervise/", {"method": "飞", "on": "2099-01-01", "findings": ""}
        ).status_code
        == 400
    )
    assert CaseReminder.objects.filter(case=case, unit=world.station, kind="urge").count() == 1
    inbox = login("bob").get("/cases/inbox/").content.decode()
    assert "请加快办理" in inbox and case.code in inbox
    assert login("bob").post(f"/cases/{case.pk}/remind/", {"note": "x"}).status_code == 403


def test_holiday_page_admin_only_and_list_links_it(login, world):
    assert login("alice").get("/cases/holidays/").status_code == 403
    admin = login("frank")
    assert admin.get("/cases/holidays/").status_code == 200
    assert admin.post("/cases/holidays/", {"date": "2027-01-01", "note": "元旦"}).status_code == 302
    assert "2027-01-01" in admin.get("/cases/holidays/").content.decode()
    assert admin.post("/cases/holidays/", {"date": "bad"}).status_code == 400


def test_clerk_links_a_repeated_petition(login, world):
    first = make(world, "信访", [])
    second = make(world, "信访", [])
    client = login("carol")
    assert client.post(f"/cases/{second.pk}/link/", {"code": first.code}).status_code == 302
    assert list(second.related.values_list("pk", flat=True)) == [first.pk]
    client.post(f"/cases/{second.pk}/link/", {"code": "不存在"})
    assert second.related.count() == 1
