"""Writes to persons, deputies and cadre posts; each audited."""

from __future__ import annotations

from django.db import transaction

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.models import OrgUnit
from taizhang.core.versioning import save_versioned
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
def person_create(*, actor=None, request=None, **values) -> Person:
    person = Person(**{k: v for k, v in values.items() if k in PERSON_FIELDS})
    person.id_number = person.id_number.strip().upper()
    _place(person, person.unit)
    person.full_clean()
    person.save()
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        request=request,
        obj=person,
        summary=f"新增人员 {person.name}",
    )
    return person


@transaction.atomic
def person_update(
    *, person: Person, expected_version: int | None, actor=None, request=None, **values
) -> Person:
    for key, value in values.items():
        if key in PERSON_FIELDS:
            setattr(person, key, value)
    person.id_number = person.id_number.strip().upper()
    _place(person, person.unit)
    changed = save_versioned(
        person,
        expected_version=expected_version,
        fields=[*PERSON_FIELDS, "county", "township", "village"],
    )
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        request=request,
        obj=person,
        summary=f"修改人员 {person.name}：{'、'.join(changed) or '无变化'}",
    )
    return person


@transaction.atomic
def person_delete(*, person: Person, actor=None, request=None) -> None:
    name, pk = person.name, person.pk
    person.delete()
    audit_record(
        kind=AuditKind.DELETE,
        user=actor,
        request=request,
        object_type="people.Person",
        object_id=pk,
        summary=f"删除人员 {name}",
    )


def person_reveal(*, person: Person, actor, request=None) -> Person:
    """Record that ``actor`` looked at the unmasked personal data of ``person``."""
    audit_record(
        kind=AuditKind.REVEAL,
        user=actor,
        request=request,
        obj=person,
        summary=f"查看 {person.name} 的完整个人信息",
    )
    return person


@transaction.atomic
def deputy_create(*, person: Person, actor=None, request=None, **values) -> Deputy:
    deputy = Deputy(person=person, **{k: v for k, v in values.items() if k in DEPUTY_FIELDS})
    deputy.full_clean()
    deputy.save()
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        request=request,
        obj=deputy,
        summary=f"新增代表 {person.name}（{deputy.level}{deputy.term}）",
    )
    return deputy


@transaction.atomic
def deputy_update(
    *, deputy: Deputy, expected_version: int | None, actor=None, request=None, **values
) -> Deputy:
    for key, value in values.items():
        if key in DEPUTY_FIELDS:
            setattr(deputy, key, value)
    changed = save_versioned(deputy, expected_version=expected_version, fields=DEPUTY_FIELDS)
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        request=request,
        obj=deputy,
        summary=f"修改代表 {deputy.person.name}：{'、'.join(changed) or '无变化'}",
    )
    return deputy


@transaction.atomic
def post_create(*, person: Person, actor=None, request=None, **values) -> CadrePost:
    post = CadrePost(person=person, **{k: v for k, v in values.items() if k in POST_FIELDS})
    post.full_clean()
    post.save()
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        request=request,
        obj=post,
        summary=f"新增职务 {person.name} {post.title}",
    )
    return post


@transaction.atomic
def post_update(
    *, post: CadrePost, expected_version: int | None, actor=None, request=None, **values
) -> CadrePost:
    for key, value in values.items():
        if key in POST_FIELDS:
            setattr(post, key, value)
    changed = save_versioned(post, expected_version=expected_version, fields=POST_FIELDS)
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        request=request,
        obj=post,
        summary=f"修改职务 {post.person.name}：{'、'.join(changed) or '无变化'}",
    )
    return post
