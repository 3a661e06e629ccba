"""Notices reach the people who must act: in the app, by email (locmem), by an SMS webhook
(a local http.server on 127.0.0.1), with retries and backoff; `taizhang notify` adds the
time-based notices and the daily digest under a database lock."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from taizhang.cases.models import CaseReminder
from taizhang.cases.reminders import DeliveryState, NoticeDelivery
from taizhang.cases.services import case_remind, case_transition
from taizhang.cases.services.notify import notice_setting_save, notify_run
from taizhang.core.locks import lock_acquire, lock_release

TZ = ZoneInfo("Asia/Shanghai")


def _channels(user, *, email=True, digest=False, sms=False, phone="13912345678"):
    notice_setting_save(user=user, email=email, digest=digest, sms=sms, phone=phone,
                        email_address=f"{user.username}@example.cn")  # fmt: skip


class Gateway:
    """A local SMS gateway: records each JSON message; answers the queued statuses first."""

    def __init__(self):
        self.received: list[dict] = []
        self.statuses: list[int] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                gateway.received.append(
                    {
                        "body": json.loads(self.rfile.read(length)),
                        "auth": self.headers["Authorization"],
                    }
                )
                self.send_response(gateway.statuses.pop(0) if gateway.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    gw = Gateway()
    settings.SMS_WEBHOOK_URL = gw.url
    settings.SMS_WEBHOOK_TOKEN = "gw-secret"
    yield gw
    gw.close()


def test_assignment_emails_the_handling_unit_user_after_commit(
    world, suggestion, django_capture_on_commit_callbacks
):
    bob = world.users["bob"]  # cadre whose person works at the station (卫生院)
    _channels(bob)
    _channels(world.users["heidi"])  # another township: never told
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    assert [m.to for m in mail.outbox] == [["bob@example.cn"]]
    message = mail.outbox[0]
    assert message.subject.startswith("【台账】交办：") and suggestion.code in message.subject
    assert "/cases/" in message.body
    notice = CaseReminder.objects.get()
    assert notice.kind == "assigned" and notice.unit == world.station
    assert NoticeDelivery.objects.get().state == DeliveryState.SENT


def test_nothing_is_sent_outside_the_users_scope(
    world, suggestion, django_capture_on_commit_callbacks
):
    carol = world.users["carol"]  # village cadre of 一村: its petitions and cases assigned to it
    _channels(carol)
    with django_capture_on_commit_callbacks(execute=True):
        # A suggestion handled by 二村 is not a case carol may see (issue 13: one assigned
        # to 一村 is hers to handle).
        case_transition(case=suggestion, action="交办", actor=None, unit=world.village2)
    assert mail.outbox == [] and NoticeDelivery.objects.count() == 0


def test_an_account_the_pages_show_no_case_is_not_told(
    world, suggestion, django_capture_on_commit_callbacks
):
    from taizhang.accounts.services import user_create

    # A cadre account linked to the station's person but with no unit of its own: the
    # pages show it no case at all (for_user), so it is not told either.
    stray = user_create(username="ivan", password="Xx-12345678", role="cadre", org_unit=None,
                        person=world.people["p4"], must_change_password=False,
                        validate=False)  # fmt: skip
    _channels(stray)
    _channels(world.users["bob"])
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    assert [m.to for m in mail.outbox] == [["bob@example.cn"]]
    assert list(NoticeDelivery.objects.values_list("user__username", flat=True)) == ["bob"]


def test_urge_goes_by_email_and_sms_webhook(
    world, suggestion, gateway, django_capture_on_commit_callbacks
):
    bob = world.users["bob"]
    _channels(bob, sms=True)
    case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_remind(case=case, actor=world.users["alice"], note="请本周内答复")
    assert len(mail.outbox) == 1 and "催办" in mail.outbox[0].subject
    assert len(gateway.received) == 1
    sms = gateway.received[0]
    assert sms["body"]["phone"] == "13912345678" and "请本周内答复" in sms["body"]["text"]
    assert sms["auth"] == "Bearer gw-secret"


def test_a_failed_sms_is_retried_with_backoff_and_shown_to_the_admin(
    world, suggestion, gateway, login, django_capture_on_commit_callbacks
):
    bob = world.users["bob"]
    _channels(bob, email=False, sms=True)
    gateway.statuses = [500, 503]
    start = datetime(2025, 3, 10, 9, 0, tzinfo=TZ)
    with time_machine.travel(start, tick=False), django_capture_on_commit_callbacks(execute=True):
        case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    delivery = NoticeDelivery.objects.get()
    assert (delivery.state, delivery.attempts) == (DeliveryState.PENDING, 1)
    assert "500" in delivery.last_error and delivery.next_try_at == start + timedelta(minutes=1)
    page = login("frank").get("/cases/deliveries/").content.decode()
    assert "等待重试 1" in page and "500" in page
    # Too early: nothing is retried. After the backoff: one more failure, then success.
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_run(now=start + timedelta(seconds=30))["retried"] == 0
        assert notify_run(now=start + timedelta(minutes=2))["retried"] == 0
        delivery.refresh_from_db()
        assert delivery.attempts == 2 and delivery.next_try_at == start + timedelta(minutes=7)
        assert notify_run(now=start + timedelta(minutes=8))["retried"] == 1
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.SENT and delivery.attempts == 3
    assert len(gateway.received) == 3


def test_a_copy_that_keeps_failing_is_marked_failed(world, suggestion, settings, login):
    settings.SMS_WEBHOOK_URL = "http://127.0.0.1:9/unreachable"
    _channels(world.users["bob"], email=False, sms=True)
    case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    now = datetime.now(TZ)
    for _ in range(6):
        now += timedelta(hours=3)
        notify_run(now=now)
    delivery = NoticeDelivery.objects.get()
    assert delivery.state == DeliveryState.FAILED and delivery.attempts == 5
    assert "发送失败 1" in login("frank").get("/cases/deliveries/").content.decode()
    assert login("alice").get("/cases/deliveries/").status_code == 403


def test_notify_adds_overdue_and_near_due_notices_once(world, suggestion):
    from taizhang.cases.services import case_register

    petition = case_register(kind="信访", township=world.jia, title="占道经营", channel="来访",
                             registered=date(2025, 3, 3), petitioner_name="孙某")  # fmt: skip
    assigned = case_transition(case=suggestion, action="交办", actor=None, unit=world.station,
                               on=date(2025, 3, 10))  # fmt: skip
    today = assigned.due - timedelta(days=1)
    with time_machine.travel(datetime.combine(today, datetime.min.time(), TZ).replace(hour=9)):
        first = notify_run()
        again = notify_run()
    assert first["notices"] == 2 and again["notices"] == 0
    kinds = dict(CaseReminder.objects.exclude(kind="assigned").values_list("case_id", "kind"))
    assert kinds == {petition.pk: "overdue", assigned.pk: "near_due"}
    # The unassigned petition is the presidium's to act on: its notice reaches alice.
    inbox = login_inbox(world, "alice")
    assert "【超期】" in inbox and petition.code in inbox
    assert "【临期】" in login_inbox(world, "bob")


def login_inbox(world, name: str) -> str:
    from django.test import Client

    client = Client()
    client.force_login(world.users[name])
    return client.get("/cases/inbox/").content.decode()


def test_digest_users_get_one_email_a_day_instead_of_each(
    world, suggestion, django_capture_on_commit_callbacks
):
    bob = world.users["bob"]
    _channels(bob, digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
        case_remind(case=case, actor=world.users["alice"], note="请加快")
    assert mail.outbox == []
    early = datetime.now(TZ).replace(hour=6, minute=0)
    late = early.replace(hour=9)
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_run(now=early)["digests"] == 0
        assert notify_run(now=late)["digests"] == 1
        assert notify_run(now=late + timedelta(hours=1))["digests"] == 0
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert "每日提醒汇总" in digest.subject and "2条" in digest.subject
    assert case.code in digest.body and "催办" in digest.body and "交办" in digest.body


def test_one_sender_at_a_time_across_servers(world):
    holder = lock_acquire("notify", seconds=600)
    assert holder is not None
    assert notify_run() is None
    out = StringIO()
    call_command("notify", stdout=out)
    assert "跳过" in out.getvalue()
    lock_release("notify", holder)
    out = StringIO()
    call_command("notify", stdout=out)
    assert "新增临期/超期提醒 0 条" in out.getvalue()


def test_profile_saves_channels_and_refuses_email_without_address(login, world):
    client = login("bob")
    bad = client.post("/accounts/profile/notices/", {"email": "on", "email_address": ""})
    assert bad.status_code == 422 and "选择邮件通知须填写邮箱" in bad.content.decode()
    ok = client.post(
        "/accounts/profile/notices/",
        {
            "email": "on",
            "digest": "on",
            "email_address": "bob@example.cn",
            "sms": "on",
            "phone": "13912345678",
        },  # fmt: skip
    )
    assert ok.status_code == 302
    chosen = world.users["bob"].notice_setting
    assert (chosen.email, chosen.digest, chosen.sms) == (True, True, True)
    world.users["bob"].refresh_from_db()
    assert world.users["bob"].email == "bob@example.cn"
    page = client.get("/accounts/profile/").content.decode()
    assert 'value="13912345678"' in page


def test_the_celery_app_is_optional(settings):
    import importlib

    import taizhang.queue as queue

    settings.CELERY_BROKER_URL = ""
    assert importlib.reload(queue).app is None
