"""Optimistic locking for business records: a stale edit is refused, never merged silently."""

from __future__ import annotations

from django.utils import timezone


class ConflictError(Exception):
    """Raised when a record changed between reading it and saving an edit."""


def save_versioned(obj, *, expected_version: int | None, fields: list[str]) -> list[str]:
    """Save ``fields`` of an existing row if its version is still ``expected_version``.

    Returns the verbose names of the fields that changed. Must run inside a transaction:
    the row is locked (PostgreSQL) or the write lock is already held (SQLite IMMEDIATE).
    """
    model = type(obj)
    row = model.objects.select_for_update().filter(pk=obj.pk).values(*fields, "version").first()
    if row is None:
        raise ConflictError("该记录已被删除。")
    if expected_version is not None and row["version"] != expected_version:
        raise ConflictError("该记录已被他人修改，请刷新页面后重新编辑。您的修改未保存。")
    changed = [
        str(model._meta.get_field(f).verbose_name)
        for f in fields
        if row[f] != getattr(obj, model._meta.get_field(f).attname, getattr(obj, f, None))
    ]
    obj.version = row["version"] + 1
    obj.updated_at = timezone.now()
    obj.full_clean()
    obj.save(update_fields=[*fields, "version", "updated_at"])
    return changed
