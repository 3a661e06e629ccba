"""Preparation working groups and their tasks (筹备工作组): pages, versions, scope."""

from __future__ import annotations

from django.urls import reverse

from taizhang.core.versioning import NEW
from taizhang.meetings.models import WorkingGroup, WorkingTask

from .meetings_helpers import make_session


def _group(client, meeting, name="材料组"):
    # A new record is posted at version NEW, as the page's form does.
    return client.post(
        reverse("meetings:group_add", args=[meeting.pk]), {"name": name, "version": NEW}
    )


def test_presidium_adds_a_group_and_a_task_shown_on_the_meeting_page(world, login):
    client = login("alice")
    meeting = make_session(world)
    assert _group(client, meeting).status_code == 302
    group = WorkingGroup.objects.get(meeting=meeting)
    response = client.post(
        reverse("meetings:task_add", args=[meeting.pk]),
        {"group": group.pk, "title": "印制大会选举票", "due": "2025-04-18"},
    )
    assert response.status_code == 302
    task = WorkingTask.objects.get(group=group)
    assert task.title == "印制大会选举票" and str(task.due) == "2025-04-18" and not task.done
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "材料组" in page and "印制大会选举票" in page


def test_a_group_without_a_name_is_refused_in_chinese(world, login):
    client = login("alice")
    meeting = make_session(world)
    response = _group(client, meeting, name="   ")
    assert response.status_code == 302 and not WorkingGroup.objects.exists()
    page = client.get(response.url).content.decode()
    assert "工作组" in page and ("必填" in page or "请填写" in page)


def test_a_task_toggles_at_its_version_and_a_stale_toggle_is_refused(world, login):
    client = login("alice")
    meeting = make_session(world)
    _group(client, meeting)
    group = WorkingGroup.objects.get()
    client.post(
        reverse("meetings:task_add", args=[meeting.pk]), {"group": group.pk, "title": "布置会场"}
    )
    task = WorkingTask.objects.get()
    url = reverse("meetings:task_toggle", args=[meeting.pk, task.pk])
    assert client.post(url, {"version": task.version}).status_code == 302
    task.refresh_from_db()
    assert task.done
    stale = client.post(url, {"version": task.version - 1}, follow=True).content.decode()
    task.refresh_from_db()
    assert task.done, "a stale toggle must not undo the newer one"
    assert "已被他人修改" in stale or "刷新" in stale


def test_another_townships_presidium_cannot_touch_the_groups(world, login):
    meeting = make_session(world)
    _group(login("alice"), meeting)
    group = WorkingGroup.objects.get()
    other = login("heidi")
    assert _group(other, meeting, name="后勤组").status_code == 404
    added = other.post(
        reverse("meetings:task_add", args=[meeting.pk]), {"group": group.pk, "title": "越权任务"}
    )
    assert added.status_code == 404
    assert WorkingGroup.objects.count() == 1 and not WorkingTask.objects.exists()
