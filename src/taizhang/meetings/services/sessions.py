"""Writes to meetings: the meeting, roll and check-in, quorum, minutes, attachments, working groups."""

from __future__ import annotations

from datetime import date, datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.records import assign, pick, record_create, record_save, record_update
from taizhang.core.uploads import check_upload, extension
from taizhang.core.versioning import NEW, save_versioned
from taizhang.meetings.models import (
    Attendance,
    AttendanceStatus,
    CheckInMethod,
    Meeting,
    MeetingAttachment,
    WorkingGroup,
    WorkingTask,
)
from taizhang.meetings.selectors import attendance_summary, expected_deputies
from taizhang.people.models import Deputy

MEETING_FIELDS = [
    "kind",
    "name",
    "date",
    "window_start",
    "window_end",
    "term",
    "session",
    "place",
    "group",
]
TOKEN_SALT = "taizhang.meetings.checkin"


class CheckInError(ValidationError):
    """A QR check-in refused; the message is shown to the deputy."""


def next_code(model, letters: str, township, day: date) -> str:
    """Return the next free code ``<letters><yyyymmdd>-<township id>-<n>`` among ``model``'s rows."""
    prefix = f"{letters}{day:%Y%m%d}-{township.pk}-"
    n = model.objects.filter(code__startswith=prefix).count() + 1
    while model.objects.filter(code=f"{prefix}{n}").exists():
        n += 1
    return f"{prefix}{n}"


@transaction.atomic
def meeting_create(
    *,
    township,
    kind: str,
    name: str,
    date: date,
    code: str = "",
    actor=None,
    **values,
) -> Meeting:
    """Create a meeting; its roll is computed from the roster on ``date``."""
    meeting = Meeting(
        township=township,
        kind=kind,
        name=name.strip(),
        date=date,
        code=code.strip() or next_code(Meeting, "HY", township, date),
        **pick(values, MEETING_FIELDS),
    )
    if meeting.group_id and meeting.group.township_id != township.pk:
        raise ValidationError({"group": "代表小组必须属于本乡镇。"})
    return record_create(meeting, actor=actor, summary=f"新增会议 {name}")


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, expected_version: int | None, actor=None, **values
) -> Meeting:
    assign(meeting, values, MEETING_FIELDS)
    return record_update(
        meeting,
        expected_version=expected_version,
        fields=MEETING_FIELDS,
        summary=f"修改会议 {meeting.name}",
        actor=actor,
    )


def _check_expected(meeting: Meeting, deputy: Deputy) -> None:
    if not expected_deputies(meeting).filter(pk=deputy.pk).exists():
        raise ValidationError(
            {
                "deputy": f"{deputy.person.name}在会议日期（{meeting.date:%Y-%m-%d}）"
                "不是本次会议的应到代表（不在任或不属于本乡镇、本小组），不能登记出席情况。"
            }
        )


@transaction.atomic
def attendance_set(
    *,
    meeting: Meeting,
    deputy: Deputy,
    status: str,
    reason: str = "",
    checked_in_at: datetime | None = None,
    method: str = CheckInMethod.CLERK,
    expected_version: int | None,
    actor=None,
) -> Attendance:
    """Record a deputy as 出席, 请假 (with reason) or 缺席 at ``meeting``."""
    _check_expected(meeting, deputy)
    if status not in AttendanceStatus.values:
        raise ValidationError({"status": "出席状态只能是出席、请假或缺席。"})
    reason = reason.strip()
    if status == AttendanceStatus.LEAVE and not reason:
        raise ValidationError({"reason": "请假须填写请假事由。"})
    if status == AttendanceStatus.PRESENT and checked_in_at is None:
        checked_in_at = timezone.now()
    if status != AttendanceStatus.PRESENT:
        checked_in_at = None
    return record_save(
        Attendance,
        key={"meeting": meeting, "deputy": deputy},
        values={
            "status": status,
            "reason": reason,
            "checked_in_at": checked_in_at,
            "method": method,
        },
        expected_version=expected_version,
        summary=f"{meeting.name} 登记出席：{status}",
        actor=actor,
    )


def checkin_token(meeting: Meeting) -> str:
    """Return the signed token the QR code carries for ``meeting``."""
    return signing.dumps({"m": meeting.pk, "c": meeting.code}, salt=TOKEN_SALT, compress=True)


def checkin_url(meeting: Meeting, base: str = "") -> str:
    from django.urls import reverse

    return base + reverse(
        "meetings:checkin", kwargs={"pk": meeting.pk, "token": checkin_token(meeting)}
    )


def _window_problem(meeting: Meeting, now: datetime) -> str:
    if meeting.window_start is None or meeting.window_end is None:
        return "本次会议未开放扫码签到。"
    if now < meeting.window_start:
        local = timezone.localtime(meeting.window_start)
        return f"签到尚未开始，开始时间为 {local:%Y-%m-%d %H:%M}。"
    if now > meeting.window_end:
        return "签到已结束，签到二维码已失效。请联系会务工作人员。"
    return ""


CHECKIN_INVALID = "签到二维码无效，或这不是您可以签到的会议。请重新扫描会场屏幕上的二维码。"


def checkin_meeting(*, pk: int, token: str, user) -> Meeting | None:
    """Return the meeting a genuine token names, if it lies in the user's scope."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("m") != pk:
        return None
    meetings = Meeting.objects.for_user(user).filter(pk=pk, code=data.get("c"))
    return meetings.select_related("township").first()


@transaction.atomic
def checkin_by_token(
    *, meeting: Meeting, token: str, user, now: datetime | None = None
) -> Attendance:
    """Check the logged-in deputy in through the QR token; refuse every misuse in Chinese."""
    now = now or timezone.now()
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as exc:
        raise CheckInError("签到二维码无效，请重新扫描会场屏幕上的二维码。") from exc
    if data.get("m") != meeting.pk or data.get("c") != meeting.code:
        raise CheckInError("该二维码不是本次会议的签到码。")
    problem = _window_problem(meeting, now)
    if problem:
        raise CheckInError(problem)
    person_id = getattr(user, "person_id", None)
    deputy = expected_deputies(meeting).filter(person_id=person_id).first() if person_id else None
    if deputy is None:
        raise CheckInError("您不是本次会议的应到代表，不能签到。")
    # Lock the meeting row so two scans of one deputy cannot both pass the check below.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    existing = Attendance.objects.filter(meeting=meeting, deputy=deputy).first()
    if existing and existing.status == AttendanceStatus.PRESENT:
        local = timezone.localtime(existing.checked_in_at) if existing.checked_in_at else None
        when = f"（{local:%H:%M}）" if local else ""
        raise CheckInError(f"您已签到{when}，请勿重复签到。")
    try:
        return attendance_set(
            meeting=meeting,
            deputy=deputy,
            status=AttendanceStatus.PRESENT,
            checked_in_at=now,
            method=CheckInMethod.QR,
            # Read under the meeting's lock above: no one else writes this row meanwhile.
            expected_version=existing.version if existing else NEW,
            actor=user,
        )
    except IntegrityError as exc:  # a concurrent scan won the race
        raise CheckInError("您已签到，请勿重复签到。") from exc


@transaction.atomic
def meeting_open(*, meeting: Meeting, expected_version: int | None, actor=None) -> Meeting:
    """Mark the session opened; refused unless more than two thirds are present."""
    summary = attendance_summary(meeting)
    if not summary.quorum:
        raise ValidationError(
            f"实到代表 {summary.present} 名，未超过应到代表 {summary.expected} 名的三分之二，"
            "不能宣布开会。"
        )
    meeting.opened = True
    save_versioned(meeting, expected_version=expected_version, fields=["opened"])
    audit_record(
        kind=AuditKind.TRANSITION,
        user=actor,
        obj=meeting,
        summary=f"{meeting.name} 宣布开会（应到{summary.expected}名，实到{summary.present}名）",
    )
    return meeting


@transaction.atomic
def minutes_save(
    *, meeting: Meeting, minutes: str, expected_version: int | None, actor=None
) -> Meeting:
    meeting.minutes = minutes
    save_versioned(meeting, expected_version=expected_version, fields=["minutes"])
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=meeting,
        summary=f"{meeting.name} 修改会议纪要",
    )
    return meeting


@transaction.atomic
def attachment_add(*, meeting: Meeting, title: str, upload, actor=None):
    check_upload(upload, purpose="attachment")
    attachment = MeetingAttachment(meeting=meeting, title=title.strip() or upload.name)
    # Stored under a neutral name: user-supplied names never reach the file system.
    attachment.file.save(f"m{meeting.pk}{extension(upload.name)}", upload, save=False)
    summary = f"{meeting.name} 上传附件"
    return record_create(attachment, actor=actor, summary=summary)


@transaction.atomic
def working_group_save(
    *,
    meeting: Meeting,
    name: str,
    leader=None,
    expected_version: int | None,
    actor=None,
) -> WorkingGroup:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "请填写工作组名称。"})
    return record_save(
        WorkingGroup,
        key={"meeting": meeting, "name": name},
        values={"leader": leader},
        expected_version=expected_version,
        summary=f"{meeting.name} 工作组 {name}",
        actor=actor,
    )


@transaction.atomic
def working_task_add(
    *, group: WorkingGroup, title: str, owner=None, due=None, actor=None
) -> WorkingTask:
    task = WorkingTask(group=group, title=title.strip(), owner=owner, due=due)
    return record_create(task, actor=actor, summary=f"工作组任务 {group}")


@transaction.atomic
def working_task_toggle(
    *, task: WorkingTask, expected_version: int | None, actor=None
) -> WorkingTask:
    task.done = not task.done
    save_versioned(task, expected_version=expected_version, fields=["done"])
    audit_record(
        kind=AuditKind.TRANSITION,
        user=actor,
        obj=task,
        summary="任务标记为" + ("已完成" if task.done else "未完成"),
    )
    return task
