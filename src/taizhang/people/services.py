"""Writes to persons, deputies and cadre posts; each audited."""

from __future__ import annotations

from django.db import transaction

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.models import OrgUnit
from taizhang.core.records import assign, pick, record_create, record_delete, record_update
from taizhang.people.models import CadrePost, Deputy, Person

PERSON_FIELDS = [
    "name",
    "gender",
    "birth_month",
    "ethnicity",
    "party",
    "education",
    "unit",
    "phone",
    "id_number",
    "address",
]
DEPUTY_FIELDS = [
    "level",
    "term",
    "township",
    "district",
    "group",
    "start",
    "end",
    "is_info_officer",
    "is_group_leader",
]
POST_FIELDS = ["unit", "title", "portfolios", "start", "end"]


def _place(person: Person, unit: OrgUnit) -> None:
    person.county_id, person.township_id, person.village_id = (
        unit.county_id,
        unit.township_id,
        unit.village_id,
    )


@transaction.atomic
def person_create(*, actor=None, **values) -> Person:
    person = Person(**pick(values, PERSON_FIELDS))
    person.id_number = person.id_number.strip().upper()
    _place(person, person.unit)
    return record_create(person, actor=actor, summary=lambda p: f"新增人员 #{p.pk}")


@transaction.atomic
def person_update(*, person: Person, expected_version: int | None, actor=None, **values) -> Person:
    assign(person, values, PERSON_FIELDS)
    person.id_number = person.id_number.strip().upper()
    _place(person, person.unit)
    return record_update(
        person,
        expected_version=expected_version,
        fields=[*PERSON_FIELDS, "county", "township", "village"],
        summary=f"修改人员 #{person.pk}",
        actor=actor,
    )


@transaction.atomic
def person_delete(*, person: Person, actor=None) -> None:
    record_delete(person, actor=actor, summary=f"删除人员 #{person.pk}")


def person_reveal(*, person: Person, actor) -> Person:
    """Record that ``actor`` looked at the unmasked personal data of ``person``."""
    audit_record(
        kind=AuditKind.REVEAL,
        user=actor,
        obj=person,
        summary=f"查看人员 #{person.pk} 的完整个人信息",
    )
    return person


@transaction.atomic
def deputy_create(*, person: Person, actor=None, **values) -> Deputy:
    deputy = Deputy(person=person, **pick(values, DEPUTY_FIELDS))

    def summary(d):
        return f"新增代表 #{d.pk}（人员 #{person.pk}，{d.level}{d.term}）"

    return record_create(deputy, actor=actor, summary=summary)


@transaction.atomic
def deputy_update(*, deputy: Deputy, expected_version: int | None, actor=None, **values) -> Deputy:
    assign(deputy, values, DEPUTY_FIELDS)
    return record_update(
        deputy,
        expected_version=expected_version,
        fields=DEPUTY_FIELDS,
        summary=f"修改代表 #{deputy.pk}（人员 #{deputy.person_id}）",
        actor=actor,
    )


@transaction.atomic
def post_create(*, person: Person, actor=None, **values) -> CadrePost:
    post = CadrePost(person=person, **pick(values, POST_FIELDS))

    def summary(p):
        return f"新增职务 #{p.pk}（人员 #{person.pk}，{p.title}）"

    return record_create(post, actor=actor, summary=summary)


@transaction.atomic
def post_update(
    *, post: CadrePost, expected_version: int | None, actor=None, **values
) -> CadrePost:
    assign(post, values, POST_FIELDS)
    return record_update(
        post,
        expected_version=expected_version,
        fields=POST_FIELDS,
        summary=f"修改职务 #{post.pk}（人员 #{post.person_id}）",
        actor=actor,
    )
