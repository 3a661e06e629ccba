"""Rate limit per token: 429 past the limit, counters shared by every server process."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection

from taizhang.api.models import ApiRateCounter

from .conftest import ApiClient


def test_past_the_limit_a_token_gets_429_and_others_do_not(settings, token_for, cases):
    settings.API_RATE_LIMIT = 3
    alice, carol = ApiClient(token_for("alice")), ApiClient(token_for("carol"))
    statuses = [alice.get("/api/v1/cases") for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert statuses[0]["X-RateLimit-Limit"] == "3" and statuses[0]["X-RateLimit-Remaining"] == "2"
    refused = statuses[3]
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["detail"].startswith("调用过于频繁")
    assert carol.get("/api/v1/cases").status_code == 200
    assert sum(ApiRateCounter.objects.values_list("count", flat=True)) == 5


def test_the_window_rolls_over(settings, token_for, cases):
    from taizhang.api.ratelimit import rate_hit
    from taizhang.api.tokens import token_authenticate

    settings.API_RATE_LIMIT = 1
    token = token_authenticate(token_for("alice"))
    assert rate_hit(token.pk, now=1020.0).allowed
    assert not rate_hit(token.pk, now=1050.0).allowed
    assert rate_hit(token.pk, now=1081.0).allowed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, proc, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stdout.read())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


@pytest.mark.slow
def test_redis_counters_when_configured(settings, token_for, cases, tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: run `make test`, which installs it")
    port = _free_port()
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],  # fmt: skip
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait(port, proc)
        settings.TAIZHANG_REDIS_URL = f"redis://127.0.0.1:{port}/0"
        settings.API_RATE_LIMIT = 2
        alice = ApiClient(token_for("alice"))
        assert [alice.get("/api/v1/cases").status_code for _ in range(3)] == [200, 200, 429]
        assert ApiRateCounter.objects.count() == 0  # counted in Redis, not the database
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _database_url(name: str) -> str:
    settings = connection.settings_dict
    user, host = settings["USER"] or "postgres", settings["HOST"] or "127.0.0.1"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{name}"


def _pg_admin(sql: str) -> None:
    """Run CREATE/DROP DATABASE outside the test's transaction."""
    import psycopg

    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        user=s["USER"] or "postgres",
        password=s["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(sql)


@pytest.mark.slow
def test_the_limit_holds_across_two_server_processes(tmp_path, db):
    """Two gunicorn processes on one database; requests alternate between them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAIZHANG_", "DJANGO_"))}
    env.update(
        TAIZHANG_VAR_DIR=str(tmp_path),
        TAIZHANG_API_RATE_LIMIT="5",
        TAIZHANG_API_RATE_WINDOW="3600",
        DJANGO_SETTINGS_MODULE="taizhang.settings",
    )
    bin_dir = Path(sys.executable).parent
    dbname = None
    if connection.vendor == "postgresql":
        dbname = f"tz_rate_{uuid.uuid4().hex[:8]}"
        _pg_admin(f'CREATE DATABASE "{dbname}"')
        env["TAIZHANG_DATABASE_URL"] = _database_url(dbname)
    servers = []
    try:
        # One process migrates, creates the user and prints a token (the CLI's own command).
        setup = (
            "import django; django.setup()\n"
            "from django.core.management import call_command\n"
            "call_command('migrate', verbosity=0)\n"
            "call_command('createadmin', 'integrator', password='Rate@Limit2025')\n"
            "call_command('token', 'create', user='integrator', name='限流测试')\n"
        )
        done = subprocess.run([sys.executable, "-c", setup], env=env, capture_output=True,
                              text=True, check=True)  # fmt: skip
        raw = done.stdout.strip().splitlines()[-1]
        ports = [_free_port(), _free_port()]
        for port in ports:
            proc = subprocess.Popen(
                [
                    str(bin_dir / "gunicorn"),
                    "taizhang.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],  # fmt: skip
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            servers.append(proc)
            _wait(port, proc)
        statuses = []
        for i in range(8):
            request = urllib.request.Request(
                f"http://127.0.0.1:{ports[i % 2]}/api/v1/cases",
                headers={"Authorization": f"Bearer {raw}"},
            )
            try:
                with urllib.request.urlopen(request, timeout=90) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)
        # The admin has no case permission (403), but every call counts against the token.
        assert statuses == [403] * 5 + [429] * 3, statuses
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait(timeout=10)
        if dbname:
            _pg_admin(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
