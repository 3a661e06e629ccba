"""Import contracts: writer/ and checker/ stay pure Python, checker/ stands alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "taizhang"
APPS = [
    "core",
    "accounts",
    "people",
    "cases",
    "meetings",
    "duty",
    "ledger",
    "exchange",
    "figures",
    "documents",
    "web",
]


def _imports(package: str) -> list[tuple[str, str]]:
    found = []
    for path in (SRC / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(SRC)), alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((str(path.relative_to(SRC)), node.module))
    return found


@pytest.mark.parametrize("package", ["writer", "checker"])
def test_pure_packages_import_no_django_and_no_app(package):
    bad = [
        (where, name)
        for where, name in _imports(package)
        if name.split(".")[0] == "django"
        or any(name == f"taizhang.{app}" or name.startswith(f"taizhang.{app}.") for app in APPS)
    ]
    assert bad == []


def test_checker_does_not_import_the_writer():
    bad = [(w, n) for w, n in _imports("checker") if n.startswith("taizhang.writer")]
    assert bad == []
