"""Optimistic locking for business records: a stale edit is refused, never merged silently.

Every write of an existing row names the version its writer read (a form carries it in a
hidden field). A write that names none, or one that is not a whole number, is refused like
a stale one: it would otherwise overwrite whatever another user saved meanwhile.
"""

from __future__ import annotations

from django.utils import timezone

# The version a form carries when it offered to create a row that did not exist yet.
NEW = 0

STALE = "该记录已被他人修改，请刷新页面后重新编辑。您的修改未保存。"
MISSING = (
    "提交内容缺少记录的版本号，无法确认您看到的是最新内容。请刷新页面后重新编辑。您的修改未保存。"
)
TAKEN = "该记录已由他人先行保存，请刷新页面核对后再修改。您的修改未保存。"
GONE = "该记录已被删除。"


class ConflictError(Exception):
    """Raised when a record changed between reading it and saving an edit."""


def parse_version(value) -> int | None:
    """Return a posted version as a whole number ≥ 0, or None when absent or malformed."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def _check(expected_version) -> int:
    version = parse_version(expected_version)
    if version is None:
        raise ConflictError(MISSING)
    return version


def save_versioned(obj, *, expected_version: int | None, fields: list[str]) -> list[str]:
    """Save ``fields`` of an existing row if its version is still ``expected_version``.

    Returns the verbose names of the fields that changed. Must run inside a transaction:
    the row is locked (PostgreSQL) or the write lock is already held (SQLite IMMEDIATE).
    """
    expected = _check(expected_version)
    model = type(obj)
    row = model.objects.select_for_update().filter(pk=obj.pk).values(*fields, "version").first()
    if row is None:
        raise ConflictError(GONE)
    if row["version"] != expected:
        raise ConflictError(STALE)
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


def current_version(model, **key) -> int:
    """The version of the row ``key`` names, or NEW: for scripts that read, then write."""
    row = model.objects.filter(**key).values_list("version", flat=True).first()
    return NEW if row is None else row


def save_or_create(model, *, key: dict, values: dict, expected_version: int | None):
    """Create the row ``key`` names, or update its ``values`` at ``expected_version``.

    ``expected_version`` is the version the writer read, or ``NEW`` (0) when it saw no row.
    Returns ``(row, created, changed field names)``. Run inside a transaction.
    """
    expected = _check(expected_version)
    row = model.objects.select_for_update().filter(**key).first()
    if row is None:
        if expected != NEW:
            raise ConflictError(GONE)
        row = model(**key, **values)
        row.full_clean()
        row.save()
        return row, True, []
    if expected == NEW:
        raise ConflictError(TAKEN)
    for name, value in values.items():
        setattr(row, name, value)
    return row, False, save_versioned(row, expected_version=expected, fields=list(values))
