"""Writes to the cadre ledgers; each audited."""

from __future__ import annotations

from django.db import transaction

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.versioning import save_versioned
from taizhang.ledger.models import Indicator, Project, WorkEntry

PROJECT_FIELDS = [
    "code",
    "township",
    "name",
    "kind",
    "responsible",
    "portfolio",
    "intended_funds",
    "arrived_funds",
    "area",
    "annual_output",
    "taxes",
    "status",
]
INDICATOR_FIELDS = [
    "township",
    "year",
    "name",
    "unit",
    "target",
    "actual",
    "responsible",
    "portfolio",
    "rank",
    "rank_change",
]
ENTRY_FIELDS = ["person", "date", "portfolio", "matter", "content"]
FIELDS = {Project: PROJECT_FIELDS, Indicator: INDICATOR_FIELDS, WorkEntry: ENTRY_FIELDS}
LABELS = {Project: "项目", Indicator: "指标", WorkEntry: "工作记录"}


def _create(model, *, actor, request, values: dict):
    obj = model(**{k: v for k, v in values.items() if k in FIELDS[model]})
    obj.full_clean()
    obj.save()
    audit_record(
        kind=AuditKind.CREATE, user=actor, request=request, obj=obj,
        summary=f"新增{LABELS[model]} {obj.pk}",
    )  # fmt: skip
    return obj


def _update(obj, *, expected_version, actor, request, values: dict):
    model = type(obj)
    for key, value in values.items():
        if key in FIELDS[model]:
            setattr(obj, key, value)
    changed = save_versioned(obj, expected_version=expected_version, fields=FIELDS[model])
    audit_record(
        kind=AuditKind.UPDATE, user=actor, request=request, obj=obj,
        summary=f"修改{LABELS[model]} {obj.pk}：{'、'.join(changed) or '无变化'}",
    )  # fmt: skip
    return obj


@transaction.atomic
def project_create(*, actor=None, request=None, **values) -> Project:
    return _create(Project, actor=actor, request=request, values=values)


@transaction.atomic
def project_update(
    *, project: Project, expected_version: int | None, actor=None, request=None, **values
) -> Project:
    return _update(
        project, expected_version=expected_version, actor=actor, request=request, values=values
    )


@transaction.atomic
def indicator_create(*, actor=None, request=None, **values) -> Indicator:
    return _create(Indicator, actor=actor, request=request, values=values)


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, expected_version: int | None, actor=None, request=None, **values
) -> Indicator:
    return _update(
        indicator, expected_version=expected_version, actor=actor, request=request, values=values
    )


@transaction.atomic
def work_entry_create(*, actor=None, request=None, **values) -> WorkEntry:
    return _create(WorkEntry, actor=actor, request=request, values=values)


@transaction.atomic
def work_entry_update(
    *, entry: WorkEntry, expected_version: int | None, actor=None, request=None, **values
) -> WorkEntry:
    return _update(
        entry, expected_version=expected_version, actor=actor, request=request, values=values
    )
