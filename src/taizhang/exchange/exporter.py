"""Workbook export and the blank template (headers, drop-downs, a 说明 sheet with examples)."""

from __future__ import annotations

from itertools import chain

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from taizhang.exchange.cells import FORMULA_START, escape
from taizhang.exchange.context import Context
from taizhang.exchange.sheets import SHEETS
from taizhang.exchange.sheets.base import SheetSpec
from taizhang.exchange.xlsx import XlsxWriter

HEADER_FONT = Font(bold=True)
REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
KIND_TEXT = {
    "text": "文字", "enum": "从下拉列表选择", "date": "日期，如 2025-04-21 或 2025年4月21日",
    "pastdate": "日期（不能晚于今天）", "month": "年月，如 1980-05", "datetime": "日期时间，如 2025-04-21 08:30",
    "count": "非负整数", "int": "整数（可为负）", "decimal": "数字", "money": "非负数字",
    "bool": "是 或 否", "list": "多项用“、”分隔",
}  # fmt: skip


def _specs(names):
    return [s for s in SHEETS if s.available() and (not names or s.name in names)]


def export_workbook(target, *, user=None, township=None, year=None, mask=True,
                    names: list[str] | None = None) -> dict[str, int]:  # fmt: skip
    """Write the registers the user may see to ``target``; return rows per sheet."""
    ctx = Context(user=user, township=township, year=year, mask=mask)
    book = XlsxWriter(target)
    counts = {}
    try:
        for spec in _specs(names):
            rows = chain([[c.header for c in spec.columns]], _escaped(spec.export_rows(ctx)))
            counts[spec.name] = book.add_sheet(spec.name, rows) - 1
    finally:
        book.close()
    return counts


def _escaped(rows):
    start = FORMULA_START
    for row in rows:
        yield [("'" + v if v.startswith(start) else v) if v.__class__ is str else v for v in row]


def _validation(spec: SheetSpec, sheet) -> None:
    for pos, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(pos)
        choices = col.choices or (("是", "否") if col.kind == "bool" else ())
        if choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=not col.required, showErrorMessage=True,
                                errorTitle="输入有误", error=f"请从列表中选择{col.header}")  # fmt: skip
            dv.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(dv)
        elif col.kind in ("count",):
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                allow_blank=True, showErrorMessage=True, errorTitle="输入有误",
                                error=f"{col.header}应为非负整数")  # fmt: skip
            dv.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(dv)


def export_template(target) -> None:
    """Write the blank template (LEDGER_FORMAT v1.1): the 说明 sheet first, with the rules
    and one example row per register; every register sheet holds its headers only."""
    book = Workbook()
    guide = book.active
    guide.title = "说明"
    guide.append(["台账工作簿格式 第1.1版 说明"])
    guide.append(["带 * 的列（表头标黄）为必填；日期可写 2025-04-21 或 2025年4月21日；"
                  "多项用“、”分隔；是/否 填“是”或“否”；金额按表头单位填写数字。"])  # fmt: skip
    guide.append(["各表为空白表，请从第2行起填写；填写示例见本表下方，本表不会被导入。"
                  "重复导入同一工作簿不会产生重复记录。"])  # fmt: skip
    guide.append([])
    guide.append(["工作表", "列", "是否必填", "填写要求", "唯一键（再次导入时据此更新）"])
    for cell in guide[guide.max_row]:
        cell.font = HEADER_FONT
    specs = _specs(None)
    for spec in specs:
        for col in spec.columns:
            rule = KIND_TEXT[col.kind]
            if col.choices:
                rule += "：" + "、".join(col.choices)
            if col.blank_ok:
                rule += "（县级单位留空或填“无”）"
            guide.append([spec.name, col.header, "必填" if col.required else "", rule,
                          spec.key_text])  # fmt: skip
        sheet = book.create_sheet(spec.name)
        sheet.append([c.header for c in spec.columns])
        for pos, col in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=pos)
            cell.font = HEADER_FONT
            if col.required:
                cell.fill = REQUIRED_FILL
            sheet.column_dimensions[get_column_letter(pos)].width = max(10, len(col.header) * 2 + 2)
        sheet.freeze_panes = "A2"
        _validation(spec, sheet)
    guide.append([])
    guide.append(["填写示例（每张表一行，仅供参考）"])
    guide.cell(row=guide.max_row, column=1).font = HEADER_FONT
    for spec in specs:
        guide.append([spec.name, *(c.header for c in spec.columns)])
        for cell in guide[guide.max_row][1:]:
            cell.font = HEADER_FONT
        guide.append(["示例", *(escape(v) for v in spec.example())])
    guide.column_dimensions["A"].width = 12
    guide.column_dimensions["B"].width = 18
    guide.column_dimensions["D"].width = 50
    book.save(target)


def error_copy(source, target, problems) -> None:
    """Save a copy of the uploaded workbook with a 错误说明 column on each faulty row.

    Streamed: the source is read row by row (openpyxl read-only) and the copy written row
    by row (write-only), so a large workbook is never held whole in memory.
    """
    by_sheet: dict[str, dict[int, list[str]]] = {}
    for p in problems:
        text = f"{p.column}：{p.message}" if p.column else p.message
        by_sheet.setdefault(p.sheet, {}).setdefault(max(p.row, 1), []).append(text)
    book = load_workbook(source, read_only=True, data_only=True)
    copy = Workbook(write_only=True)
    try:
        for sheet in book.worksheets:
            notes = by_sheet.get(sheet.title.strip(), {})
            out = copy.create_sheet(sheet.title)
            # The note column follows the widest row (a first streamed pass finds it).
            width = max((len(r) for r in sheet.iter_rows(values_only=True)), default=0)
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                row = list(values)
                if number == 1 and notes:
                    row += [None] * (width - len(row)) + [_styled(out, "错误说明", HEADER_FONT)]
                elif number in notes:
                    note = _styled(out, "；".join(notes[number]), Font(color="C00000"))
                    row += [None] * (width - len(row)) + [note]
                out.append(row)
    finally:
        book.close()
    copy.save(target)


def _styled(sheet, value, font):
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell
