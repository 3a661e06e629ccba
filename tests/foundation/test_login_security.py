"""Login security (等保 level 2): lockout, timeouts, session rotation, first-login change, CSRF."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from taizhang.core.models import AuditEvent, AuditKind
from tests.conftest import PASSWORD, client_second_factor

LOGIN = "/accounts/login/"
START = datetime(2025, 3, 3, 1, 0, tzinfo=UTC)


def post_login(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_correct_password_logs_in_and_is_audited(client, world):
    response = post_login(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert client.get("/people/").status_code == 200
    event = AuditEvent.objects.filter(kind=AuditKind.LOGIN).get()
    assert event.username == "alice" and event.ip == "10.0.0.1"


def test_wrong_password_shows_a_chinese_error_and_is_audited(client, world):
    response = post_login(client, "alice", "wrong")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    event = AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED).get()
    assert event.username == "alice" and event.outcome == "失败"


def test_five_failures_lock_the_username_on_that_address_for_fifteen_minutes(client, world):
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(5):
            post_login(client, "alice", "wrong")
        locked = post_login(client, "alice", PASSWORD)
        assert locked.status_code == 429
        assert "锁定" in locked.content.decode()
        assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, username="alice").exists()
        # Another address is not locked out.
        assert post_login(Client(), "alice", PASSWORD, ip="10.0.0.2").status_code == 302
        clock.shift(timedelta(minutes=14))
        assert post_login(client, "alice", PASSWORD).status_code == 429
        clock.shift(timedelta(minutes=2))
        assert post_login(client, "alice", PASSWORD).status_code == 302


def test_four_failures_then_success_resets_the_counter(client, world):
    for _ in range(4):
        post_login(client, "alice", "wrong")
    assert post_login(client, "alice", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        post_login(client, "alice", "wrong")
    assert post_login(client, "alice", PASSWORD).status_code == 302


def test_idle_session_ends_after_thirty_minutes(client, world):
    with time_machine.travel(START, tick=False) as clock:
        post_login(client, "alice", PASSWORD)
        clock.shift(timedelta(minutes=29))
        assert client.get("/people/").status_code == 200
        clock.shift(timedelta(minutes=29))
        assert client.get("/people/").status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get("/people/")
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert client.get("/people/").status_code == 302
    event = AuditEvent.objects.filter(kind=AuditKind.TIMEOUT).get()
    assert event.username == "alice" and "空闲" in event.summary


def test_active_session_still_ends_after_twelve_hours(client, world):
    with time_machine.travel(START, tick=False) as clock:
        post_login(client, "alice", PASSWORD)
        for _ in range(28):  # 28 × 25 min = 11 h 40 min of steady work
            clock.shift(timedelta(minutes=25))
            assert client.get("/").status_code == 200
        clock.shift(timedelta(minutes=25))  # 12 h 05 min
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
    assert AuditEvent.objects.filter(kind=AuditKind.TIMEOUT, summary__contains="最长").exists()


def test_timeouts_follow_the_settings(client, world, settings):
    settings.SESSION_IDLE_TIMEOUT = timedelta(minutes=5)
    with time_machine.travel(START, tick=False) as clock:
        post_login(client, "alice", PASSWORD)
        clock.shift(timedelta(minutes=6))
        assert client.get("/").status_code == 302


def test_session_key_rotates_at_login_and_dies_at_logout(client, world):
    client.get(LOGIN)
    session = client.session
    session["probe"] = 1
    session.save()
    anonymous_key = session.session_key
    assert client.cookies["sessionid"].value == anonymous_key
    post_login(client, "alice", PASSWORD)
    login_key = client.cookies["sessionid"].value
    assert login_key != anonymous_key
    assert not Session.objects.filter(session_key=anonymous_key).exists()
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=login_key).exists()
    assert client.get("/people/").status_code == 302
    # Replaying the old cookie does not bring the session back.
    replay = Client()
    replay.cookies["sessionid"] = login_key
    assert replay.get("/people/").status_code == 302
    assert AuditEvent.objects.filter(kind=AuditKind.LOGOUT, username="alice").exists()


def test_seeded_admin_must_change_password_first(client, db):
    call_command("createadmin", "root", password="Root@Pass2025")
    response = post_login(client, "root", "Root@Pass2025")
    assert response.status_code == 302
    client_second_factor(client, response, "root")  # an admin enrols an authenticator first
    for url in ("/", "/accounts/users/", "/settings/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password/"
    weak = client.post(
        "/accounts/password/",
        {"old_password": "Root@Pass2025", "new_password1": "abcdefgh", "new_password2": "abcdefgh"},
    )
    assert weak.status_code == 200
    assert "密码" in weak.content.decode()
    done = client.post(
        "/accounts/password/",
        {
            "old_password": "Root@Pass2025",
            "new_password1": "Neu#Kennwort2025",
            "new_password2": "Neu#Kennwort2025",
        },
    )
    assert done.status_code == 302
    assert client.get("/accounts/users/").status_code == 200


def test_password_complexity_rule_is_enforced_in_chinese(db):
    from django.core.exceptions import ValidationError

    from taizhang.accounts.services import user_create

    with pytest.raises(ValidationError) as caught:
        user_create(username="simple", password="abcdefghij", role="auditor")
    assert any("字符" in m for m in caught.value.messages)


def test_demo_accounts_are_refused_in_production(client, demo, settings):
    settings.PRODUCTION = True
    response = post_login(client, "demo-renda", "Demo@2025")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    assert client.get("/people/").status_code == 302
    settings.PRODUCTION = False
    assert post_login(Client(), "demo-renda", "Demo@2025").status_code == 302


def test_demo_cannot_be_loaded_in_production(db, settings):
    from taizhang.demo.loader import load_demo

    settings.PRODUCTION = True
    with pytest.raises(RuntimeError, match="生产环境"):
        load_demo()


def test_csrf_is_enforced_on_login_and_on_writes(world):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(LOGIN, {"username": "alice", "password": PASSWORD}).status_code == 403
    page = strict.get(LOGIN).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(
        LOGIN, {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    forged = strict.post("/people/new/", {"name": "伪造", "unit": world.village1.pk})
    assert forged.status_code == 403
    assert strict.post("/accounts/logout/").status_code == 403
