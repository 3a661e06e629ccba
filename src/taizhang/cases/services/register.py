"""Registration of cases (登记) and the opinions that activities hand over."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from taizhang.cases.models import (
    OPINION_KINDS,
    Case,
    CaseAction,
    CaseEvent,
    CaseKind,
    CaseSponsor,
    Channel,
    Tier,
)
from taizhang.cases.numbering import case_number_next, case_numbers_advance
from taizhang.cases.services.transitions import compute_due
from taizhang.cases.workflow import GRAPHS
from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.records import reject_unknown
from taizhang.people.models import Deputy, DeputyLevel
from taizhang.people.validators import id_number_problem, validate_phone

MOTION_MIN_SPONSORS = 5
ALLOWED_FIELDS = {
    "content",
    "channel",
    "tier",
    "handling_unit",
    "village",
    "is_complex",
    "petitioner_name",
    "petitioner_phone",
    "petitioner_id_number",
    "petitioner_address",
    "petitioner",
    "amount",
    "source_type",
    "source_id",
    "code",
}
PETITION_CHANNELS = (Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.ONLINE)


def _check_sponsors(kind: str, township, registered: date, sponsors: list) -> None:
    in_office = (
        Deputy.objects.in_office_on(registered)
        .filter(person__in=[p.pk for p in sponsors])
        .values_list("person_id", "township_id", "level")
    )
    if kind == CaseKind.MOTION:
        eligible = {
            pid
            for pid, tid, level in in_office
            if tid == township.pk and level == DeputyLevel.TOWNSHIP
        }
        if len(eligible) < MOTION_MIN_SPONSORS:
            raise ValidationError(
                {
                    "sponsors": f"议案须由{MOTION_MIN_SPONSORS}名以上本乡镇在任代表联名提出，"
                    f"目前符合条件的仅{len(eligible)}名。"
                }
            )
    elif kind == CaseKind.SUGGESTION and not in_office:
        raise ValidationError({"sponsors": "建议须由至少一名在任代表提出。"})


def _check_fields(kind: str, township, fields: dict) -> None:
    reject_unknown(fields, ALLOWED_FIELDS)
    errors = {}
    if kind == CaseKind.PETITION:
        if fields.get("channel") not in PETITION_CHANNELS:
            errors["channel"] = "信访来源渠道须为来信、来访、电话或网上。"
        if not (fields.get("petitioner_name") or "").strip():
            errors["petitioner_name"] = "请填写信访人姓名。"
    if fields.get("petitioner_phone"):
        try:
            validate_phone(fields["petitioner_phone"])
        except ValidationError as exc:
            errors["petitioner_phone"] = exc.messages[0]
    if fields.get("petitioner_id_number"):
        problem = id_number_problem(fields["petitioner_id_number"])
        if problem:
            errors["petitioner_id_number"] = problem
    village = fields.get("village")
    if village is not None and (village.kind != "village" or village.township_id != township.pk):
        errors["village"] = "所在村须为本乡镇的村。"
    unit = fields.get("handling_unit")
    if unit is not None and unit.township_id != township.pk:
        errors["handling_unit"] = "承办单位须为本乡镇的单位。"
    if kind in OPINION_KINDS and unit is None:
        errors["handling_unit"] = "请选择承办单位。"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def case_register(
    *,
    kind: str,
    township,
    title: str,
    registered: date,
    sponsors=(),
    actor=None,
    **fields,
) -> Case:
    """Register a case of ``kind`` in ``township``; the first sponsor is the lead."""
    if kind not in CaseKind.values:
        raise ValidationError({"kind": "请选择正确的事项类别。"})
    if getattr(township, "kind", None) != "township":
        raise ValidationError({"township": "请选择乡镇。"})
    if not isinstance(registered, date):
        raise ValidationError({"registered": "请填写正确的登记日期。"})
    if registered > timezone.localdate():
        raise ValidationError({"registered": "登记日期不能晚于今天。"})
    if not (title or "").strip():
        raise ValidationError({"title": "请填写标题。"})
    sponsors = list(dict.fromkeys(sponsors))
    _check_sponsors(kind, township, registered, sponsors)
    _check_fields(kind, township, fields)
    graph = GRAPHS[kind]
    code = fields.pop("code", "")
    if code:
        case_numbers_advance([(township.pk, kind, code)])
    else:
        code = case_number_next(township_id=township.pk, kind=kind, year=registered.year)
    case = Case(
        kind=kind,
        township=township,
        county_id=township.county_id,
        title=title.strip(),
        code=code,
        registered=registered,
        state=graph.initial,
        registered_by=actor if getattr(actor, "pk", None) else None,
        **fields,
    )
    if kind in OPINION_KINDS:
        case.assigned = registered
        case.channel = case.channel or Channel.ACTIVITY
    if kind == CaseKind.PETITION and case.village_id and not case.tier:
        case.tier = Tier.VILLAGE
    rule = graph.due_on.get(CaseAction.REGISTER)
    if rule:
        case.due = compute_due(rule, registered)
    case.full_clean()
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError as exc:
        raise ValidationError({"code": f"编号“{code}”已存在，请重试。"}) from exc
    CaseSponsor.objects.bulk_create(
        [CaseSponsor(case=case, person=p, is_lead=(i == 0)) for i, p in enumerate(sponsors)]
    )
    CaseEvent.objects.create(
        case=case,
        action=CaseAction.ASSIGN if kind in OPINION_KINDS else CaseAction.REGISTER,
        from_state="",
        to_state=case.state,
        on=registered,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor.display_name if getattr(actor, "pk", None) else "系统",
    )
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        obj=case,
        summary=f"登记{kind} {case.code}",
    )
    return case


def opinion_create(
    *,
    kind: str,
    township,
    title: str,
    content: str = "",
    unit,
    source_type: str,
    source_id: int,
    registered: date,
    actor=None,
) -> Case:
    """Create a 评议意见/视察意见/述职意见 already assigned (已交办) to ``unit``."""
    if kind not in OPINION_KINDS:
        raise ValidationError({"kind": "意见类别须为评议意见、视察意见或述职意见。"})
    return case_register(
        kind=kind,
        township=township,
        title=title,
        registered=registered,
        actor=actor,
        content=content,
        handling_unit=unit,
        source_type=source_type,
        source_id=source_id,
        channel=Channel.ACTIVITY,
    )


@transaction.atomic
def case_link(*, case: Case, other: Case, actor=None) -> None:
    """Link two cases of one township (e.g. repeated petitions on one subject)."""
    if case.pk == other.pk or case.township_id != other.township_id:
        raise ValidationError("只能关联本乡镇的其他事项。")
    case.related.add(other)
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=case,
        summary=f"{case.code} 关联 {other.code}",
    )
