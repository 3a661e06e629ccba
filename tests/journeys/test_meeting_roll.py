"""Meetings without a roll show no attendance; a session below quorum was not held."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taizhang.core.versioning import NEW, current_version
from taizhang.figures.registry import figures_for
from taizhang.meetings import services
from taizhang.meetings.models import Attendance
from taizhang.meetings.selectors import attendance_summary, session_held


@pytest.fixture
def presidium_meeting(world):
    return services.meeting_create(township=world.jia, kind="主席团会议", name="主席团第三次会议",
                                   date=date(2025, 3, 1))  # fmt: skip


def test_meeting_without_roll_shows_no_attendance(login, world, presidium_meeting):
    client = login("alice")
    listing = client.get(reverse("meetings:index")).content.decode()
    row = listing[listing.index("主席团第三次会议") :].split("</tr>")[0]
    assert "0.0%" not in row and "—" in row
    detail = client.get(reverse("meetings:meeting_detail", args=[presidium_meeting.pk]))
    page = detail.content.decode()
    assert 'id="no-roll"' in page and "出席率" not in page.split('id="no-roll"')[0][-400:]
    assert 'data-stat="expected"' not in page


def test_session_below_quorum_is_not_held(world):
    session = services.meeting_create(township=world.jia, kind="人代会", name="第七次会议",
                                      date=date(2025, 4, 21))  # fmt: skip
    facts = {f.key: f.value for f in figures_for(world.jia, 2025, only=["meetings"])}
    assert facts["meetings.session.rate"] is None  # no roll called: unknown, not 0 %
    assert facts["meetings.session.held"] == 0

    services.attendance_set(
        meeting=session, deputy=world.deputies[0], status="出席", expected_version=NEW
    )
    assert not attendance_summary(session).quorum
    with pytest.raises(ValidationError):
        services.meeting_open(meeting=session, expected_version=session.version)
    assert not session_held(session)

    for deputy in world.deputies[1:]:
        services.attendance_set(meeting=session, deputy=deputy, status="出席", expected_version=NEW)
    services.meeting_open(meeting=session, expected_version=session.version)
    session.refresh_from_db()
    assert session_held(session)
    facts = {f.key: f.value for f in figures_for(world.jia, 2025, only=["meetings"])}
    assert facts["meetings.session.held"] == 1 and facts["meetings.session.rate"] == 100.0

    # Attendance corrected afterwards to 1 of 3 present: no longer a lawfully held session.
    for deputy in world.deputies[1:]:
        seen = current_version(Attendance, meeting=session, deputy=deputy)
        services.attendance_set(
            meeting=session, deputy=deputy, status="缺席", expected_version=seen
        )
    assert not session_held(session)
