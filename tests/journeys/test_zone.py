"""Beijing dates at 23:30 UTC: the server's clock must not decide what 'today' is."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.duty.models import DutyEntry

# 23:30 UTC on 10 March is 07:30 on 11 March in Beijing.
LATE_UTC = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
BEIJING_TODAY = date(2026, 3, 11)


@pytest.mark.django_db
def test_localdate_is_beijing_at_2330_utc():
    with time_machine.travel(LATE_UTC, tick=False):
        assert timezone.localdate() == BEIJING_TODAY


def test_deputy_records_todays_duty_at_half_past_seven_beijing(login, world):
    client = login("dave")
    with time_machine.travel(LATE_UTC, tick=False):
        response = client.post(
            reverse("duty:entry_add"),
            {
                "date": BEIJING_TODAY.isoformat(),
                "type": "心得体会",
                "content": "早起写的体会",
                "quantity": 1,
            },  # fmt: skip
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = DutyEntry.objects.get(content="早起写的体会")
    assert entry.date == BEIJING_TODAY


def test_clerk_form_still_refuses_tomorrow(login, world):
    client = login("alice")
    with time_machine.travel(LATE_UTC, tick=False):
        response = client.post(
            reverse("duty:entry_add"),
            {
                "deputy": world.deputies[2].pk,
                "date": "2026-03-12",
                "type": "心得体会",
                "content": "明天的",
                "quantity": 1,
            },  # fmt: skip
        )
    assert "日期不能晚于今天" in response.content.decode()
    assert not DutyEntry.objects.filter(content="明天的").exists()
