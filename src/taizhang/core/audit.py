"""Audit trail writer: one call per audited action."""

from __future__ import annotations

from django.conf import settings

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
    return AuditEvent.objects.create(
        kind=kind,
        user=user,
        username=username or (user.username if user else ""),
        ip=client_ip(request),
        object_type=object_type,
        object_id=str(object_id or ""),
        outcome=outcome,
        summary=summary[:300],
    )


__all__ = ["AuditKind", "audit_record", "client_ip"]
