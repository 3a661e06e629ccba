"""Token writes and look-up: issue (shown once), revoke, authenticate by digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.api.models import ApiToken, TokenScope
from taizhang.core.audit import AuditKind, audit_record

TOKEN_PREFIX = "tz_"
MAX_DAYS = 366


def token_digest(raw: str) -> str:
    """Return the SHA-256 hex digest kept in place of the token (256 random bits in)."""
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(
    *,
    user,
    name: str,
    scope: str = TokenScope.READ,
    days: int | None = None,
    actor=None,
) -> tuple[ApiToken, str]:
    """Issue a token for ``user``; return the row and the raw token, which is never stored."""
    name = (name or "").strip()
    errors = {}
    if not name:
        errors["name"] = "请填写令牌名称。"
    elif len(name) > 60:
        errors["name"] = "令牌名称不能超过60个字。"
    if scope not in TokenScope.values:
        errors["scope"] = "权限须为 read（只读）或 write（读写）。"
    days = settings.API_TOKEN_DEFAULT_DAYS if days is None else days
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        errors["days"] = f"有效天数须为1到{MAX_DAYS}之间的整数。"
    if not user.is_active:
        errors["user"] = "该用户已停用，不能签发令牌。"
    if errors:
        raise ValidationError(errors)
    secret = secrets.token_urlsafe(32)
    raw = f"{TOKEN_PREFIX}{secret}"
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=raw[:10],
        digest=token_digest(raw),
        scope=scope,
        expires_at=timezone.now() + timedelta(days=days),
    )
    audit_record(
        kind=AuditKind.CREATE,
        user=actor or user,
        obj=token,
        summary=f"签发接口令牌 #{token.pk}（{token.get_scope_display()}，{days}天）",
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, actor=None) -> ApiToken:
    """Revoke ``token`` at once; a revoked token never authenticates again."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            kind=AuditKind.UPDATE,
            user=actor,
            obj=token,
            summary=f"吊销接口令牌 #{token.pk}",
        )
    return token


def token_authenticate(raw: str) -> ApiToken | None:
    """Return the usable token whose digest matches ``raw`` (with its user), else None."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user", "user__org_unit", "user__person")
        .filter(digest=token_digest(raw))
        .first()
    )
    if token is None or not token.is_usable() or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        # A minute's resolution spares a write per request.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
