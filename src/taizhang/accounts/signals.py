"""Audit events for logins, failures, logouts and lockouts."""

from __future__ import annotations

import time

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from taizhang.accounts.middleware import LOGIN_AT, SEEN_AT
from taizhang.accounts.otp import end_other_sessions, keeps_one_session
from taizhang.core.audit import AuditKind, audit_record, client_ip
from taizhang.core.models import AuditEvent


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    now = time.time()
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now
    if keeps_one_session(user):
        end_other_sessions(user, request.session.session_key)
    audit_record(kind=AuditKind.LOGIN, request=request, user=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    audit_record(
        kind=AuditKind.LOGIN_FAILED,
        request=request,
        outcome="失败",
        username=str(credentials.get("username", ""))[:150],
    )


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(kind=AuditKind.LOGOUT, request=request, user=user)


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    # axes signals a lockout again on every blocked attempt; the trail records the lockout
    # once per cool-off period (the blocked attempts are already login failures).
    username = str(username or "")[:150]
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    already = AuditEvent.objects.filter(
        kind=AuditKind.LOCKOUT, username=username, ip=client_ip(request), at__gte=since
    )
    if already.exists():
        return
    audit_record(
        kind=AuditKind.LOCKOUT,
        request=request,
        outcome="锁定",
        username=username,
        summary="连续登录失败，账号在该地址被锁定",
    )
