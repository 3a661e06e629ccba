"""#14.2: one upload check for every purpose, one way of serving a stored file."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.cases.services import attachment_add, case_register
from taizhang.core.models import AuditEvent, AuditKind
from taizhang.meetings import services as meetings

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj\n"


@pytest.fixture
def stored(world):
    alice = world.users["alice"]
    meeting = meetings.meeting_create(township=world.jia, kind="主席团会议", name="主席团会议",
                                      date=date(2025, 3, 1))  # fmt: skip
    activity = meetings.activity_create(township=world.jia, kind="视察", topic="视察道路",
                                        date=date(2025, 5, 1), participants=[])  # fmt: skip
    case = case_register(kind="建议", township=world.jia, title="修路", registered=date(2025, 3, 3),
                         sponsors=[world.people["dave"]])  # fmt: skip
    file = attachment_add(
        case=case, upload=SimpleUploadedFile("道路照片说明.pdf", PDF), actor=alice
    )
    minutes = meetings.attachment_add(meeting=meeting, title="会议纪要",
                                      upload=SimpleUploadedFile("../../etc/纪要.pdf", PDF))  # fmt: skip
    photo = meetings.photo_add(activity=activity, upload=SimpleUploadedFile("现场.png", PNG))
    return {
        "case": reverse("cases:attachment", args=[case.pk, file.pk]),
        "meeting": reverse("meetings:attachment", args=[meeting.pk, minutes.pk]),
        "photo": reverse("meetings:photo", args=[activity.pk, photo.pk]),
        "names": [file.file.name, minutes.file.name, photo.file.name],
    }


def test_every_stored_file_is_served_the_same_way(login, stored):
    client = login("alice")
    for what in ("case", "meeting", "photo"):
        before = AuditEvent.objects.filter(kind=AuditKind.EXPORT).count()
        response = client.get(stored[what])
        assert response.status_code == 200, what
        assert response["X-Content-Type-Options"] == "nosniff", what
        assert response["Cache-Control"] == "no-store", what
        assert "filename*=UTF-8''" in response["Content-Disposition"], what
        assert AuditEvent.objects.filter(kind=AuditKind.EXPORT).count() == before + 1, what
    assert client.get(stored["photo"])["Content-Type"] == "image/png"
    assert client.get(stored["photo"])["Content-Disposition"].startswith("inline;")
    meeting_file = client.get(stored["meeting"])["Content-Disposition"]
    assert meeting_file.startswith("attachment;") and "%E4%BC%9A%E8%AE%AE" in meeting_file


def test_user_file_names_never_reach_the_file_system(stored):
    for name in stored["names"]:
        assert ".." not in name and "纪要" not in name and "现场" not in name


def test_workbook_upload_uses_the_one_check(login, world):
    client = login("alice")
    empty = SimpleUploadedFile("空.xlsx", b"")
    page = client.post(reverse("exchange:upload"), {"file": empty}).content.decode()
    assert "为空" in page
    fake = SimpleUploadedFile("假.xlsx", b"MZ\x90\x00" * 10)
    page = client.post(reverse("exchange:upload"), {"file": fake}).content.decode()
    assert "内容与扩展名不符" in page
    pdf = SimpleUploadedFile("台账.pdf", PDF)
    page = client.post(reverse("exchange:upload"), {"file": pdf}).content.decode()
    assert "类型不允许" in page and ".xlsx" in page


def test_check_page_uses_the_one_check(login, world):
    client = login("alice")
    page = client.post(reverse("documents:check"), {"file": SimpleUploadedFile("空.docx", b"")})
    assert "为空" in page.content.decode()
    fake = SimpleUploadedFile("假.docx", b"%PDF-1.4 not a word file")
    assert (
        "内容与扩展名不符"
        in client.post(reverse("documents:check"), {"file": fake}).content.decode()
    )
    pdf = SimpleUploadedFile("稿.pdf", PDF)
    assert "只能上传" in client.post(reverse("documents:check"), {"file": pdf}).content.decode()
