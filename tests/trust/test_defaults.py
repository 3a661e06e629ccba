"""No fixed public secret key; demo logins only where `taizhang demo` ran (#12.5)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from django.test import Client

from taizhang.demo.loader import mark_demo_instance
from taizhang.settings import instance_secret_key
from tests.conftest import PASSWORD

PRINT_KEY = "import taizhang.settings as s; print(s.SECRET_KEY)"


def _settings_process(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TAIZHANG_")}
    clean.update(TAIZHANG_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_KEY], env=clean, capture_output=True, text=True, timeout=60
    )


def test_without_an_environment_each_instance_makes_its_own_private_key(tmp_path):
    first = _settings_process(tmp_path / "a")
    again = _settings_process(tmp_path / "a")
    other = _settings_process(tmp_path / "b")
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip()
    assert len(key) >= 50
    assert again.stdout.strip() == key
    assert other.stdout.strip() != key
    path = tmp_path / "a" / "secret-key"
    assert path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_production_refuses_to_start_without_a_key(tmp_path):
    result = _settings_process(tmp_path, TAIZHANG_ENV="production")
    assert result.returncode != 0
    assert "TAIZHANG_SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret-key").exists()


def test_production_uses_the_key_it_is_given(tmp_path):
    given = "k" * 60
    result = _settings_process(tmp_path, TAIZHANG_ENV="production", TAIZHANG_SECRET_KEY=given)
    assert result.stdout.strip() == given


def test_the_key_helper_reuses_the_file(tmp_path):
    assert instance_secret_key(tmp_path) == instance_secret_key(tmp_path)


@pytest.fixture
def demo_user(world):
    user = world.users["alice"]
    user.is_demo = True
    user.save(update_fields=["is_demo"])
    return user


@pytest.mark.django_db
def test_a_demo_account_logs_in_only_where_the_demo_was_loaded(demo_user, settings, tmp_path):
    settings.DEMO_MARKER = tmp_path / "demo-instance"
    refused = Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert refused.status_code == 200
    assert "用户名或密码不正确" in refused.content.decode()
    mark_demo_instance()
    allowed = Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert allowed.status_code == 302


@pytest.mark.django_db
def test_a_demo_account_never_logs_in_in_production(demo_user, settings, tmp_path):
    settings.DEMO_MARKER = tmp_path / "demo-instance"
    mark_demo_instance()
    settings.PRODUCTION = True
    response = Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
