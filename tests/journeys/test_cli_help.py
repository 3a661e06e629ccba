"""`taizhang <command> --help` answers anywhere and lists only the command's own options."""

from __future__ import annotations

import pytest

from taizhang.cli import main
from tests.foundation.test_cli import _fresh

DJANGO_OPTIONS = ("--settings", "--pythonpath", "--traceback", "--no-color", "--verbosity")
COMMANDS = ["migrate", "demo", "createadmin", "check-deploy", "backup", "restore", "figures",
            "import", "export", "report", "serve"]  # fmt: skip


def test_report_help_works_before_the_database_is_migrated(tmp_path):
    done = _fresh(tmp_path, "report", "--help")
    assert done.returncode == 0, done.stderr
    assert "用法：taizhang report" in done.stdout and "--township" in done.stdout
    assert not any(option in done.stdout for option in DJANGO_OPTIONS)
    assert "数据库结构不是最新版本" not in done.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_shows_its_own_options_only(command, capsys):
    # No database fixture: pytest-django would fail any query, so help reads no table.
    assert main([command, "-h"]) == 0
    out = capsys.readouterr().out
    assert f"taizhang {command}" in out
    assert not any(option in out for option in DJANGO_OPTIONS), out
