"""Agenda votes and elections: never above those present; majority of ALL deputies."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from taizhang.core.versioning import NEW
from taizhang.meetings import services
from taizhang.meetings.models import AgendaItem

from .meetings_helpers import add_deputies, make_session


@pytest.fixture
def session(world):
    """10 deputies expected, 7 present."""
    deputies = world.deputies + add_deputies(world, 7)
    meeting = make_session(world)
    for d in deputies[:7]:
        services.attendance_set(meeting=meeting, deputy=d, status="出席", expected_version=NEW)
    return meeting


def test_votes_above_present_are_refused(session):
    with pytest.raises(ValidationError) as err:
        services.agenda_item_save(
            meeting=session,
            seq=1,
            title="政府工作报告",
            kind="报告",
            votes_for=6,
            votes_against=1,
            votes_abstain=1,
            expected_version=NEW,
        )
    assert "超过实到代表人数（7）" in str(err.value)
    assert not AgendaItem.objects.exists()


def test_item_passes_only_with_more_than_half_of_all_deputies(session):
    # 10 deputies: 5 for is not more than half even though 5 of 7 present voted for.
    item = services.agenda_item_save(
        meeting=session,
        seq=1,
        title="财政工作报告",
        kind="报告",
        votes_for=5,
        votes_against=2,
        expected_version=NEW,
    )
    assert item.outcome == "未通过"
    item = services.agenda_item_save(
        meeting=session,
        seq=1,
        title="财政工作报告",
        kind="报告",
        votes_for=6,
        votes_against=1,
        expected_version=item.version,
    )
    assert item.outcome == "通过" and AgendaItem.objects.count() == 1
    with pytest.raises(ValidationError) as err:
        services.agenda_item_save(
            meeting=session,
            seq=2,
            title="决议",
            kind="决议",
            outcome="通过",
            votes_for=5,
            expected_version=NEW,
        )
    assert "未超过全体代表的半数" in str(err.value)


def test_candidate_needs_more_than_half_of_all_deputies_not_of_present(session):
    election = services.election_record(
        meeting=session,
        office="乡人大主席团主席",
        candidates=[("甲某", 5), ("乙某", 2)],
        expected_version=NEW,
    )
    assert [c.elected for c in election.candidates.order_by("-votes")] == [False, False]
    election = services.election_record(
        meeting=session,
        office="乡人大主席团主席",
        candidates=[("甲某", 6), ("乙某", 1)],
        expected_version=election.version,
    )
    assert [(c.name, c.elected) for c in election.candidates.order_by("-votes")] == [
        ("甲某", True),
        ("乙某", False),
    ]


def test_candidate_votes_above_present_are_refused(session):
    with pytest.raises(ValidationError) as err:
        services.election_record(
            meeting=session, office="副乡长", candidates=[("丙某", 8)], expected_version=NEW
        )
    assert "超过实到代表人数" in str(err.value)
