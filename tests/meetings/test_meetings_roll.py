"""The roll: expected deputies from the roster, attendance, rate, quorum."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from taizhang.core.versioning import NEW
from taizhang.meetings import services
from taizhang.meetings.models import Attendance
from taizhang.meetings.selectors import attendance_summary, expected_deputies, meeting_roll

from .meetings_helpers import SESSION_DAY, add_deputies, make_session


def _mark_all_present(meeting, deputies, but=()):
    for d in deputies:
        if d in but:
            continue
        services.attendance_set(meeting=meeting, deputy=d, status="出席", expected_version=NEW)


def test_expected_deputies_follow_office_dates(world):
    # 3 deputies of the persona world are in office since 2021.
    left = add_deputies(world, 2, end=date(2025, 3, 31), offset=0)
    joined = add_deputies(world, 1, start=date(2025, 4, 21), offset=10)
    late = add_deputies(world, 1, start=date(2025, 6, 1), offset=20)
    ends_on_day = add_deputies(world, 1, end=SESSION_DAY, offset=30)
    add_deputies(world, 4, township=world.yi, offset=40)  # another township
    meeting = make_session(world)
    expected = set(expected_deputies(meeting))
    assert set(world.deputies) <= expected
    assert joined[0] in expected and ends_on_day[0] in expected
    assert not expected & {*left, late[0]}
    assert len(expected) == 5
    # Same roster, later meeting: the two who left are gone and the late joiner counts.
    later = make_session(world, day=date(2025, 7, 1), code="HY-LATER")
    expected_later = set(expected_deputies(later))
    assert late[0] in expected_later and ends_on_day[0] not in expected_later
    assert len(expected_later) == 5


def test_attendance_for_someone_not_in_office_is_refused(world):
    gone = add_deputies(world, 1, end=date(2024, 12, 31))[0]
    meeting = make_session(world)
    with pytest.raises(ValidationError) as err:
        services.attendance_set(meeting=meeting, deputy=gone, status="出席", expected_version=NEW)
    assert "不是本次会议的应到代表" in str(err.value)
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_leave_needs_a_reason(world):
    meeting = make_session(world)
    with pytest.raises(ValidationError) as err:
        services.attendance_set(
            meeting=meeting, deputy=world.deputies[0], status="请假", expected_version=NEW
        )
    assert "请假事由" in str(err.value)
    row = services.attendance_set(
        meeting=meeting,
        deputy=world.deputies[0],
        status="请假",
        reason="外出务工",
        expected_version=NEW,
    )
    assert row.reason == "外出务工" and row.checked_in_at is None


def test_rate_has_one_decimal_53_of_54(world):
    deputies = world.deputies + add_deputies(world, 51)
    meeting = make_session(world)
    _mark_all_present(meeting, deputies, but=[deputies[-1]])
    services.attendance_set(
        meeting=meeting, deputy=deputies[-1], status="请假", reason="住院", expected_version=NEW
    )
    summary = attendance_summary(meeting)
    assert (summary.expected, summary.present, summary.leave) == (54, 53, 1)
    assert summary.rate_text == "98.1%"
    roll = meeting_roll(meeting)
    assert len(roll) == 54 and sum(r.status == "出席" for r in roll) == 53


def test_quorum_needs_more_than_two_thirds(world):
    deputies = world.deputies + add_deputies(world, 6)  # 9 expected: quorum needs 7
    meeting = make_session(world)
    _mark_all_present(meeting, deputies[:6])  # exactly two thirds
    with pytest.raises(ValidationError) as err:
        services.meeting_open(meeting=meeting, expected_version=meeting.version)
    assert "三分之二" in str(err.value)
    meeting.refresh_from_db()
    assert meeting.opened is False
    services.attendance_set(
        meeting=meeting, deputy=deputies[6], status="出席", expected_version=NEW
    )
    services.meeting_open(meeting=meeting, expected_version=meeting.version)
    meeting.refresh_from_db()
    assert meeting.opened is True


def test_meeting_title_reads_as_session(world):
    meeting = make_session(world)
    assert meeting.full_title == "第十四届人民代表大会第七次会议"
    assert meeting.code.startswith("HY20250421-")
