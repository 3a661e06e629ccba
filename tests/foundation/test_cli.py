"""The `taizhang` console script: figures with sources, and refusal while migrations are pending."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from taizhang.cli import main

TAIZHANG = Path(sys.executable).with_name("taizhang")


def test_figures_json_lists_roster_figures_with_their_sources(demo, capsys):
    assert main(["figures", "--township", "烽火乡", "--year", "2025", "--json"]) == 0
    rows = {row["key"]: row for row in json.loads(capsys.readouterr().out)}
    deputies = rows["roster.deputies"]
    assert deputies["label"] == "在任代表" and deputies["unit"] == "名"
    assert deputies["value"] == 54 == len(deputies["sources"])
    assert all(s.startswith("people.Deputy:") for s in deputies["sources"])
    assert rows["roster.info_officers"]["value"] == 21


def test_figures_text_output_names_label_value_and_sources(demo, capsys):
    main(["figures", "--township", "烽火乡", "--year", "2025"])
    out = capsys.readouterr().out
    assert "在任代表：54名" in out and "people.Deputy:" in out


def test_figures_for_an_unknown_township_is_a_chinese_error(demo, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["figures", "--township", "无此乡", "--year", "2025"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "没有名为“无此乡”的乡镇" in err and "Traceback" not in err


def _fresh(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAIZHANG_", "DJANGO_"))}
    env.update(
        TAIZHANG_DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        TAIZHANG_VAR_DIR=str(tmp_path / "var"),
    )
    return subprocess.run(
        [str(TAIZHANG), *args], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "args",
    [["figures", "--township", "烽火乡", "--year", "2025"], ["backup", "x.backup"], ["serve"]],
)
def test_commands_refuse_while_migrations_are_pending(tmp_path, args):
    done = _fresh(tmp_path, *args)
    assert done.returncode == 1
    assert "taizhang migrate" in done.stderr and "数据库结构不是最新版本" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_lists_the_commands_in_chinese(tmp_path):
    done = _fresh(tmp_path, "--help")
    assert done.returncode == 0
    for command in (
        "migrate",
        "demo",
        "serve",
        "createadmin",
        "check-deploy",
        "backup",
        "restore",
        "figures",
    ):
        assert command in done.stdout
