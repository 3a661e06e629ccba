"""Build cases in a given state through the services (actor None = system)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from taizhang.cases.services import case_register, case_transition, opinion_create

PERSONAS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]


def action_data(world, case, action: str) -> dict:
    """Valid form data for ``action`` on ``case`` (as the HTTP form expects it)."""
    data = {"note": "说明理由"}
    if action == "交办":
        data["unit"] = (world.village1 if case.kind == "信访" else world.station).pk
    elif action == "申请延期":
        data["requested_due"] = (case.due or timezone.localdate()).replace(day=1).isoformat()
        data["requested_due"] = str(date.fromordinal(case.due.toordinal() + 20))
    elif action == "答复":
        data.update(answer_text="已处理", answer_signer="李四", answer_method="调处")
    elif action == "反馈":
        data["answer_text"] = "已整改"
    elif action in ("评价", "回访"):
        data["satisfaction"] = "满意"
    elif action == "发放":
        data["amount"] = "3000"
    return data


def make(world, kind: str, path: list[str], *, unit=None) -> object:
    """Register a case of ``kind`` in 甲乡 and take it through ``path`` as the system."""
    registered = date(2025, 3, 3)
    if kind in ("建议", "议案"):
        sponsors = [world.people["dave"]] + (world.extra_sponsors if kind == "议案" else [])
        case = case_register(
            kind=kind,
            township=world.jia,
            title="关于修路的建议",
            registered=registered,
            sponsors=sponsors,
        )
    elif kind == "信访":
        case = case_register(
            kind=kind,
            township=world.jia,
            title="宅基地纠纷",
            registered=registered,
            channel="来访",
            petitioner_name="赵某某",
            village=world.village1,
        )
    elif kind == "救助":
        case = case_register(
            kind=kind,
            township=world.jia,
            title="危房改造申请",
            registered=registered,
            village=world.village1,
            petitioner_name="钱某",
            handling_unit=world.station,
        )
    else:
        case = opinion_create(
            kind=kind,
            township=world.jia,
            title="改进服务",
            unit=world.station,
            source_type="meetings.Activity",
            source_id=1,
            registered=registered,
        )
    for action in path:
        data = action_data(world, case, action)
        if "unit" in data:
            data["unit"] = unit or (world.village1 if kind == "信访" else world.station)
        if "requested_due" in data:
            data["requested_due"] = date.fromisoformat(data["requested_due"])
        case = case_transition(case=case, action=action, actor=None, on=date(2025, 3, 10), **data)
    return case
