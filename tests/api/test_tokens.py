"""Tokens: hashed storage, expiry, revocation, read/write scope, default deny, audit, CLI, page."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from taizhang.api.models import ApiToken
from taizhang.core.models import AuditEvent, AuditKind

from .conftest import ApiClient


def test_only_the_sha256_digest_is_stored(token_for):
    raw = token_for("alice")
    token = ApiToken.objects.get()
    assert raw.startswith("tz_") and len(raw) >= 40
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    stored = [str(v) for v in ApiToken.objects.values_list(flat=False).get()]
    assert not any(raw in v for v in stored)
    assert token.prefix == raw[:10]


def test_no_token_a_wrong_token_and_a_malformed_header_are_refused(api, cases):
    assert api(None).get("/api/v1/cases").status_code == 401
    wrong = ApiClient("tz_" + "x" * 43).get("/api/v1/cases")
    assert wrong.status_code == 401
    assert wrong.json()["detail"].startswith("未提供有效的接口令牌")
    assert wrong["WWW-Authenticate"].startswith("Bearer")
    client = Client()
    assert client.get("/api/v1/cases", headers={"Authorization": "Basic abc"}).status_code == 401


def test_a_session_login_is_not_enough_for_the_api(login, cases):
    assert login("alice").get("/api/v1/cases").status_code == 401


def test_an_expired_token_stops_working(token_for, cases):
    raw = token_for("alice", days=1)
    assert ApiClient(raw).get("/api/v1/cases").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert ApiClient(raw).get("/api/v1/cases").status_code == 401


def test_a_revoked_token_stops_working_at_once(token_for, cases):
    from taizhang.api.tokens import token_revoke

    raw = token_for("alice")
    client = ApiClient(raw)
    assert client.get("/api/v1/cases").status_code == 200
    token_revoke(token=ApiToken.objects.get())
    assert client.get("/api/v1/cases").status_code == 401


def test_a_deactivated_user_loses_api_access(token_for, world, cases):
    raw = token_for("alice")
    world.users["alice"].is_active = False
    world.users["alice"].save(update_fields=["is_active"])
    assert ApiClient(raw).get("/api/v1/cases").status_code == 401


def test_a_read_token_cannot_write(api, world):
    body = {"kind": "信访", "title": "测试", "channel": "网上", "petitioner_name": "赵某"}
    response = api("alice", "read").post("/api/v1/cases", body, **{"Idempotency-Key": "k1"})
    assert response.status_code == 403
    assert response.json()["detail"] == "该令牌为只读权限，不能写入。"
    write = api("alice", "write").post("/api/v1/cases", body, **{"Idempotency-Key": "k1"})
    assert write.status_code == 201


def test_a_role_without_the_permission_gets_403(api, cases):
    response = api("grace").get("/api/v1/cases")  # auditor: audit trail only
    assert response.status_code == 403
    assert "没有权限" in response.json()["detail"]


def test_every_api_call_is_audited_without_personal_data(api, cases):
    client = api("alice")
    client.get("/api/v1/cases", q="赵某某")
    client.get(f"/api/v1/cases/{cases['v1'].pk}")
    api(None).get("/api/v1/cases")
    events = list(AuditEvent.objects.filter(kind=AuditKind.API).order_by("id"))
    assert [e.summary for e in events] == [
        "GET /api/v1/cases → 200",
        f"GET /api/v1/cases/{cases['v1'].pk} → 200",
        "GET /api/v1/cases → 401",
    ]
    token = ApiToken.objects.get()
    assert events[0].username == "alice" and events[0].object_id == str(token.pk)
    assert events[2].outcome == "拒绝" and events[2].username == ""
    assert not any("赵" in e.summary for e in events)


def test_cli_issues_a_token_printed_once_and_revokes_it(world, cases):
    out = StringIO()
    call_command("token", "create", "--user", "carol", "--name", "村级系统", "--scope", "read",
                 "--days", "30", stdout=out)  # fmt: skip
    raw = out.getvalue().strip().splitlines()[-1]
    token = ApiToken.objects.get(user=world.users["carol"])
    assert token.name == "村级系统" and token.scope == "read"
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert ApiClient(raw).get("/api/v1/cases").status_code == 200
    listing = StringIO()
    call_command("token", "list", "--user", "carol", stdout=listing)
    assert "村级系统" in listing.getvalue() and raw not in listing.getvalue()
    call_command("token", "revoke", str(token.pk), stdout=StringIO())
    assert ApiClient(raw).get("/api/v1/cases").status_code == 401


def test_cli_refuses_bad_arguments_in_chinese(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="不存在"):
        call_command("token", "create", "--user", "nobody", "--name", "x", stdout=StringIO())
    with pytest.raises(CommandError, match="有效天数"):
        call_command("token", "create", "--user", "carol", "--name", "x", "--days", "0",
                     stdout=StringIO())  # fmt: skip


def test_profile_page_issues_shows_once_and_revokes(login, cases):
    client = login("carol")
    page = client.get("/accounts/profile/")
    assert page.status_code == 200 and "还没有令牌" in page.content.decode()
    issued = client.post(
        "/accounts/profile/tokens/", {"name": "村务系统", "scope": "read", "days": "7"}
    )
    html = issued.content.decode()
    assert issued.status_code == 200 and 'id="new-token"' in html
    token = ApiToken.objects.get()
    import re

    raw = re.search(r"<code class=\"user-select-all\">(tz_[^<]+)</code>", html).group(1)
    assert ApiClient(raw).get("/api/v1/cases").status_code == 200
    again = client.get("/accounts/profile/").content.decode()
    assert raw not in again and token.prefix in again and "村务系统" in again
    assert client.post(f"/accounts/profile/tokens/{token.pk}/revoke/").status_code == 302
    assert "已吊销" in client.get("/accounts/profile/").content.decode()
    assert ApiClient(raw).get("/api/v1/cases").status_code == 401


def test_profile_form_errors_are_chinese_and_others_tokens_cannot_be_revoked(login, token_for):
    token_for("alice")
    client = login("carol")
    bad = client.post("/accounts/profile/tokens/", {"name": "", "scope": "admin", "days": "999"})
    assert bad.status_code == 422
    html = bad.content.decode()
    assert "这个字段是必填项" in html or "必填" in html
    assert ApiToken.objects.count() == 1
    other = ApiToken.objects.get()
    assert client.post(f"/accounts/profile/tokens/{other.pk}/revoke/").status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None
