"""Documents fixtures: 甲乡 held its 2025 session, so presidium documents have their core."""

from __future__ import annotations

from datetime import date

import pytest

from taizhang.core.versioning import NEW


@pytest.fixture
def jia_session(world):
    """甲乡's 2025 session on April 21 with its three deputies present."""
    from taizhang.meetings import services as meetings

    session = meetings.meeting_create(
        township=world.jia,
        kind="人代会",
        name="第十四届人民代表大会第七次会议",
        date=date(2025, 4, 21),
    )
    for deputy in world.deputies:
        meetings.attendance_set(meeting=session, deputy=deputy, status="出席", expected_version=NEW)
    return session
