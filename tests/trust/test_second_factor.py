"""Second factor for admin, auditor and county; lockout across addresses; one session (#12.4)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from taizhang.accounts import otp
from taizhang.core.models import AuditEvent, AuditKind
from tests.conftest import PASSWORD, code_for_secret, totp_code

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
CODE = "/accounts/login/code/"
ENROL = "/accounts/login/authenticator/"


def _password(client, username, password=PASSWORD, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _logged_in(client) -> bool:
    return client.get("/accounts/profile/").status_code == 200


@pytest.mark.parametrize("persona", ["frank", "grace", "erin"])
def test_the_password_alone_does_not_log_in_a_second_factor_role(world, persona):
    device = otp.enrol_confirmed(user=world.users[persona])
    client = Client()
    response = _password(client, persona)
    assert response.status_code == 302 and response["Location"] == CODE
    assert not _logged_in(client)
    response = client.post(CODE, {"code": totp_code(device)})
    assert response.status_code == 302
    assert _logged_in(client)


def test_other_roles_log_in_with_the_password(world):
    client = Client()
    response = _password(client, "alice")
    assert response.status_code == 302 and response["Location"] == "/"
    assert _logged_in(client)


def test_a_wrong_code_is_refused_in_chinese_and_audited(world):
    otp.enrol_confirmed(user=world.users["frank"])
    client = Client()
    _password(client, "frank")
    response = client.post(CODE, {"code": "000000"})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert not _logged_in(client)
    assert AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, username="frank").exists()


def test_a_recovery_code_logs_in_once(world):
    otp.enrol_confirmed(user=world.users["grace"])
    codes = otp.recovery_codes_renew(user=world.users["grace"])
    first = Client()
    _password(first, "grace")
    assert first.post(CODE, {"code": codes[0]}).status_code == 302
    assert _logged_in(first)
    again = Client()
    _password(again, "grace", ip="10.0.0.9")
    assert again.post(CODE, {"code": codes[0]}).status_code == 200
    assert not _logged_in(again)


def test_first_login_enrols_with_the_key_as_text_and_qr_then_shows_recovery_codes(world, settings):
    # django-otp makes a device wait after a wrong code (1 s, doubling); not what is tested.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = Client()
    response = _password(client, "erin")
    assert response["Location"] == ENROL
    page = client.get(ENROL).content.decode()
    assert '<div class="text-center mb-2" id="otp-qr"><svg' in page
    secret = re.search(r'id="otp-secret"[^>]*>([A-Z2-7 ]+)<', page).group(1)
    assert client.post(ENROL, {"code": "123456"}).status_code == 200
    assert not _logged_in(client)
    done = client.post(ENROL, {"code": code_for_secret(secret)})
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", done.content.decode())
    assert len(codes) == otp.RECOVERY_COUNT
    assert _logged_in(client)
    assert otp.confirmed_device(world.users["erin"]) is not None


def test_a_new_admin_login_ends_the_older_session(world):
    device = otp.enrol_confirmed(user=world.users["frank"])
    office = Client()
    _password(office, "frank")
    office.post(CODE, {"code": totp_code(device)})
    assert _logged_in(office)
    home = Client()
    _password(home, "frank", ip="10.0.0.7")
    home.post(CODE, {"code": totp_code(device)})
    assert _logged_in(home)
    assert not _logged_in(office)


def test_a_county_user_may_keep_two_sessions(world):
    device = otp.enrol_confirmed(user=world.users["erin"])
    clients = [Client(), Client()]
    for client in clients:
        _password(client, "erin")
        client.post(CODE, {"code": totp_code(device)})
    assert all(_logged_in(c) for c in clients)


def test_failures_spread_over_addresses_lock_the_account_everywhere(world, settings):
    settings.ACCOUNT_LOCKOUT_FAILURES = 10
    for n in range(10):  # two per address: no address reaches its own limit of five
        _password(Client(), "alice", "wrong", ip=f"10.0.1.{n // 2}")
    locked = _password(Client(), "alice", ip="10.0.2.1")
    assert locked.status_code == 429
    assert "锁定" in locked.content.decode()
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, username="alice").exists()


def test_wrong_codes_count_towards_the_lockout(world, settings):
    settings.ACCOUNT_LOCKOUT_FAILURES = 4
    otp.enrol_confirmed(user=world.users["frank"])
    client = Client()
    _password(client, "frank")
    for _ in range(4):
        client.post(CODE, {"code": "000000"})
    assert client.post(CODE, {"code": "000000"}).status_code == 429


def test_demo_enrols_its_admin_auditor_and_county_and_prints_their_keys(db):
    out = io.StringIO()
    call_command("demo", stdout=out)
    printed = out.getvalue()
    keys = dict(re.findall(r"^\s+(demo-\S+)\s+([A-Z2-7]{4}(?: [A-Z2-7]{1,4})+)\s*$", printed, re.M))
    assert set(keys) == {"demo-admin", "demo-auditor", "demo-xian"}
    client = Client()
    response = _password(client, "demo-auditor", "Demo@2025")
    assert response["Location"] == CODE
    client.post(CODE, {"code": code_for_secret(keys["demo-auditor"])})
    assert client.get("/audit/").status_code == 200
