"""Audit trail writer: one call per audited action, with the actor and address of the
request (or job) it runs in taken from the audit context, not passed down through services."""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass

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


@dataclass(frozen=True)
class AuditContext:
    """Who acts and from where: set once per request by ``AuditContextMiddleware``, or by
    ``audit_context`` around a job or a command."""

    ip: str | None = None
    request: object | None = None  # its user is read when the row is written (tokens log in late)
    user: object | None = None

    @property
    def actor(self):
        if self.user is not None:
            return self.user
        user = getattr(self.request, "user", None)
        return user if getattr(user, "is_authenticated", False) else None


_CONTEXT: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "taizhang_audit_context", default=None
)


def current_context() -> AuditContext:
    """The audit context of the running request or job (empty outside both)."""
    return _CONTEXT.get() or AuditContext()


@contextmanager
def audit_context(*, request=None, user=None, ip: str | None = None):
    """Run the block with ``request`` (or ``user`` and ``ip``) as the audit context."""
    token = _CONTEXT.set(
        AuditContext(ip=ip if request is None else client_ip(request), request=request, user=user)
    )
    try:
        yield
    finally:
        _CONTEXT.reset(token)


class AuditContextMiddleware:
    """Set the audit context for the request; services write audit rows without it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit_context(request=request):
            return self.get_response(request)


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
    """Append one event to the audit trail. ``summary`` must not hold personal data.

    The actor and address come from the audit context unless ``user`` or ``request`` is
    given (login signals and middleware, which run where the context may not be set).
    """
    context = current_context() if request is None else AuditContext(client_ip(request), request)
    if user is None:
        user = context.actor
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
        ip=AuditEvent._meta.get_field("ip").get_prep_value(context.ip),
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


__all__ = [
    "AuditContext",
    "AuditContextMiddleware",
    "AuditKind",
    "audit_context",
    "audit_record",
    "client_ip",
    "current_context",
]
