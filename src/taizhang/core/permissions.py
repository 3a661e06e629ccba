"""Permission helpers for views: role permission first, then data scope (404 outside)."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.roles import has_permission


def deny(request, permission: str) -> PermissionDenied:
    audit_record(
        kind=AuditKind.DENIED,
        request=request,
        outcome="拒绝",
        summary=f"{request.method} {request.path} 需要权限 {permission}",
    )
    return PermissionDenied("您没有权限执行此操作。")


def user_can(user, permission: str) -> bool:
    return bool(user.is_authenticated and has_permission(user.role, permission))


def require(permission: str):
    """Refuse the view with 403 (and an audit event) unless the role grants ``permission``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not user_can(request.user, permission):
                raise deny(request, permission)
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def get_for_user(queryset, user, **lookup):
    """Fetch one object through the queryset's ``for_user`` scope; outside scope is 404."""
    try:
        return queryset.for_user(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("未找到该记录，或您无权查看。") from exc
