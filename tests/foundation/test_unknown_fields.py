"""Services refuse fields they do not know, naming them in Chinese, and write nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from taizhang.cases import services as cases
from taizhang.cases.models import Case
from taizhang.core.models import AuditEvent
from taizhang.ledger import services as ledger
from taizhang.meetings import services as meetings
from taizhang.people import services as people


def refused(write) -> str:
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as caught:
        write()
    assert AuditEvent.objects.count() == before  # nothing written, nothing audited
    return " ".join(caught.value.messages)


def test_people_services_name_the_unknown_field(world):
    p1 = world.people["p1"]
    message = refused(lambda: people.person_create(name="某人", unit=world.village1, nickname="x"))
    assert "未知字段" in message and "nickname" in message
    message = refused(
        lambda: people.person_update(person=p1, expected_version=p1.version, phone_no="1")
    )
    assert "phone_no" in message
    p1.refresh_from_db()
    assert not hasattr(p1, "phone_no")


def test_ledger_services_name_the_unknown_field(world):
    message = refused(lambda: ledger.project_create(name="修路", colour="红"))
    assert "未知字段" in message and "colour" in message


def test_meeting_services_name_the_unknown_field(world):
    message = refused(
        lambda: meetings.meeting_create(
            township=world.jia, kind="主席团会议", name="会", date=date(2025, 3, 1), room="一楼"
        )
    )
    assert "room" in message
    message = refused(
        lambda: meetings.activity_create(
            township=world.jia, kind="其他", topic="走访", date=date(2025, 3, 1), weather="晴"
        )
    )
    assert "weather" in message


def test_case_services_name_the_unknown_field(world):
    message = refused(
        lambda: cases.case_register(
            kind="建议",
            township=world.jia,
            title="修桥",
            registered=date(2025, 3, 1),
            sponsors=[world.people["p1"]],
            priority="高",
        )
    )
    assert "priority" in message
    case = cases.case_register(
        kind="建议",
        township=world.jia,
        title="修桥",
        registered=date(2025, 3, 1),
        sponsors=[world.deputies[0].person],
    )
    message = refused(
        lambda: cases.case_transition(case=case, action="交办", actor=None, handler="张三")
    )
    assert "handler" in message
    assert Case.objects.get(pk=case.pk).state == case.state
