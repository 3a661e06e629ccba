"""Projects belong to a ledger year: figures, a person's year and the workbook count only it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from taizhang.exchange.exporter import export_workbook
from taizhang.exchange.importer import import_workbook
from taizhang.figures.registry import figures_for
from taizhang.ledger import services
from taizhang.ledger.models import Project
from taizhang.ledger.selectors import person_year_sections
from tests.exchange.helpers import write_book


@pytest.fixture
def carried(world):
    """One project carried on from 2025 into 2026 (a row per year) and one new in 2026."""
    bob = world.people["p4"]
    common = dict(township=world.jia, kind="招商引资", responsible=bob, portfolio="招商引资")
    services.project_create(code="XM-1", year=2025, name="茶厂", intended_funds=Decimal(500),
                            arrived_funds=Decimal(200), **common)  # fmt: skip
    services.project_create(code="XM-1", year=2026, name="茶厂", intended_funds=Decimal(500),
                            arrived_funds=Decimal(450), **common)  # fmt: skip
    services.project_create(code="XM-2", year=2026, name="冷库", intended_funds=Decimal(300),
                            arrived_funds=Decimal(100), **common)  # fmt: skip
    return bob


def _facts(world, year):
    return {f.key: f.value for f in figures_for(world.jia, year, only=["ledger"])}


def test_figures_count_only_the_ledger_year(world, carried):
    assert _facts(world, 2025)["ledger.projects.count"] == 1
    assert _facts(world, 2025)["ledger.projects.arrived"] == 200
    assert _facts(world, 2026)["ledger.projects.count"] == 2
    assert _facts(world, 2026)["ledger.projects.arrived"] == 550
    assert "ledger.projects.count" not in _facts(world, 2024)


def test_a_persons_year_for_documents_counts_only_that_year(world, carried):
    def projects(year):
        section = next(
            s for s in person_year_sections(carried, year) if s.key == "portfolio:招商引资"
        )
        return {key: f.value for key, f in section.facts.items()}

    assert projects(2025)["funds_arrived"] == 200
    assert projects(2026)["funds_arrived"] == 550


def test_project_list_filters_by_year(login, world, carried):
    page = login("bob").get("/ledger/projects/?year=2025").content.decode()
    assert "茶厂" in page and "冷库" not in page


def test_workbook_key_is_code_and_year(world, carried, tmp_path):
    export_workbook(tmp_path / "out.xlsx", names=["项目"])
    rows = list(load_workbook(tmp_path / "out.xlsx")["项目"].values)
    assert rows[0][:3] == ("编号", "年度", "乡镇")
    assert sorted((r[0], int(r[1])) for r in rows[1:]) == [("XM-1", 2025), ("XM-1", 2026),
                                                          ("XM-2", 2026)]  # fmt: skip
    # A re-import of the export changes nothing; a new year's row is a new project.
    assert import_workbook(tmp_path / "out.xlsx").nothing_changed
    path = write_book(tmp_path / "next.xlsx", {"项目": [["编号", "年度", "乡镇", "名称"],
                                                       ["XM-1", 2027, "甲乡", "茶厂"]]})  # fmt: skip
    assert import_workbook(path).ok
    assert Project.objects.filter(code="XM-1").count() == 3


def test_version_1_workbook_needs_a_year(world, tmp_path):
    path = write_book(
        tmp_path / "v1.xlsx", {"项目": [["编号", "乡镇", "名称"], ["XM-9", "甲乡", "x"]]}
    )
    refused = import_workbook(path)
    assert [(p.sheet, p.column) for p in refused.errors] == [("项目", "年度")]
    assert "--year" in refused.errors[0].message
    assert import_workbook(path, year=2025).ok
    assert Project.objects.get(code="XM-9").year == 2025
