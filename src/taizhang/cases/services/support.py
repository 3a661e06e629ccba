"""Reminders (催办), supervision (督办), attachments and holiday overrides."""

from __future__ import annotations

import os
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.cases.models import (
    Case,
    CaseAttachment,
    CaseReminder,
    CaseReminderRead,
    CaseSupervision,
    HolidayOverride,
    SupervisionMethod,
)
from taizhang.cases.reminders import NoticeKind
from taizhang.cases.services.notify import notice_create
from taizhang.cases.workflow import case_roles
from taizhang.core.audit import AuditKind, audit_record

# Allowed attachment types: extension -> (content type, leading bytes or None for text).
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    ".txt": ("text/plain", ()),
}


def _presidium_only(actor, case: Case, what: str) -> None:
    if actor is not None and "presidium" not in case_roles(actor, case):
        raise PermissionDenied(f"只有本乡镇人大主席团可以{what}。")


@transaction.atomic
def case_remind(*, case: Case, actor, note: str, request=None) -> CaseReminder:
    """Record a 催办 on an open, assigned case; the handling unit's users are notified."""
    _presidium_only(actor, case, "催办")
    if case.is_closed or case.handling_unit_id is None:
        raise ValidationError("只能对已交办且未办结的事项催办。")
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "请填写催办内容。"})
    reminder = notice_create(
        case=case, kind=NoticeKind.URGE, unit_id=case.handling_unit_id, note=note, by=actor
    )
    audit_record(
        kind=AuditKind.CREATE, request=request, user=actor, obj=case, summary=f"{case.code} 催办"
    )
    return reminder


@transaction.atomic
def reminders_mark_read(*, user, case: Case | None = None) -> int:
    """Mark the user's unread reminders (of one case, or all) as read; return how many.

    Read state is per user; ``read_at`` keeps when someone of the unit first read it.
    """
    from taizhang.cases.selectors import unread_reminders

    unread = unread_reminders(user)
    if case is not None:
        unread = unread.filter(case=case)
    ids = list(unread.values_list("id", flat=True))
    if not ids:
        return 0
    now = timezone.now()
    CaseReminderRead.objects.bulk_create(
        [CaseReminderRead(reminder_id=pk, user=user, at=now) for pk in ids],
        ignore_conflicts=True,
    )
    CaseReminder.objects.filter(pk__in=ids, read_at__isnull=True).update(read_at=now)
    return len(ids)


@transaction.atomic
def case_supervise(
    *,
    case: Case,
    actor,
    method: str,
    on: date,
    findings: str,
    follow_up: str = "",
    request=None,
) -> CaseSupervision:
    """Record a 督办 (report hearing or on-site check) with findings and follow-up."""
    _presidium_only(actor, case, "督办")
    errors = {}
    if method not in SupervisionMethod.values:
        errors["method"] = "督办方式须为听取汇报或实地检查。"
    if not isinstance(on, date):
        errors["on"] = "请填写督办日期。"
    elif on > timezone.localdate() or on < case.registered:
        errors["on"] = "督办日期须在登记日期与今天之间。"
    if not (findings or "").strip():
        errors["findings"] = "请填写督办情况。"
    if errors:
        raise ValidationError(errors)
    record = CaseSupervision(
        case=case,
        method=method,
        on=on,
        findings=findings.strip(),
        follow_up=(follow_up or "").strip(),
        by=actor,
    )
    record.full_clean()
    record.save()
    audit_record(
        kind=AuditKind.CREATE, request=request, user=actor, obj=case, summary=f"{case.code} 督办"
    )
    return record


IMAGE_TYPES = (".jpg", ".jpeg", ".png")


def attachment_problem(upload, *, images_only: bool = False) -> str | None:
    """Return a Chinese reason why ``upload`` is refused, or None.

    The one upload check of the site's attachments: type by extension and by content,
    the TAIZHANG_UPLOAD_MAX_MB limit, no empty file. ``images_only`` for photos.
    """
    name = os.path.basename(getattr(upload, "name", "") or "")
    ext = os.path.splitext(name)[1].lower()
    if images_only and ext not in IMAGE_TYPES:
        return f"文件“{name}”不是照片，仅限 JPG、PNG 图片。"
    if ext not in ALLOWED_TYPES:
        return f"文件“{name}”类型不允许，仅限 PDF、JPG、PNG、DOC、DOCX、XLSX、TXT。"
    if upload.size > settings.UPLOAD_MAX_BYTES:
        limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
        return f"文件“{name}”超过 {limit} MB 的大小限制。"
    if upload.size == 0:
        return f"文件“{name}”为空。"
    magics = ALLOWED_TYPES[ext][1]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if magics and not any(head.startswith(m) for m in magics):
        return f"文件“{name}”的内容与扩展名不符。"
    return None


@transaction.atomic
def attachment_add(*, case: Case, upload, actor, event=None, request=None) -> CaseAttachment:
    """Store an uploaded file under MEDIA_ROOT for ``case`` after type and size checks."""
    problem = attachment_problem(upload)
    if problem:
        raise ValidationError({"files": problem})
    name = os.path.basename(upload.name)[:200]
    ext = os.path.splitext(name)[1].lower()
    attachment = CaseAttachment(
        case=case,
        event=event,
        name=name,
        size=upload.size,
        content_type=ALLOWED_TYPES[ext][0],
        uploaded_by=actor if actor else None,
    )
    # Store under a neutral name: user-supplied names never reach the file system.
    attachment.file.save(f"c{case.pk}{ext}", upload, save=False)
    attachment.save()
    audit_record(
        kind=AuditKind.CREATE,
        request=request,
        user=actor,
        obj=case,
        summary=f"{case.code} 上传附件",
    )
    return attachment


@transaction.atomic
def holiday_override_set(
    *, day: date, is_working_day: bool, note: str = "", actor=None, request=None
) -> HolidayOverride:
    """Create or change the override for ``day`` (it wins over the holiday package)."""
    if not isinstance(day, date):
        raise ValidationError({"date": "请填写正确的日期。"})
    override, _ = HolidayOverride.objects.update_or_create(
        date=day, defaults={"is_working_day": bool(is_working_day), "note": (note or "")[:100]}
    )
    audit_record(
        kind=AuditKind.UPDATE,
        request=request,
        user=actor,
        obj=override,
        summary=f"节假日调整 {day} {'上班' if is_working_day else '放假'}",
    )
    return override


@transaction.atomic
def holiday_override_delete(*, override: HolidayOverride, actor=None, request=None) -> None:
    """Remove an override; the package (or weekends) decides that day again."""
    audit_record(
        kind=AuditKind.DELETE,
        request=request,
        user=actor,
        obj=override,
        summary=f"删除节假日调整 {override.date}",
    )
    override.delete()
