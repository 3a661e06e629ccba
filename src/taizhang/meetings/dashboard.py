"""Dashboard panel: this year's meetings and activities in the user's scope."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from taizhang.core.permissions import user_can
from taizhang.meetings.figures import meetings_by_kind
from taizhang.meetings.models import Activity, Meeting, MeetingKind


def panels(user) -> list[dict]:
    if not user_can(user, "congress.view"):
        return []
    # The latest year with records: early in a year the panel still shows last year's work.
    latest = (
        Meeting.objects.for_user(user)
        .filter(date__lte=timezone.localdate())
        .order_by("-date")
        .first()
    )
    year = latest.date.year if latest else timezone.localdate().year
    # The same counting as the figures registry, over the user's scope instead of one township.
    by_kind = meetings_by_kind(Meeting.objects.for_user(user).filter(date__year=year))
    activities = Activity.objects.for_user(user).filter(date__year=year)
    return [
        {
            "title": f"{year}年会议与活动",
            "stats": [
                ("人代会", len(by_kind.get(MeetingKind.CONGRESS, []))),
                ("主席团会议", len(by_kind.get(MeetingKind.PRESIDIUM, []))),
                ("代表活动", activities.count()),
            ],
            "chart": None,
            "link": reverse("meetings:index"),
        }
    ]
