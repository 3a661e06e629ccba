"""Shared writes for business records: validated insert and versioned update, each audited."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.exceptions import ValidationError

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.versioning import save_or_create, save_versioned

R = TypeVar("R")


def reject_unknown(values, allowed: Iterable[str]) -> None:
    """Refuse, naming them, the keys of ``values`` that are none of the ``allowed`` fields:
    a misspelt or stale field is an error, never silently dropped."""
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValidationError(f"未知字段：{'、'.join(unknown)}，未保存。")


def pick(values: dict, fields: Iterable[str]) -> dict:
    """Return ``values``, which may name only the editable ``fields`` (else refused)."""
    fields = set(fields)
    reject_unknown(values, fields)
    return dict(values)


def assign(obj, values: dict, fields: Iterable[str]) -> None:
    """Set the editable ``fields`` of ``obj`` that ``values`` carries."""
    for key, value in pick(values, fields).items():
        setattr(obj, key, value)


def record_create(obj: R, *, actor=None, summary: str | Callable[[R], str]) -> R:
    """Validate and insert ``obj``, then audit it; ``summary`` may need the new row (its pk)."""
    obj.full_clean()
    obj.save()
    text = summary(obj) if callable(summary) else summary
    audit_record(kind=AuditKind.CREATE, user=actor, obj=obj, summary=text)
    return obj


def record_update(
    obj: R,
    *,
    expected_version: int | None,
    fields: list[str],
    summary: str,
    also_changed: Iterable[str] = (),
    actor=None,
) -> R:
    """Save ``fields`` of ``obj`` with optimistic locking; audit which of them changed.

    The audit summary is ``summary`` followed by the changed field names (or 无变化).
    """
    changed = [
        *save_versioned(obj, expected_version=expected_version, fields=fields),
        *also_changed,
    ]
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=obj,
        summary=f"{summary}：{'、'.join(changed) or '无变化'}",
    )
    return obj


def record_delete(obj, *, actor=None, summary: str) -> None:
    """Delete ``obj`` and audit it by its type and former id."""
    label, pk = obj._meta.label, obj.pk
    obj.delete()
    audit_record(
        kind=AuditKind.DELETE,
        user=actor,
        object_type=label,
        object_id=pk,
        summary=summary,
    )


def record_save(
    model,
    *,
    key: dict,
    values: dict,
    expected_version: int | None,
    summary: str,
    actor=None,
):
    """Create the row ``key`` names or update it at ``expected_version``; audit either way.

    The one create-or-update write for rows found by a natural key (a meeting's agenda item
    by its number, a township's quota by year and type...). ``expected_version`` is the
    version the writer read, or ``versioning.NEW`` when it saw no row; None is refused.
    """
    row, created, changed = save_or_create(
        model, key=key, values=values, expected_version=expected_version
    )
    audit_record(
        kind=AuditKind.CREATE if created else AuditKind.UPDATE,
        user=actor,
        obj=row,
        summary=summary if created else f"{summary}：{'、'.join(changed) or '无变化'}",
    )
    return row
