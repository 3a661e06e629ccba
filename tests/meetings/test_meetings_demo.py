"""The 烽火乡 2025 demo states the figures of DOMAIN.md, and its pages render."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from taizhang.accounts.models import User
from taizhang.core.models import OrgUnit
from taizhang.figures.registry import figures_for
from taizhang.meetings.models import Meeting


def test_demo_figures_and_pages(demo):
    township = OrgUnit.objects.get(name="烽火乡")
    facts = {f.key: f for f in figures_for(township, 2025, only=("meetings", "duty"))}
    value = {k: f.value for k, f in facts.items()}
    assert value["meetings.session.expected"] == 54 and value["meetings.session.present"] == 53
    assert value["meetings.session.rate"] == 98.1
    assert value["meetings.session.reports_approved"] == 3
    assert value["meetings.assignment_meetings"] == 1
    assert value["activities.evaluation.deputies"] == 28
    assert value["activities.evaluation.opinions"] == 3
    assert value["activities.inspection.deputies"] == 21
    assert value["activities.inspection.opinions"] == 2
    assert value["duty.publicity.pieces"] == 12
    assert value["duty.publicity.province"] == 1 and value["duty.publicity.city"] == 1
    assert value["duty.budget.spent"] == 10000
    assert value["duty.deputies_complete"] > 0 and value["duty.deputies_behind"] > 0
    assert len(facts["meetings.session.present"].sources) == 53

    client = Client()
    client.force_login(User.objects.get(username="demo-renda"))
    session = Meeting.objects.get(code="FH-2025-RDH-07")
    page = client.get(reverse("meetings:meeting_detail", args=[session.pk])).content.decode()
    assert "98.1%" in page and "第十四届人民代表大会第七次会议" in page
    for name in ("meetings:index", "meetings:activity_list", "duty:index", "duty:quotas",
                 "duty:liaison", "duty:publicity", "duty:expenses"):  # fmt: skip
        assert client.get(reverse(name) + "?year=2025").status_code == 200, name

    deputy = Client()
    deputy.force_login(User.objects.get(username="demo-daibiao"))
    card = deputy.get(reverse("duty:index") + "?year=2025", follow=True)
    assert card.status_code == 200 and "2025年履职档案" in card.content.decode()


def test_demo_loads_twice_without_change(demo):
    from taizhang.demo.loader import load_demo
    from taizhang.duty.models import DutyEntry
    from taizhang.meetings.models import Attendance, Participant

    before = (Meeting.objects.count(), Attendance.objects.count(), Participant.objects.count(),
              DutyEntry.objects.count())  # fmt: skip
    load_demo()
    after = (Meeting.objects.count(), Attendance.objects.count(), Participant.objects.count(),
             DutyEntry.objects.count())  # fmt: skip
    assert before == after
