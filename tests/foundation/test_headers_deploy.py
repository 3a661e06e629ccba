"""Security headers, a strict CSP the pages actually obey, and Django's deploy checks."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

TAIZHANG = Path(sys.executable).with_name("taizhang")


def test_login_page_sends_the_security_headers(client, db):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"\sstyle\s*=", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize(
    ("persona", "url"),
    [
        ("alice", "/"),
        ("alice", "/people/"),
        ("alice", "/people/deputies/"),
        ("alice", "/people/posts/"),
        ("alice", "/people/new/"),
        ("alice", "/org/"),
        ("frank", "/accounts/users/"),
        ("frank", "/accounts/users/new/"),
        ("frank", "/settings/"),
        ("grace", "/audit/"),
    ],
)
def test_pages_have_no_inline_script_style_or_handlers(login, world, persona, url):
    body = login(persona).get(url).content.decode()
    assert not INLINE_SCRIPT.search(body), INLINE_SCRIPT.search(body).group(0)
    assert not INLINE_STYLE.search(body)
    assert not INLINE_HANDLER.search(body)


def test_person_detail_has_no_inline_code(login, world):
    body = login("alice").get(f"/people/{world.people['p1'].pk}/").content.decode()
    assert not INLINE_SCRIPT.search(body)
    assert not INLINE_STYLE.search(body)
    assert not INLINE_HANDLER.search(body)


def test_no_cdn_is_referenced(login, world):
    body = login("alice").get("/").content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', body)


def _run(args, tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAIZHANG_", "DJANGO_"))}
    env.update(
        TAIZHANG_SECRET_KEY=secrets.token_urlsafe(64),
        TAIZHANG_DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        TAIZHANG_VAR_DIR=str(tmp_path / "var"),
    )
    env.update(extra)
    return subprocess.run(
        [str(TAIZHANG), *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_settings(tmp_path):
    done = _run(["check-deploy"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "部署检查通过" in done.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    done = _run(["check-deploy"], tmp_path, TAIZHANG_SECRET_KEY="")
    assert done.returncode != 0
    assert "TAIZHANG_SECRET_KEY" in done.stderr
    assert "Traceback" not in done.stderr
