"""Helpers: write small workbooks and run the importer."""

from __future__ import annotations

from openpyxl import Workbook

from taizhang.exchange.importer import import_workbook


def write_book(path, sheets: dict[str, list[list]]) -> str:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return str(path)


def run(tmp_path, sheets, **kwargs):
    return import_workbook(write_book(tmp_path / "in.xlsx", sheets), **kwargs)


def messages(result) -> list[tuple[str, int, str, str]]:
    return [(p.sheet, p.row, p.column, p.message) for p in result.errors]
