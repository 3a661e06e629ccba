"""The contracts other apps call: registration, opinions, counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from taizhang.cases.selectors import cases_submitted_by, opinion_counts
from taizhang.cases.services import case_register, case_transition, opinion_create


def test_it_rejects_motion_with_four_sponsors(world, sponsors):
    with pytest.raises(ValidationError) as exc:
        case_register(
            kind="议案",
            township=world.jia,
            title="议案",
            registered=date(2025, 4, 1),
            sponsors=sponsors[:4],
        )
    assert "仅4名" in str(exc.value)


def test_motion_with_five_sponsors_is_registered_and_counted(world, sponsors):
    motion = case_register(
        kind="议案",
        township=world.jia,
        title="关于道路的议案",
        registered=date(2025, 4, 1),
        sponsors=sponsors[:5],
    )
    assert motion.state == "已登记"
    assert motion.code == "议2025-0001"
    assert motion.lead_sponsor == world.people["dave"]
    case_transition(
        case=motion, action="转为建议", actor=None, note="作为建议处理", on=date(2025, 4, 21)
    )
    motion.refresh_from_db()
    assert motion.kind == "建议" and motion.converted_from_motion
    counts = cases_submitted_by(person_ids=[world.people["dave"].pk], year=2025)
    assert counts == {world.people["dave"].pk: {"议案": 1, "建议": 0}}


def test_opinion_create_starts_assigned_and_is_counted(world):
    case = opinion_create(
        kind="评议意见",
        township=world.jia,
        title="改进服务态度",
        unit=world.station,
        source_type="meetings.Activity",
        source_id=7,
        registered=date(2025, 6, 16),
    )
    assert case.state == "已交办"
    assert case.handling_unit == world.station
    assert case.events.get().action == "交办"
    assert opinion_counts(source_type="meetings.Activity", source_ids=[7, 8]) == {
        7: {"assigned": 1, "closed": 0, "case_ids": [case.pk], "open_ids": [case.pk]},
        8: {"assigned": 0, "closed": 0, "case_ids": [], "open_ids": []},
    }
