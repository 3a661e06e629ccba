"""Dashboard panel: duty quotas met this year (a deputy sees their own card)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from taizhang.core.permissions import user_can
from taizhang.core.roles import Role
from taizhang.duty.selectors import duty_records
from taizhang.people.models import Deputy


def panels(user) -> list[dict]:
    if not user_can(user, "duty.view") or user.role not in (Role.PRESIDIUM, Role.DEPUTY):
        return []
    year = timezone.localdate().year
    records = duty_records(deputies=Deputy.objects.for_user(user), year=year)
    with_quota = [r for r in records if r.lines]
    if not with_quota:
        return []
    done = sum(1 for r in with_quota if r.complete)
    return [
        {
            "title": f"{year}年代表履职",
            "stats": [
                ("代表", len(with_quota)),
                ("已完成要求", done),
                ("未完成", len(with_quota) - done),
            ],
            "chart": None,
            "link": reverse("duty:index"),
        }
    ]
