"""Every transition, allowed and denied, for every persona, through the HTTP action form."""

from __future__ import annotations

import pytest

from taizhang.cases.models import Case

from .helpers import PERSONAS, action_data, make

# (kind, path to the source state, action, personas allowed, unit to assign to)
MATRIX = [
    ("议案", [], "立案", {"alice"}, None),
    ("议案", [], "转为建议", {"alice"}, None),
    ("建议", [], "交办", {"alice"}, None),
    ("建议", ["交办"], "签收", {"bob"}, None),
    ("建议", ["交办"], "退回", {"bob"}, None),
    ("建议", ["交办", "签收"], "申请延期", {"bob"}, None),
    ("建议", ["交办", "签收", "申请延期"], "批准延期", {"alice"}, None),
    ("建议", ["交办", "签收", "申请延期"], "驳回延期", {"alice"}, None),
    ("建议", ["交办", "签收"], "答复", {"bob"}, None),
    ("建议", ["交办", "签收", "答复"], "评价", {"dave"}, None),
    ("建议", ["交办", "签收", "答复"], "评价", {"dave"}, None),
    ("建议", ["交办", "退回"], "交办", {"alice"}, None),
    ("信访", [], "受理", {"alice", "carol"}, None),
    ("信访", [], "不予受理", {"alice", "carol"}, None),
    ("信访", ["受理"], "交办", {"alice", "carol"}, None),
    ("信访", ["受理", "交办"], "调查", {"carol"}, None),
    ("信访", ["受理", "交办"], "升级", {"alice", "carol"}, None),
    ("信访", ["受理", "交办", "调查"], "答复", {"carol"}, None),
    ("信访", ["受理", "交办", "调查"], "申请延期", {"carol"}, None),
    ("信访", ["受理", "交办", "调查", "申请延期"], "批准延期", {"alice"}, None),
    ("信访", ["受理", "交办", "调查", "答复"], "办结", {"alice", "carol"}, None),
    ("信访", ["受理", "交办", "调查", "答复", "办结"], "回访", {"alice", "carol"}, None),
    ("信访", ["受理", "交办"], "调查", {"bob"}, "station"),
    ("评议意见", [], "整改", {"bob"}, None),
    ("视察意见", ["整改"], "反馈", {"bob"}, None),
    ("述职意见", ["整改", "反馈"], "办结", {"alice"}, None),
    ("评议意见", [], "申请延期", {"bob"}, None),
    ("救助", [], "核实", {"bob", "carol"}, None),
    ("救助", ["核实"], "上报", {"bob", "carol"}, None),
    ("救助", ["核实", "上报"], "审批", {"bob"}, None),
    ("救助", ["核实", "上报", "审批"], "发放", {"bob"}, None),
    ("救助", ["核实", "上报", "审批", "发放"], "建档", {"bob"}, None),
]
REDO = [
    # (path, action, allowed) reached with an unsatisfied or satisfied rating
    ("不满意", "重办", {"alice"}),
    ("满意", "办结", {"alice"}),
]


@pytest.fixture
def world_with_sponsors(world, sponsors):
    world.extra_sponsors = sponsors[1:5]
    return world


def _post(client, world, case, action):
    url = f"/cases/{case.pk}/act/{action}/"
    return client.post(url, {**action_data(world, case, action), "version": case.version})


@pytest.mark.parametrize(("kind", "path", "action", "allowed", "unit"), MATRIX)
def test_transition_allowed_and_denied_per_role(
    client, world_with_sponsors, kind, path, action, allowed, unit
):
    world = world_with_sponsors
    for persona in PERSONAS:
        case = make(world, kind, path, unit=world.station if unit else None)
        client.force_login(world.users[persona])
        response = _post(client, world, case, action)
        after = Case.objects.get(pk=case.pk)
        if persona in allowed:
            assert response.status_code == 302, (persona, response.content.decode()[:800])
            assert after.version == case.version + 1
            assert after.events.last().action == action
        else:
            assert response.status_code in (403, 404), persona
            assert after.version == case.version
            assert after.state == case.state


@pytest.mark.parametrize(("rating", "action", "allowed"), REDO)
def test_presidium_alone_reopens_or_closes_after_rating(
    client, world_with_sponsors, rating, action, allowed
):
    from taizhang.cases.services import case_transition

    world = world_with_sponsors
    for persona in PERSONAS:
        case = make(world, "建议", ["交办", "签收", "答复"])
        case = case_transition(case=case, action="评价", actor=None, satisfaction=rating)
        client.force_login(world.users[persona])
        response = _post(client, world, case, action)
        after = Case.objects.get(pk=case.pk)
        if persona in allowed:
            assert response.status_code == 302
            assert after.state == ("办理中" if action == "重办" else "已办结")
        else:
            assert response.status_code in (403, 404)
            assert after.state == case.state
