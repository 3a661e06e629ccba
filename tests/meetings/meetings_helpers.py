"""Builders shared by the meetings tests: deputies and meetings made through services."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from taizhang.meetings import services
from taizhang.people import services as people

SESSION_DAY = date(2025, 4, 21)


def add_deputies(world, n: int, *, start=date(2021, 10, 1), end=None, township=None, offset=0):
    """Create ``n`` township deputies of 甲乡 (or ``township``) through the people services."""
    township = township or world.jia
    unit = world.village1 if township == world.jia else world.village3
    out = []
    for i in range(n):
        person = people.person_create(name=f"代表{offset + i:03d}", unit=unit)
        out.append(
            people.deputy_create(
                person=person,
                level="乡镇",
                term="第十四届",
                township=township,
                start=start,
                end=end,
            )
        )
    return out


def window_now(minutes_before: int = 30, minutes_after: int = 120):
    now = timezone.now()
    return now - timedelta(minutes=minutes_before), now + timedelta(minutes=minutes_after)


def make_session(world, *, day=SESSION_DAY, window=None, code="", township=None):
    start, end = window or (None, None)
    return services.meeting_create(
        township=township or world.jia,
        kind="人代会",
        name="第十四届人民代表大会第七次会议",
        term="第十四届",
        session="第七次",
        date=day,
        code=code,
        window_start=start,
        window_end=end,
    )


def aware(y, m, d, hh=9, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=timezone.get_current_timezone())
