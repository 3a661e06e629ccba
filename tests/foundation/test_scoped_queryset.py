"""One data-scope mechanism: every register's QuerySet builds on ScopedQuerySet."""

from __future__ import annotations

from datetime import date

from django.apps import apps

from taizhang.core.scope import ScopedQuerySet
from taizhang.meetings import services as meetings
from taizhang.meetings.models import Meeting
from taizhang.people import services as people


def test_every_for_user_of_the_project_is_a_scoped_queryset():
    scoped = []
    for model in apps.get_models():
        if not model.__module__.startswith("taizhang."):
            continue
        queryset = model._default_manager.get_queryset()
        if hasattr(queryset, "for_user"):
            assert isinstance(queryset, ScopedQuerySet), model._meta.label
            scoped.append(model._meta.label)
    assert len(scoped) >= 15


def test_a_deputy_with_two_mandates_sees_each_meeting_of_the_township_once(world):
    dave = world.users["dave"]
    people.deputy_create(
        person=world.people["dave"],
        level="乡镇",
        term="第十三届",
        township=world.jia,
        start=date(2016, 10, 1),
        end=date(2021, 9, 30),
    )
    meeting = meetings.meeting_create(
        township=world.jia, kind="主席团会议", name="主席团会议", date=date(2025, 3, 1)
    )
    meetings.meeting_create(
        township=world.yi, kind="主席团会议", name="乙镇主席团会议", date=date(2025, 3, 1)
    )
    seen = list(Meeting.objects.for_user(dave).values_list("pk", flat=True))
    assert seen == [meeting.pk]
    assert Meeting.objects.for_user(dave).count() == 1
