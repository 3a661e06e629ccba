"""Meeting and activity pages: scope, forms, Chinese refusals, never a 500."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from taizhang.core.versioning import NEW
from taizhang.meetings import services
from taizhang.meetings.models import Activity, AgendaItem, Meeting, Rating

from .meetings_helpers import add_deputies, make_session


def test_presidium_creates_a_session_through_the_form(world, login):
    client = login("alice")
    response = client.post(
        reverse("meetings:meeting_new"),
        {
            "kind": "人代会",
            "name": "甲乡第十四届人民代表大会第七次会议",
            "date": "2025-04-21",
            "term": "第十四届",
            "session": "第七次",
            "window_start": "2025-04-21T08:00",
            "window_end": "2025-04-21T09:30",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and meeting.township == world.jia
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "第十四届人民代表大会第七次会议" in page and "签到二维码" in page
    listing = client.get(reverse("meetings:index")).content.decode()
    assert meeting.full_title in listing


def test_window_end_before_start_is_refused(world, login):
    response = login("alice").post(
        reverse("meetings:meeting_new"),
        {"kind": "人代会", "name": "会议", "date": "2025-04-21",
         "window_start": "2025-04-21T09:00", "window_end": "2025-04-21T08:00"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "签到结束时间必须晚于开始时间" in response.content.decode()
    assert not Meeting.objects.exists()


def test_other_township_and_village_cannot_see_the_meeting(world, login):
    meeting = make_session(world)
    assert (
        login("heidi").get(reverse("meetings:meeting_detail", args=[meeting.pk])).status_code == 404
    )
    assert login("carol").get(reverse("meetings:index")).status_code == 403


def test_clerk_marks_roll_by_htmx_and_sees_refusal_for_deputy_out_of_office(world, login):
    gone = add_deputies(world, 1, end=date(2024, 12, 31))[0]
    meeting = make_session(world)
    client = login("alice")
    ok = client.post(
        reverse("meetings:mark", args=[meeting.pk, world.deputies[0].pk]),
        {"status": "出席", "version": 0},
        HTTP_HX_REQUEST="true",
    )
    assert ok.status_code == 200 and 'data-stat="present">1<' in ok.content.decode()
    refused = client.post(
        reverse("meetings:mark", args=[meeting.pk, gone.pk]),
        {"status": "出席", "version": 0},
        HTTP_HX_REQUEST="true",
    )
    assert refused.status_code == 200 and "不是本次会议的应到代表" in refused.content.decode()


def test_agenda_votes_above_present_are_refused_on_the_page(world, login):
    meeting = make_session(world)
    services.attendance_set(
        meeting=meeting, deputy=world.deputies[0], status="出席", expected_version=NEW
    )
    client = login("alice")
    response = client.post(
        reverse("meetings:agenda_add", args=[meeting.pk]),
        {"seq": 1, "title": "政府工作报告", "kind": "报告", "votes_for": 3, "version": 0},
        follow=True,
    )
    assert "超过实到代表人数（1）" in response.content.decode()
    assert not AgendaItem.objects.exists()
    response = client.post(
        reverse("meetings:agenda_add", args=[meeting.pk]),
        {"seq": 1, "title": "政府工作报告", "votes_for": -1, "version": 0},
        follow=True,
    )
    assert "不能为负数" in response.content.decode()


def test_negative_rating_is_refused(world, login):
    activity = services.activity_create(
        township=world.jia, kind="站所评议", topic="卫生院评议", date=date(2025, 6, 16),
        unit=world.station, participants=world.deputies,
    )  # fmt: skip
    response = login("alice").post(
        reverse("meetings:rating_add", args=[activity.pk]),
        {"subject": "卫生院", "satisfied": 5, "basic": -2, "unsatisfied": 0, "version": 0},
        follow=True,
    )
    assert response.status_code == 200 and "不能为负数" in response.content.decode()
    assert not Rating.objects.exists()


def test_rating_service_refuses_negative_counts(world):
    import pytest
    from django.core.exceptions import ValidationError

    activity = services.activity_create(
        township=world.jia, kind="述职测评", topic="述职", date=date(2025, 11, 18)
    )
    with pytest.raises(ValidationError) as err:
        services.rating_save(activity=activity, subject="周大", satisfied=-1, basic=0,
                             unsatisfied=0, expected_version=NEW)  # fmt: skip
    assert "满意人数不能为负数" in str(err.value)
    rating = services.rating_save(activity=activity, subject="周大", satisfied=8, basic=1,
                                  unsatisfied=1, expected_version=NEW)  # fmt: skip
    assert rating.satisfaction_rate == 90.0


def test_activity_participants_must_be_in_office(world, login):
    gone = add_deputies(world, 1, end=date(2024, 12, 31))[0]
    response = login("alice").post(
        reverse("meetings:activity_new"),
        {"kind": "视察", "topic": "乡村建设视察", "date": "2025-12-08",
         "participants": [world.deputies[0].pk, gone.pk]},
    )  # fmt: skip
    assert response.status_code == 200 and "不是在任代表" in response.content.decode()
    assert not Activity.objects.exists()


def test_opinion_on_evaluation_becomes_a_case_assigned_to_the_station(world, login):
    from taizhang.cases.models import Case

    activity = services.activity_create(
        township=world.jia, kind="站所评议", topic="卫生院评议", date=date(2025, 6, 16),
        unit=world.station, participants=world.deputies,
    )  # fmt: skip
    client = login("alice")
    client.post(
        reverse("meetings:opinion_add", args=[activity.pk]), {"title": "候诊时间长"}, follow=True
    )
    case = Case.objects.get()
    assert case.kind == "评议意见" and case.handling_unit == world.station
    assert (case.source_type, case.source_id) == ("meetings.Activity", activity.pk)
    page = client.get(reverse("meetings:activity_detail", args=[activity.pk])).content.decode()
    assert "已交办 1 条" in page
