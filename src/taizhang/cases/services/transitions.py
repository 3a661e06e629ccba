"""The one workflow engine: every state change of a case goes through ``case_transition``."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.cases import calendar
from taizhang.cases.models import (
    Case,
    CaseAction,
    CaseEvent,
    CaseKind,
    CaseState,
    Satisfaction,
    Tier,
)
from taizhang.cases.reminders import NoticeKind
from taizhang.cases.services.notify import notice_create
from taizhang.cases.workflow import GRAPHS, DueRule, case_roles, guard_ok
from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.models import OrgKind
from taizhang.core.records import reject_unknown
from taizhang.core.versioning import ConflictError, save_versioned

FIELD_LABELS = {
    "unit": "承办单位",
    "note": "说明",
    "requested_due": "申请延期至",
    "answer_text": "答复内容",
    "answer_signer": "签发人",
    "answer_method": "办理方式",
    "satisfaction": "满意度",
    "amount": "金额",
}
# Every field a step may carry besides the business date, note and files.
STEP_FIELDS = (*FIELD_LABELS, "is_complex")
ANSWER_METHODS = ("答复", "调处")
HANDLING_KINDS = ("village", "station", "department", "enterprise")
PETITION_EXTENSION_DAYS = 30
DATE_FIELDS = ("registered", "accepted", "assigned", "signed", "answered", "closed")


def compute_due(rule: DueRule, start: date, *, is_complex: bool = False) -> date:
    """Return the due date ``rule`` gives for a step taken on ``start``."""
    amount = rule.complex_amount if is_complex and rule.complex_amount else rule.amount
    if rule.unit == "working":
        return calendar.add_working_days(start, amount)
    if rule.unit == "months":
        return calendar.add_months(start, amount)
    return start + timedelta(days=amount)


def due_from_dates(
    *, kind: str, registered: date, accepted=None, assigned=None, is_complex: bool = False
) -> date | None:
    """Return the due date a case carries after the dated steps, as ``case_transition`` sets it.

    The latest step with a deadline rule decides: assignment (交办) for motions and
    suggestions, acceptance (受理) for petitions, else registration (登记). Used where cases
    arrive with their dates rather than step by step (the workbook import).
    """
    graph = GRAPHS[kind]
    for action, day in (
        (CaseAction.ASSIGN, assigned),
        (CaseAction.ACCEPT, accepted),
        (CaseAction.REGISTER, registered),
    ):
        rule = graph.due_on.get(action)
        if rule is not None and day is not None:
            return compute_due(rule, day, is_complex=is_complex)
    return None


def _today() -> date:
    return timezone.localdate()


def _latest_date(case: Case) -> date:
    dates = [getattr(case, f) for f in DATE_FIELDS if getattr(case, f)]
    last = case.events.order_by("-on").values_list("on", flat=True).first()
    if last:
        dates.append(last)
    return max(dates)


def _check_permission(actor, case: Case, transition) -> None:
    if actor is None:  # system actions (demo loader, imports)
        return
    roles = case_roles(actor, case)
    allowed = actor.can("cases.act") or ("lead" in roles and actor.can("cases.submit"))
    if not allowed or not roles & transition.roles:
        raise PermissionDenied(f"您无权对该事项执行“{transition.action}”。")


def _required(transition, data: dict) -> None:
    errors = {}
    for name in transition.required:
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors[name] = f"请填写{FIELD_LABELS.get(name, name)}。"
    if errors:
        raise ValidationError(errors)


def _accept(case, on, data, put):
    put("accepted", on)
    put("due", compute_due(GRAPHS[case.kind].due_on[CaseAction.ACCEPT], on))


def _assign(case, on, data, put):
    unit = data["unit"]
    if unit.kind not in HANDLING_KINDS or unit.township_id != case.township_id:
        raise ValidationError({"unit": "承办单位须为本乡镇的村、站所、部门或企业。"})
    if case.kind == CaseKind.PETITION:
        is_village = unit.kind == OrgKind.VILLAGE
        put("tier", Tier.VILLAGE if is_village else Tier.TOWNSHIP)
        if is_village:
            put("village", unit)
    else:
        if data.get("is_complex") is not None:
            put("is_complex", bool(data["is_complex"]))
        due_on = GRAPHS[case.kind].due_on[CaseAction.ASSIGN]
        put("due", compute_due(due_on, on, is_complex=case.is_complex))
    put("handling_unit", unit)
    put("assigned", on)
    put("signed", None)


def _request_extension(case, on, data, put):
    requested = data["requested_due"]
    base = case.due or on
    if requested <= base:
        raise ValidationError({"requested_due": f"申请延期至的日期须晚于现办理期限（{base}）。"})
    limit = base + timedelta(days=PETITION_EXTENSION_DAYS)
    if case.kind == CaseKind.PETITION and requested > limit:
        raise ValidationError({"requested_due": "信访事项延期不得超过30日。"})
    put("extension_due", requested)


def _grant_extension(case, on, data, put):
    put("due", case.extension_due)
    put("extension_due", None)
    put("extension_count", case.extension_count + 1)


def _answer(case, on, data, put):
    if case.kind == CaseKind.PETITION and data.get("answer_method") not in ANSWER_METHODS:
        raise ValidationError({"answer_method": "办理方式须为“答复”或“调处”。"})
    put("answered", on)
    put("answer_text", data["answer_text"].strip())
    for name in ("answer_signer", "answer_method"):
        if data.get(name):
            put(name, data[name].strip())


def _rate(case, on, data, put):
    if data["satisfaction"] not in Satisfaction.values:
        raise ValidationError({"satisfaction": "满意度须为满意、基本满意或不满意。"})
    put("satisfaction", data["satisfaction"])


def _escalate(case, on, data, put):
    put("tier", "乡镇")
    for name in ("handling_unit", "assigned", "signed"):
        put(name, None)


def _pay(case, on, data, put):
    try:
        amount = Decimal(str(data["amount"]))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"amount": "金额须为数字。"}) from exc
    if amount <= 0 or amount >= Decimal("1e10"):
        raise ValidationError({"amount": "金额须大于0且小于100亿元。"})
    put("amount", amount)


def _convert(case, on, data, put):
    put("kind", CaseKind.SUGGESTION)
    put("converted_from_motion", True)


def _close(case, on, data, put):
    put("closed", on)


def _sign(case, on, data, put):
    put("signed", on)


def _redo(case, on, data, put):
    put("redo_count", case.redo_count + 1)
    put("satisfaction", "")


# What each action of the workflow graphs (cases/workflow.py) sets on the case.
A = CaseAction
EFFECTS = {
    A.CONVERT: _convert, A.ACCEPT: _accept, A.REJECT: _close, A.ARCHIVE: _close,
    A.ASSIGN: _assign, A.SIGN: _sign, A.INVESTIGATE: _sign, A.RECTIFY: _sign,
    A.REQUEST_EXTENSION: _request_extension, A.GRANT_EXTENSION: _grant_extension,
    A.REFUSE_EXTENSION: lambda case, on, data, put: put("extension_due", None),
    A.ANSWER: _answer, A.FEED_BACK: _answer, A.RATE: _rate, A.FOLLOW_UP: _rate,
    A.REDO: _redo, A.CLOSE: _close, A.ESCALATE: _escalate, A.DISBURSE: _pay,
}  # fmt: skip


def _apply(case: Case, action: str, on: date, data: dict) -> list[str]:
    """Change the fields ``action`` sets; return their names."""
    changed: list[str] = []

    def put(name, value):
        setattr(case, name, value)
        changed.append(name)

    effect = EFFECTS.get(action)
    if effect is not None:
        effect(case, on, data, put)
    return changed


def _target(case: Case, transition, data: dict) -> str:
    if transition.action == CaseAction.RATE:
        if data["satisfaction"] == Satisfaction.UNSATISFIED:
            return CaseState.REDO_PENDING
        return CaseState.RATED
    return transition.target or case.state


@transaction.atomic
def case_transition(
    *,
    case: Case,
    action: str,
    actor,
    expected_version: int | None = None,
    on: date | None = None,
    note: str = "",
    files=(),
    **data,
) -> Case:
    """Make one workflow step on ``case`` and return the updated row.

    ``data`` carries the step's fields (unit, requested_due, answer_text, answer_signer,
    answer_method, satisfaction, amount, is_complex). ``on`` is the business date
    (default today); it may not precede the case's previous step nor be in the future.
    """
    reject_unknown(data, STEP_FIELDS)
    fresh = Case.objects.select_for_update().filter(pk=case.pk).first()
    if fresh is None:
        raise ConflictError("该事项已被删除。")
    if expected_version is not None and fresh.version != expected_version:
        raise ConflictError("该事项已被他人处理，请刷新页面后重试。您的操作未保存。")
    graph = GRAPHS[fresh.kind]
    transition = graph.transitions.get(action)
    if transition is None:
        raise ValidationError(f"“{fresh.get_kind_display()}”没有“{action}”这一操作。")
    _check_permission(actor, fresh, transition)
    if fresh.state not in transition.sources or not guard_ok(transition.guard, fresh):
        raise ValidationError(f"事项当前状态为“{fresh.state}”，不能执行“{action}”。")
    data = {**data, "note": note}
    _required(transition, data)
    on = on or _today()
    if on > _today():
        raise ValidationError({"on": "办理日期不能晚于今天。"})
    latest = _latest_date(fresh)
    if on < latest:
        raise ValidationError({"on": f"办理日期不能早于上一环节的日期（{latest:%Y-%m-%d}）。"})
    from_state = fresh.state
    fields = _apply(fresh, action, on, data)
    fresh.state = _target(fresh, transition, data)
    save_versioned(fresh, expected_version=fresh.version, fields=sorted({*fields, "state"}))
    event = CaseEvent.objects.create(
        case=fresh,
        action=action,
        from_state=from_state,
        to_state=fresh.state,
        on=on,
        actor=actor,
        actor_name=(actor.display_name if actor else "系统"),
        note=note.strip(),
    )
    if files:
        from taizhang.cases.services.support import attachment_add

        for upload in files:
            attachment_add(case=fresh, upload=upload, actor=actor, event=event)
    audit_record(
        kind=AuditKind.TRANSITION,
        user=actor,
        obj=fresh,
        summary=f"{fresh.code} {action}：{from_state}→{fresh.state}",
    )
    if action == CaseAction.ASSIGN and fresh.handling_unit_id:
        _notify_assigned(fresh, actor, note)
    return fresh


def _notify_assigned(case: Case, actor, note: str) -> None:
    """Tell the handling unit's users that the case is theirs (in the app, email, SMS)."""
    due = f"，办理期限{case.due:%Y-%m-%d}" if case.due else ""
    text = f"已交办贵单位办理{due}。{note.strip()}"
    notice_create(
        case=case, kind=NoticeKind.ASSIGNED, unit_id=case.handling_unit_id, note=text, by=actor
    )
