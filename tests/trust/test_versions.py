"""A write without a valid expected version is refused, as is a stale one (#12.12, #14.2).

Before: the person form, meeting minutes and a draft's status skipped the check when the
version was absent or not a number, and eight create-or-update writes never checked it.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.messages import get_messages

from taizhang.core.versioning import MISSING, NEW, STALE, TAKEN, ConflictError
from taizhang.duty import services as duty
from taizhang.duty.models import Quota
from taizhang.meetings import services as meetings
from taizhang.meetings.models import AgendaItem, Attendance


@pytest.fixture
def session(world):
    return meetings.meeting_create(
        kind="人代会", name="甲乡第一次会议", date=date(2025, 1, 10), township=world.jia
    )


def _messages(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.django_db
@pytest.mark.parametrize("version", [None, "", "abc", "-1", "1.5"])
def test_person_edit_without_a_valid_version_is_refused(login, world, version):
    p1 = world.people["p1"]
    body = {"name": "赵一改", "gender": "男", "unit": world.village1.pk}
    if version is not None:
        body["version"] = version
    response = login("alice").post(f"/people/{p1.pk}/edit/", body)
    assert response.status_code == 200
    assert "缺少记录的版本号" in response.content.decode()
    p1.refresh_from_db()
    assert p1.name == "赵一"


@pytest.mark.django_db
def test_person_edit_at_a_stale_version_is_refused(login, world):
    p1 = world.people["p1"]
    body = {"name": "赵一改", "gender": "男", "unit": world.village1.pk, "version": p1.version - 1}
    response = login("alice").post(f"/people/{p1.pk}/edit/", body)
    assert STALE in response.content.decode()
    p1.refresh_from_db()
    assert p1.name == "赵一"


@pytest.mark.django_db
@pytest.mark.parametrize("version", [None, "x"])
def test_minutes_without_a_version_are_refused(login, world, session, version):
    body = {"minutes": "会议纪要正文"}
    if version is not None:
        body["version"] = version
    response = login("alice").post(f"/meetings/{session.pk}/minutes/", body)
    assert "缺少记录的版本号" in _messages(response)
    session.refresh_from_db()
    assert session.minutes == ""


@pytest.mark.django_db
def test_minutes_at_the_current_version_are_saved(login, world, session):
    body = {"minutes": "会议纪要正文", "version": session.version}
    login("alice").post(f"/meetings/{session.pk}/minutes/", body)
    session.refresh_from_db()
    assert session.minutes == "会议纪要正文"


@pytest.mark.django_db
def test_the_service_refuses_a_missing_version(world, session):
    with pytest.raises(ConflictError, match="缺少记录的版本号"):
        meetings.minutes_save(meeting=session, minutes="x", expected_version=None)


@pytest.mark.django_db
def test_agenda_item_create_then_stale_update_is_refused(world, session):
    item = meetings.agenda_item_save(
        meeting=session, seq=1, title="审议政府工作报告", expected_version=NEW
    )
    with pytest.raises(ConflictError) as taken:
        meetings.agenda_item_save(
            meeting=session, seq=1, title="另一人的标题", expected_version=NEW
        )
    assert str(taken.value) == TAKEN
    meetings.agenda_item_save(
        meeting=session, seq=1, title="审议财政工作报告", expected_version=item.version
    )
    with pytest.raises(ConflictError) as stale:
        meetings.agenda_item_save(
            meeting=session, seq=1, title="过时的修改", expected_version=item.version
        )
    assert str(stale.value) == STALE
    with pytest.raises(ConflictError) as missing:
        meetings.agenda_item_save(meeting=session, seq=1, title="无版本", expected_version=None)
    assert str(missing.value) == MISSING
    assert AgendaItem.objects.get(meeting=session, seq=1).title == "审议财政工作报告"


@pytest.mark.django_db
def test_the_agenda_form_needs_its_version(login, world, session):
    client = login("alice")
    response = client.post(f"/meetings/{session.pk}/agenda/", {"seq": 1, "title": "报告"})
    assert "缺少记录的版本号" in _messages(response)
    assert not AgendaItem.objects.filter(meeting=session).exists()
    client.post(f"/meetings/{session.pk}/agenda/", {"seq": 1, "title": "报告", "version": 0})
    assert AgendaItem.objects.get(meeting=session, seq=1).title == "报告"
    response = client.post(
        f"/meetings/{session.pk}/agenda/", {"seq": 1, "title": "覆盖", "version": 0}
    )
    assert TAKEN in _messages(response)
    assert AgendaItem.objects.get(meeting=session, seq=1).title == "报告"


@pytest.mark.django_db
def test_a_stale_attendance_mark_is_refused(login, world, session):
    deputy = world.deputies[0]
    client = login("alice")
    url = f"/meetings/{session.pk}/roll/{deputy.pk}/"
    client.post(url, {"status": "出席", "version": 0})
    row = Attendance.objects.get(meeting=session, deputy=deputy)
    response = client.post(url, {"status": "缺席", "version": 0})
    assert TAKEN in _messages(response)
    response = client.post(url, {"status": "缺席"})
    assert "缺少记录的版本号" in _messages(response)
    client.post(url, {"status": "缺席", "version": row.version})
    assert Attendance.objects.get(pk=row.pk).status == "缺席"


@pytest.mark.django_db
def test_a_stale_quota_is_refused_and_the_scheme_still_applies(world):
    quota = duty.quota_set(
        township=world.jia, year=2025, type="走访选民", required=3, expected_version=NEW
    )
    duty.quota_set(
        township=world.jia, year=2025, type="走访选民", required=4, expected_version=quota.version
    )
    with pytest.raises(ConflictError):
        duty.quota_set(
            township=world.jia,
            year=2025,
            type="走访选民",
            required=9,
            expected_version=quota.version,
        )
    assert Quota.objects.get(pk=quota.pk).required == 4
    duty.quota_apply_scheme(township=world.jia, year=2025)
    assert Quota.objects.filter(township=world.jia, year=2025).count() >= 5


@pytest.mark.django_db
@pytest.mark.parametrize("version", [None, "", "v2"])
def test_draft_status_without_a_number_is_refused(login, world, version):
    from taizhang.documents.models import Draft

    draft = Draft.objects.create(
        kind="presidium", township=world.jia, year=2025, title="草稿", content={}
    )
    body = {"status": "final"}
    if version is not None:
        body["version"] = version
    response = login("alice").post(f"/documents/{draft.pk}/status/", body)
    assert "缺少记录的版本号" in _messages(response)
    draft.refresh_from_db()
    assert draft.status == "draft"
