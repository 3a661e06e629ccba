"""Writes to the cadre ledgers; each audited."""

from __future__ import annotations

from django.db import transaction

from taizhang.core.records import assign, pick, record_create, record_update
from taizhang.ledger.models import Indicator, Project, WorkEntry

PROJECT_FIELDS = [
    "code",
    "year",
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


def _create(model, *, actor, values: dict):
    return record_create(
        model(**pick(values, FIELDS[model])), actor=actor,
        summary=lambda obj: f"新增{LABELS[model]} {obj.pk}",
    )  # fmt: skip


def _update(obj, *, expected_version, actor, values: dict):
    fields = FIELDS[type(obj)]
    assign(obj, values, fields)
    return record_update(
        obj, expected_version=expected_version, fields=fields, actor=actor,
        summary=f"修改{LABELS[type(obj)]} {obj.pk}",
    )  # fmt: skip


@transaction.atomic
def project_create(*, actor=None, **values) -> Project:
    return _create(Project, actor=actor, values=values)


@transaction.atomic
def project_update(
    *, project: Project, expected_version: int | None, actor=None, **values
) -> Project:
    return _update(project, expected_version=expected_version, actor=actor, values=values)


@transaction.atomic
def indicator_create(*, actor=None, **values) -> Indicator:
    return _create(Indicator, actor=actor, values=values)


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, expected_version: int | None, actor=None, **values
) -> Indicator:
    return _update(indicator, expected_version=expected_version, actor=actor, values=values)


@transaction.atomic
def work_entry_create(*, actor=None, **values) -> WorkEntry:
    return _create(WorkEntry, actor=actor, values=values)


@transaction.atomic
def work_entry_update(
    *, entry: WorkEntry, expected_version: int | None, actor=None, **values
) -> WorkEntry:
    return _update(entry, expected_version=expected_version, actor=actor, values=values)
