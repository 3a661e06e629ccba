"""Reminders (催办), supervision (督办), attachments and holiday overrides."""

from __future__ import annotations

import os
from datetime import date

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
from taizhang.core.uploads import check_upload, content_type


def _presidium_only(actor, case: Case, what: str) -> None:
    if actor is not None and "presidium" not in case_roles(actor, case):
        raise PermissionDenied(f"只有本乡镇人大主席团可以{what}。")


@transaction.atomic
def case_remind(*, case: Case, actor, note: str) -> CaseReminder:
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
    audit_record(kind=AuditKind.CREATE, user=actor, obj=case, summary=f"{case.code} 催办")
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
    audit_record(kind=AuditKind.CREATE, user=actor, obj=case, summary=f"{case.code} 督办")
    return record


@transaction.atomic
def attachment_add(*, case: Case, upload, actor, event=None) -> CaseAttachment:
    """Store an uploaded file under MEDIA_ROOT for ``case`` after type and size checks."""
    check_upload(upload, purpose="attachment", field="files")
    name = os.path.basename(upload.name)[:200]
    ext = os.path.splitext(name)[1].lower()
    attachment = CaseAttachment(
        case=case,
        event=event,
        name=name,
        size=upload.size,
        content_type=content_type(name),
        uploaded_by=actor if actor else None,
    )
    # Store under a neutral name: user-supplied names never reach the file system.
    attachment.file.save(f"c{case.pk}{ext}", upload, save=False)
    attachment.save()
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        obj=case,
        summary=f"{case.code} 上传附件",
    )
    return attachment


@transaction.atomic
def holiday_override_set(
    *, day: date, is_working_day: bool, note: str = "", actor=None
) -> HolidayOverride:
    """Create or change the override for ``day`` (it wins over the holiday package)."""
    if not isinstance(day, date):
        raise ValidationError({"date": "请填写正确的日期。"})
    override, _ = HolidayOverride.objects.update_or_create(
        date=day, defaults={"is_working_day": bool(is_working_day), "note": (note or "")[:100]}
    )
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=override,
        summary=f"节假日调整 {day} {'上班' if is_working_day else '放假'}",
    )
    return override


@transaction.atomic
def holiday_override_delete(*, override: HolidayOverride, actor=None) -> None:
    """Remove an override; the package (or weekends) decides that day again."""
    audit_record(
        kind=AuditKind.DELETE,
        user=actor,
        obj=override,
        summary=f"删除节假日调整 {override.date}",
    )
    override.delete()


def petitioner_reveal(*, case) -> None:
    """Record that the petitioner's personal data of ``case`` was shown (no data in the row)."""
    audit_record(kind=AuditKind.REVEAL, obj=case, summary=f"{case.code} 查看信访人信息")
