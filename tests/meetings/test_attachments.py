"""Minutes attachments are downloaded only inside the meeting's scope."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.meetings import services
from taizhang.meetings.models import Meeting


def _meeting(world):
    return Meeting.objects.create(
        code="JIA-T-1",
        township=world.jia,
        kind="主席团会议",
        name="主席团第一次会议",
        date=date(2025, 3, 1),
    )


def test_attachment_downloads_for_own_township_and_is_404_elsewhere(world, login):
    meeting = _meeting(world)
    upload = SimpleUploadedFile(
        "minutes.pdf", b"%PDF-1.4\n%test minutes\n", content_type="application/pdf"
    )
    item = services.attachment_add(meeting=meeting, title="会议纪要", upload=upload)
    url = f"/meetings/{meeting.pk}/attachments/{item.pk}/"
    response = login("alice").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert login("heidi").get(url).status_code == 404
