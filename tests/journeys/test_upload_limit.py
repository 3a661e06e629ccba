"""TAIZHANG_UPLOAD_MAX_MB holds on every upload path; activity photos take images only."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from taizhang.cases.models import CaseAttachment
from taizhang.cases.services import attachment_add, case_register
from taizhang.meetings import services as meetings
from taizhang.meetings.models import ActivityPhoto, MeetingAttachment

ONE_MB = 1024 * 1024
BIG_PDF = b"%PDF-1.4\n" + b"0" * (2 * ONE_MB)  # a 2 MiB PDF against a 1 MB limit
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _pdf(name="big.pdf", body=BIG_PDF):
    return SimpleUploadedFile(name, body, content_type="application/pdf")


@pytest.fixture
def records(world):
    meeting = meetings.meeting_create(township=world.jia, kind="主席团会议", name="主席团会议",
                                      date=date(2025, 3, 1))  # fmt: skip
    activity = meetings.activity_create(township=world.jia, kind="视察", topic="视察道路",
                                        date=date(2025, 5, 1), participants=[])  # fmt: skip
    case = case_register(kind="建议", township=world.jia, title="修路", registered=date(2025, 3, 3),
                         sponsors=[world.people["dave"]])  # fmt: skip
    return meeting, activity, case


@override_settings(UPLOAD_MAX_BYTES=ONE_MB)
def test_limit_holds_for_cases_meetings_and_photos(world, records):
    meeting, activity, case = records
    with pytest.raises(ValidationError, match="1 MB"):
        attachment_add(case=case, upload=_pdf(), actor=None)
    with pytest.raises(ValidationError, match="1 MB"):
        meetings.attachment_add(meeting=meeting, title="纪要", upload=_pdf())
    big_png = SimpleUploadedFile("big.png", PNG + b"\x00" * (2 * ONE_MB), "image/png")
    with pytest.raises(ValidationError, match="1 MB"):
        meetings.photo_add(activity=activity, upload=big_png)
    assert not (CaseAttachment.objects.exists() or MeetingAttachment.objects.exists()
                or ActivityPhoto.objects.exists())  # fmt: skip


@override_settings(UPLOAD_MAX_BYTES=ONE_MB)
def test_limit_holds_for_workbooks_and_checked_documents(login, world):
    client = login("alice")
    workbook = SimpleUploadedFile("big.xlsx", b"PK\x03\x04" + b"0" * (2 * ONE_MB))
    page = client.post(reverse("exchange:upload"), {"file": workbook}).content.decode()
    assert "文件过大" in page and "1 MB" in page
    docx = SimpleUploadedFile("big.docx", b"PK\x03\x04" + b"0" * (2 * ONE_MB))
    page = client.post(reverse("documents:check"), {"file": docx}).content.decode()
    assert "文件过大" in page


def test_meeting_uploads_use_the_one_check(world, records):
    meeting, activity, _ = records
    with pytest.raises(ValidationError, match="为空"):
        meetings.attachment_add(meeting=meeting, title="空", upload=_pdf("empty.pdf", b""))
    with pytest.raises(ValidationError, match="内容与扩展名不符"):
        meetings.attachment_add(meeting=meeting, title="假", upload=_pdf("fake.pdf", b"MZ\x90"))
    for name in ("plan.pdf", "report.docx"):
        body = b"%PDF-1.4\n" if name.endswith(".pdf") else b"PK\x03\x04rest"
        with pytest.raises(ValidationError, match="不是照片"):
            meetings.photo_add(activity=activity, upload=SimpleUploadedFile(name, body))
    photo = meetings.photo_add(activity=activity, upload=SimpleUploadedFile("p.png", PNG))
    assert photo.pk and ActivityPhoto.objects.count() == 1
