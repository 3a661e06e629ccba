"""Notices: who must act on a case is told in the app, and by email or SMS as they chose.

- ``notice_create`` records one notice (催办, 交办, 临期, 超期) for a unit and queues the
  email/SMS copies of the unit's users who may see the case; they go out after commit.
- ``notify_run`` (``taizhang notify`` / Celery beat) adds the time-based notices, retries
  failed copies and sends the daily digests, under a database lock so one server runs it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from taizhang.cases.models import CLOSED_STATES, Case, CaseReminder, NoticeKind
from taizhang.cases.reminders import NoticeChannel, NoticeDelivery, NoticeSetting
from taizhang.cases.selectors import colour_thresholds, notifications_for
from taizhang.cases.services.deliver import deliveries_send, delivery_due
from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.locks import job_lock
from taizhang.core.roles import Role
from taizhang.people.validators import validate_phone

KIND_TEXT = {
    NoticeKind.URGE: "催办",
    NoticeKind.ASSIGNED: "交办",
    NoticeKind.NEAR_DUE: "临近办理期限",
    NoticeKind.OVERDUE: "已超过办理期限",
}


def recipients(case: Case, unit_id: int) -> list:
    """The active users who act for ``unit_id`` on ``case`` and may see it (scope checked)."""
    User = get_user_model()
    if unit_id == case.township_id:
        users = User.objects.filter(role=Role.PRESIDIUM, org_unit_id=unit_id)
    else:
        users = User.objects.filter(role__in=[Role.CADRE, Role.VILLAGE]).filter(
            Q(org_unit_id=unit_id) | Q(person__unit_id=unit_id)
        )
    users = users.filter(is_active=True).select_related("org_unit", "person")
    return [u for u in users if Case.objects.for_user(u).filter(pk=case.pk).exists()]


def _text(case: Case, kind: str, note: str) -> tuple[str, str]:
    subject = f"【台账】{KIND_TEXT[kind]}：{case.code} {case.title}"[:200]
    due = f"办理期限：{case.due:%Y年%m月%d日}\n" if case.due else ""
    body = (
        f"{KIND_TEXT[kind]}：{case.kind} {case.code}《{case.title}》\n"
        f"当前状态：{case.state}\n{due}{note}\n"
        f"请登录台账查看并办理：/cases/{case.pk}/\n"
    )
    return subject, body


def _setting(user) -> NoticeSetting | None:
    try:
        return user.notice_setting
    except NoticeSetting.DoesNotExist:
        return None


def _queue(reminder: CaseReminder, users: list) -> list[int]:
    subject, body = _text(reminder.case, reminder.kind, reminder.note)
    rows = []
    for user in users:
        chosen = _setting(user)
        if chosen is None:
            continue
        if chosen.email and not chosen.digest and user.email:
            rows.append(NoticeDelivery(reminder=reminder, user=user, channel=NoticeChannel.EMAIL,
                                       subject=subject, body=body))  # fmt: skip
        if chosen.sms and chosen.phone and settings.SMS_WEBHOOK_URL:
            text = f"{subject}。{reminder.note}"[:300]
            rows.append(NoticeDelivery(reminder=reminder, user=user, channel=NoticeChannel.SMS,
                                       subject=subject, body=text))  # fmt: skip
    created = NoticeDelivery.objects.bulk_create(rows)
    return [d.pk for d in created]


@transaction.atomic
def notice_create(
    *, case: Case, kind: str, unit_id: int, note: str, by=None, due: date | None = None
) -> CaseReminder | None:
    """Record a notice for ``unit_id`` and queue its email/SMS copies (sent after commit).

    A time-based notice (临期/超期) is made once per case and due date; a repeat returns None.
    """
    reminder = CaseReminder(case=case, unit_id=unit_id, kind=kind, note=note[:300], by=by, due=due)
    reminder.full_clean(exclude=["by"], validate_constraints=False)
    try:
        with transaction.atomic():
            reminder.save()
    except IntegrityError:
        return None
    ids = _queue(reminder, recipients(case, unit_id))
    if ids:
        transaction.on_commit(lambda: deliveries_send(ids))
    return reminder


def _addressee(case: Case) -> int:
    return case.handling_unit_id or case.township_id


def _without_notice(kind: str, due_q: Q):
    """Open cases matching ``due_q`` that have no ``kind`` notice for their current due date."""
    exists = CaseReminder.objects.filter(case=OuterRef("pk"), kind=kind, due=OuterRef("due"))
    return (
        Case.objects.exclude(state__in=CLOSED_STATES)
        .filter(due_q)
        .filter(~Exists(exists))
        .only("id", "code", "title", "kind", "state", "due", "township_id", "handling_unit_id")
        .order_by("due", "id")
    )


def timed_notices(*, today: date | None = None) -> int:
    """Add 临期 and 超期 notices for open cases with a due date; return how many are new."""
    today, soon = colour_thresholds(today)
    made = 0
    batches = (
        (NoticeKind.OVERDUE, Q(due__lt=today), "已超过办理期限（{:%Y-%m-%d}），请尽快办理。"),
        (
            NoticeKind.NEAR_DUE,
            Q(due__gte=today, due__lte=soon),
            "将于{:%Y-%m-%d}到期，请按时办理。",
        ),
    )
    for kind, due_q, text in batches:
        for case in _without_notice(kind, due_q).iterator(chunk_size=500):
            notice = notice_create(
                case=case, kind=kind, unit_id=_addressee(case), note=text.format(case.due),
                due=case.due,
            )  # fmt: skip
            made += notice is not None
    return made


def digests_send(*, now: datetime | None = None) -> int:
    """Send each digest user one email of their unread notices, once a day; return how many."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < settings.NOTIFY_DIGEST_HOUR:
        return 0
    today = local.date()
    sent = 0
    settings_due = (
        NoticeSetting.objects.filter(email=True, digest=True)
        .exclude(digest_sent_on=today)
        .select_related("user", "user__org_unit", "user__person")
    )
    for chosen in settings_due:
        user = chosen.user
        if not user.is_active or not user.email:
            continue
        since = now - timedelta(days=1)
        notes = [n for n in notifications_for(user).filter(at__gte=since) if not n.is_read]
        visible = set(Case.objects.for_user(user).filter(pk__in=[n.case_id for n in notes])
                      .values_list("pk", flat=True))  # fmt: skip
        notes = [n for n in notes if n.case_id in visible]
        with transaction.atomic():
            chosen.digest_sent_on = today
            chosen.save(update_fields=["digest_sent_on"])
            if not notes:
                continue
            lines = [
                f"- {n.get_kind_display()}：{n.case.code}《{n.case.title}》{n.note}" for n in notes
            ]
            delivery = NoticeDelivery.objects.create(
                user=user,
                channel=NoticeChannel.EMAIL,
                subject=f"【台账】每日提醒汇总（{today:%Y-%m-%d}，{len(notes)}条）",
                body="您有以下未读提醒：\n" + "\n".join(lines) + "\n请登录台账查看并办理。\n",
            )
            transaction.on_commit(lambda pk=delivery.pk: deliveries_send([pk]))
            sent += 1
    return sent


def notify_run(*, now: datetime | None = None) -> dict | None:
    """Run the periodic sender once; None when another server holds the lock."""
    with job_lock("notify", seconds=settings.NOTIFY_LOCK_SECONDS) as held:
        if not held:
            return None
        today = timezone.localdate(now) if now else None
        made = timed_notices(today=today)
        due_ids = list(delivery_due(now=now).values_list("pk", flat=True))
        retried = deliveries_send(due_ids, now=now)
        digests = digests_send(now=now)
        return {"notices": made, "retried": retried, "digests": digests}


@transaction.atomic
def notice_setting_save(
    *, user, email: bool, digest: bool, sms: bool, phone: str, email_address: str
) -> NoticeSetting:
    """Save the user's channels (and email address); the app list needs no choice."""
    if phone:
        validate_phone(phone)
    chosen, _ = NoticeSetting.objects.get_or_create(user=user)
    chosen.email, chosen.digest, chosen.sms, chosen.phone = email or digest, digest, sms, phone
    chosen.save(update_fields=["email", "digest", "sms", "phone"])
    if email_address != user.email:
        user.email = email_address
        user.save(update_fields=["email"])
    channels = [label for on, label in ((chosen.email, "邮件"), (digest, "每日汇总"),
                                         (sms, "短信")) if on]  # fmt: skip
    audit_record(
        kind=AuditKind.UPDATE,
        user=user,
        obj=chosen,
        summary=f"修改通知方式：站内{''.join('、' + c for c in channels)}",
    )
    return chosen
