"""The streaming export writer: special characters survive, LibreOffice opens the file."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from taizhang.exchange.exporter import export_workbook
from taizhang.exchange.importer import import_workbook
from taizhang.exchange.xlsx import XlsxWriter


def test_cells_keep_text_numbers_and_blanks(tmp_path):
    book = XlsxWriter(tmp_path / "x.xlsx")
    rows = [
        ["a", "b", "c", "d"],
        ["<&>\"'", " 前后空格 ", 12.5, 7],
        [None, "", "多行\n文字", "\x01控制"],
    ]
    assert book.add_sheet("表<1>", rows) == 3
    book.close()
    sheet = load_workbook(tmp_path / "x.xlsx")["表<1>"]
    assert [c.value for c in sheet[2]] == ["<&>\"'", " 前后空格 ", 12.5, 7]
    assert [c.value for c in sheet[3]] == [None, None, "多行\n文字", "控制"]


def test_libreoffice_reads_an_export_with_identical_cells(world, tmp_path):
    if not shutil.which("libreoffice"):
        pytest.fail("libreoffice is not installed")
    export_workbook(tmp_path / "out.xlsx", mask=False)
    converted = tmp_path / "lo"
    subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx", "--outdir",
                    str(converted), str(tmp_path / "out.xlsx")],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    result = import_workbook(converted / "out.xlsx")
    assert result.ok and result.nothing_changed, [str(p) for p in result.errors[:5]]
    assert sum(s.unchanged for s in result.sheets) >= 5 + 3 + 7  # persons, deputies, units
