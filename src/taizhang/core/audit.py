"""Audit trail writer: one call per audited action."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from taizhang.core.auditchain import chain_head, link_hash
from taizhang.core.models import AuditEvent, AuditKind


def client_ip(request) -> str | None:
    """Return the client address; trust X-Forwarded-For only behind a configured proxy."""
    if request is None:
        return None
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    kind: str,
    user=None,
    request=None,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    outcome: str = "成功",
    summary: str = "",
    username: str = "",
) -> AuditEvent:
    """Append one event to the audit trail. ``summary`` must not hold personal data."""
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or obj.pk
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    event = AuditEvent(
        at=timezone.now(),
        kind=kind,
        user=user,
        username=_clean(username or (user.username if user else ""), 150),
        ip=AuditEvent._meta.get_field("ip").get_prep_value(client_ip(request)),
        object_type=_clean(object_type, 64),
        object_id=_clean(str(object_id or ""), 64),
        outcome=_clean(outcome, 8),
        summary=_clean(summary, 300),
    )
    with transaction.atomic():
        event.prev_hash = chain_head()
        event.hash = link_hash(event.prev_hash, {**vars(event), "user_id": event.user_id})
        event.save(force_insert=True)
    return event


def _clean(text: str, limit: int) -> str:
    """Drop NUL bytes (PostgreSQL refuses them) and cut to the column's length."""
    return str(text or "").replace("\x00", "")[:limit]


__all__ = ["AuditKind", "audit_record", "client_ip"]
