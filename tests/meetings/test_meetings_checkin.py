"""QR check-in: a signed token per meeting, only in the window, once per deputy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from taizhang.meetings import services
from taizhang.meetings.models import Attendance
from taizhang.meetings.services import CheckInError

from .meetings_helpers import make_session, window_now


@pytest.fixture
def live(world):
    """A session of 甲乡 today whose check-in window is open now."""
    return make_session(world, day=timezone.localdate(), window=window_now())


def test_deputy_checks_in_once(world, live):
    dave = world.users["dave"]
    token = services.checkin_token(live)
    row = services.checkin_by_token(meeting=live, token=token, user=dave)
    assert row.status == "出席" and row.method == "qr" and row.deputy.person == dave.person
    with pytest.raises(CheckInError) as err:
        services.checkin_by_token(meeting=live, token=token, user=dave)
    assert "请勿重复签到" in err.value.messages[0]
    assert Attendance.objects.filter(meeting=live).count() == 1


def test_token_outside_window_is_refused(world, live):
    token = services.checkin_token(live)
    dave = world.users["dave"]
    after = live.window_end + timedelta(seconds=1)
    with pytest.raises(CheckInError) as err:
        services.checkin_by_token(meeting=live, token=token, user=dave, now=after)
    assert "签到已结束" in err.value.messages[0]
    before = live.window_start - timedelta(minutes=1)
    with pytest.raises(CheckInError) as err:
        services.checkin_by_token(meeting=live, token=token, user=dave, now=before)
    assert "签到尚未开始" in err.value.messages[0]
    assert not Attendance.objects.exists()


def test_token_of_another_meeting_is_refused(world, live):
    other = make_session(world, day=live.date, window=window_now(), code="HY-OTHER")
    with pytest.raises(CheckInError) as err:
        services.checkin_by_token(
            meeting=live, token=services.checkin_token(other), user=world.users["dave"]
        )
    assert "不是本次会议的签到码" in err.value.messages[0]


def test_forged_token_is_refused(world, live):
    forged = signing.dumps({"m": live.pk, "c": live.code}, salt="other-salt")
    with pytest.raises(CheckInError) as err:
        services.checkin_by_token(meeting=live, token=forged, user=world.users["dave"])
    assert "二维码无效" in err.value.messages[0]


@pytest.mark.parametrize("who", ["alice", "bob", "carol"])
def test_non_deputy_cannot_check_in(world, live, who):
    with pytest.raises(CheckInError) as err:
        services.checkin_by_token(
            meeting=live, token=services.checkin_token(live), user=world.users[who]
        )
    assert "不是本次会议的应到代表" in err.value.messages[0]


def test_deputy_of_another_township_cannot_check_in(world):
    session_yi = make_session(
        world, township=world.yi, day=timezone.localdate(), window=window_now(), code="HY-YI"
    )
    with pytest.raises(CheckInError):
        services.checkin_by_token(
            meeting=session_yi, token=services.checkin_token(session_yi), user=world.users["dave"]
        )


def test_checkin_page_shows_chinese_refusals(world, live, login):
    client = login("dave")
    url = reverse("meetings:checkin", kwargs={"pk": live.pk, "token": services.checkin_token(live)})
    first = client.post(url)
    assert first.status_code == 200 and "签到成功" in first.content.decode()
    again = client.post(url)
    assert again.status_code == 200 and "请勿重复签到" in again.content.decode()
    bad = client.post(reverse("meetings:checkin", kwargs={"pk": live.pk, "token": "x:y"}))
    assert bad.status_code == 200 and "二维码无效" in bad.content.decode()


def test_qr_image_is_server_side_svg(world, live, login):
    response = login("alice").get(reverse("meetings:qr", kwargs={"pk": live.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in response.content
