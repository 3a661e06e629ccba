"""Send the email and SMS copies of notices; a failure is recorded and retried with backoff."""

from __future__ import annotations

import json
import logging
import urllib.request
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from taizhang.cases.reminders import DeliveryState, NoticeChannel, NoticeDelivery

log = logging.getLogger("taizhang.notify")
# Minutes to wait after the 1st, 2nd, … failure; past the last the copy is marked failed.
BACKOFF_MINUTES = (1, 5, 30, 120)
MAX_ATTEMPTS = len(BACKOFF_MINUTES) + 1


class SendError(Exception):
    pass


def _send_email(delivery: NoticeDelivery) -> None:
    if not delivery.user.email:
        raise SendError("用户没有填写邮箱")
    send_mail(
        delivery.subject,
        delivery.body,
        settings.DEFAULT_FROM_EMAIL,
        [delivery.user.email],
        fail_silently=False,
    )


def _send_sms(delivery: NoticeDelivery) -> None:
    url = settings.SMS_WEBHOOK_URL
    if not url:
        raise SendError("未配置短信网关（TAIZHANG_SMS_WEBHOOK_URL）")
    phone = getattr(getattr(delivery.user, "notice_setting", None), "phone", "")
    if not phone:
        raise SendError("用户没有填写接收短信的手机号")
    payload = json.dumps({"phone": phone, "text": delivery.body}, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if settings.SMS_WEBHOOK_TOKEN:
        headers["Authorization"] = f"Bearer {settings.SMS_WEBHOOK_TOKEN}"
    request = urllib.request.Request(url, data=payload, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=settings.SMS_WEBHOOK_TIMEOUT) as response:
        if not 200 <= response.status < 300:
            raise SendError(f"短信网关返回 {response.status}")


SENDERS = {NoticeChannel.EMAIL: _send_email, NoticeChannel.DIGEST: _send_email,
           NoticeChannel.SMS: _send_sms}  # fmt: skip


def delivery_attempt(delivery: NoticeDelivery, *, now: datetime | None = None) -> bool:
    """Try one copy once; record success, or the error and when to try again."""
    now = now or timezone.now()
    delivery.attempts += 1
    try:
        SENDERS[delivery.channel](delivery)
    except Exception as exc:  # any transport error: record it, retry later
        delivery.last_error = f"{type(exc).__name__}: {exc}"[:300]
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.state = DeliveryState.FAILED
            log.warning("notice delivery %s failed for good: %s", delivery.pk, delivery.last_error)
        else:
            delivery.next_try_at = now + timedelta(minutes=BACKOFF_MINUTES[delivery.attempts - 1])
        ok = False
    else:
        delivery.state = DeliveryState.SENT
        delivery.sent_at = now
        ok = True
    delivery.save(update_fields=["attempts", "state", "sent_at", "last_error", "next_try_at"])
    return ok


def delivery_due(*, now: datetime | None = None):
    """The copies waiting to be (re)tried now."""
    now = now or timezone.now()
    return NoticeDelivery.objects.filter(state=DeliveryState.PENDING, next_try_at__lte=now)


def deliveries_send(ids: list[int], *, now: datetime | None = None) -> int:
    """Try each pending copy among ``ids`` that is due; return how many went out."""
    sent = 0
    rows = delivery_due(now=now).filter(pk__in=ids).select_related("user", "user__notice_setting")
    for delivery in rows:
        sent += delivery_attempt(delivery, now=now)
    return sent
