"""Org tree writes: units with their denormalised ancestors, groups and districts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.models import ALLOWED_PARENTS, DeputyGroup, District, OrgKind, OrgUnit


def _ancestors(kind: str, parent: OrgUnit | None) -> dict:
    """Each unit points at its county, township and village, itself included."""
    links = {
        "county": parent.county if parent else None,
        "township": parent.township if parent else None,
        "village": parent.village if parent else None,
    }
    for level in ("county", "township", "village"):
        if kind == level:
            links[level] = None  # set to self after the first save
    return links


@transaction.atomic
def org_unit_create(
    *, name: str, kind: str, parent: OrgUnit | None = None, code: str = "", actor=None
) -> OrgUnit:
    """Create a unit under ``parent``, refusing a kind that cannot sit there."""
    allowed = ALLOWED_PARENTS[kind]
    if allowed and (parent is None or parent.kind not in allowed):
        names = "、".join(OrgKind(k).label for k in allowed)
        raise ValidationError({"parent": f"{OrgKind(kind).label}的上级必须是{names}"})
    if not allowed and parent is not None:
        raise ValidationError({"parent": "县不能有上级单位"})
    unit = OrgUnit(name=name, kind=kind, parent=parent, code=code, **_ancestors(kind, parent))
    unit.full_clean()
    unit.save()
    if kind in ("county", "township", "village"):
        setattr(unit, kind, unit)
        unit.save(update_fields=[kind])
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        obj=unit,
        summary=f"新增{unit.get_kind_display()} {name}",
    )
    return unit


def org_unit_get_or_create(
    *, name: str, kind: str, parent: OrgUnit | None = None, code: str = ""
) -> tuple[OrgUnit, bool]:
    unit = OrgUnit.objects.filter(name=name, parent=parent).first()
    if unit is not None:
        return unit, False
    return org_unit_create(name=name, kind=kind, parent=parent, code=code), True


def deputy_group_get_or_create(*, township: OrgUnit, name: str) -> DeputyGroup:
    group, _ = DeputyGroup.objects.get_or_create(township=township, name=name)
    return group


def district_get_or_create(*, township: OrgUnit, name: str, number: int | None = None) -> District:
    district, _ = District.objects.get_or_create(
        township=township, name=name, defaults={"number": number}
    )
    return district
