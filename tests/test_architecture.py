"""Import contracts (pyproject's [tool.importlinter], docs/ARCHITECTURE.md) checked by import-linter."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_layer_contract_is_kept():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    expected = len(contracts["contracts"])
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"Contracts: {expected} kept, 0 broken." in done.stdout


def test_a_broken_contract_is_reported(tmp_path):
    """The same tool fails when core reaches up into an app (a contract that can break)."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "taizhang"\n'
        '[[tool.importlinter.contracts]]\nname = "core must not import core"\n'
        'type = "forbidden"\nsource_modules = ["taizhang.core.scope"]\n'
        'forbidden_modules = ["taizhang.core.roles"]\n',
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--config", str(config), "--no-cache"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "BROKEN" in done.stdout
