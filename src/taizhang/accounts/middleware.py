"""Session idle/absolute timeouts and the forced first-login password change."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from taizhang.core.audit import AuditKind, audit_record

LOGIN_AT = "_tz_login_at"
SEEN_AT = "_tz_seen_at"
SEEN_RESOLUTION = 60  # seconds


class SessionTimeoutMiddleware:
    """End a session after the idle timeout or the absolute lifetime, whichever is first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            login_at = request.session.setdefault(LOGIN_AT, now)
            seen_at = request.session.get(SEEN_AT, now)
            idle = settings.SESSION_IDLE_TIMEOUT.total_seconds()
            absolute = settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds()
            if now - seen_at > idle or now - login_at > absolute:
                reason = "空闲超时" if now - seen_at > idle else "超过最长会话时间"
                audit_record(kind=AuditKind.TIMEOUT, request=request, summary=reason)
                logout(request)
                messages.info(request, f"会话已结束（{reason}），请重新登录。")
                return redirect(f"{settings.LOGIN_URL}?next={request.path}")
            if now - seen_at >= SEEN_RESOLUTION or SEEN_AT not in request.session:
                # A minute's resolution is enough for a 30-minute idle timeout and spares
                # the database a session write on every request.
                request.session[SEEN_AT] = now
        return self.get_response(request)


class PasswordChangeRequiredMiddleware:
    """Send users who must change their password to the change page first."""

    ALLOWED = ("accounts:password_change", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = {reverse(name) for name in self.ALLOWED}
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                return redirect("accounts:password_change")
        return self.get_response(request)
