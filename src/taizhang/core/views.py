"""Audit trail reader (审计员) and the system settings page (系统管理员)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from taizhang.core.audit_labels import object_labels
from taizhang.core.models import AuditEvent, AuditKind
from taizhang.core.permissions import require


@require("audit.view")
@require_safe
def audit_list(request):
    events = AuditEvent.objects.all()
    f = request.GET
    if f.get("kind"):
        events = events.filter(kind=f["kind"])
    if f.get("user"):
        events = events.filter(username__icontains=f["user"].strip())
    if f.get("outcome"):
        events = events.filter(outcome=f["outcome"])
    for key, lookup in (("since", "at__date__gte"), ("until", "at__date__lte")):
        try:
            if f.get(key):
                events = events.filter(**{lookup: date.fromisoformat(f[key])})
        except ValueError:
            pass
    page = Paginator(events, 50).get_page(f.get("page"))
    labels = object_labels(page.object_list)
    for event in page.object_list:
        event.object_label = labels.get((event.object_type, event.object_id), "")
    return render(
        request,
        "core/audit_list.html",
        {
            "page": page,
            "kinds": AuditKind.choices,
            "filters": f,
        },
    )


@require("settings.manage")
@require_safe
def settings_page(request):
    rows = [
        ("登录失败锁定次数", settings.AXES_FAILURE_LIMIT, "TAIZHANG_LOCKOUT_FAILURES"),
        (
            "锁定时长（分钟）",
            int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "TAIZHANG_LOCKOUT_MINUTES",
        ),
        (
            "空闲超时（分钟）",
            int(settings.SESSION_IDLE_TIMEOUT.total_seconds() // 60),
            "TAIZHANG_IDLE_TIMEOUT_MINUTES",
        ),
        (
            "最长会话（小时）",
            int(settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds() // 3600),
            "TAIZHANG_ABSOLUTE_TIMEOUT_HOURS",
        ),
        ("密码字符类别数", settings.PASSWORD_COMPLEXITY_CLASSES, "TAIZHANG_PASSWORD_CLASSES"),
        (
            "上传文件上限（MB）",
            settings.UPLOAD_MAX_BYTES // (1024 * 1024),
            "TAIZHANG_UPLOAD_MAX_MB",
        ),
    ]
    return render(request, "core/settings.html", {"rows": rows})
