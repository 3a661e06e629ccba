"""Safe opening of an uploaded workbook: a real xlsx, no macros, no zip bomb."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from taizhang.core.uploads import too_large, upload_limit
from taizhang.core.zipguard import Limits, ZipRefused, inspect, sheet_extent

ZIP_SIGNATURE = b"PK\x03\x04"
# A 100,000-row ledger unpacks to about 30 MB in some 30 parts and holds under a million
# cells; these limits leave room for that and refuse what would exhaust a worker.
LIMITS = Limits(entries=300, unpacked=160 * 1024 * 1024)
MAX_CELLS = 2_000_000
SKIPPED_PARTS = {"xl/sharedStrings.xml", "xl/styles.xml", "[Content_Types].xml"}


class WorkbookRefused(Exception):
    """The file is not an acceptable workbook; the message is Chinese."""


def check_file(path: str | Path, *, name: str = "") -> None:
    """Refuse anything but a plain .xlsx within the size, entry and unpacked limits."""
    path = Path(path)
    name = name or path.name
    size = path.stat().st_size
    limit = upload_limit()
    if size > limit:
        raise WorkbookRefused(too_large(size))
    if name.lower().endswith((".xlsm", ".xltm", ".xlsb", ".xls")):
        raise WorkbookRefused("只接受 .xlsx 格式的工作簿，不接受含宏或旧格式的文件。")
    with path.open("rb") as fh:
        if fh.read(4) != ZIP_SIGNATURE:
            raise WorkbookRefused("文件不是有效的 .xlsx 工作簿（文件签名不符）。")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = inspect(archive, LIMITS, what="工作簿")
            names = {info.filename for info in infos}
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                raise WorkbookRefused("文件不是有效的 .xlsx 工作簿（缺少工作簿结构）。")
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise WorkbookRefused("工作簿含有宏（VBA），已拒绝。请另存为不含宏的 .xlsx。")
            types = archive.read("[Content_Types].xml")
            if b"macroEnabled" in types or b"vbaProject" in types:
                raise WorkbookRefused("工作簿含有宏（VBA），已拒绝。请另存为不含宏的 .xlsx。")
            _check_cells(archive, names)
    except ZipRefused as exc:
        raise WorkbookRefused(str(exc)) from exc
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise WorkbookRefused("文件已损坏，无法作为 .xlsx 打开。") from exc


def _check_cells(archive: zipfile.ZipFile, names: set[str]) -> None:
    """Refuse a workbook whose sheets span more cells than MAX_CELLS, before reading it."""
    total = 0
    # Every part, not only xl/worksheets/: the workbook's relations may point anywhere.
    for name in sorted(names):
        if name.endswith(".xml") and name not in SKIPPED_PARTS:
            rows, cols = sheet_extent(archive, name)
            total += rows * cols
            if total > MAX_CELLS:
                raise WorkbookRefused(
                    f"工作簿的表格范围过大（超过 {MAX_CELLS // 10000} 万个单元格，"
                    f"其中一张表达 {rows} 行 × {cols} 列），已拒绝，未读取内容。"
                    "请删除多余的行列或拆分后分批导入。"
                )


class Sheet:
    """One sheet's rows as lists of raw values (row 1 is the header)."""

    def __init__(self, name: str, rows: list[list]):
        self.name = name
        self.rows = rows

    @property
    def header(self) -> list[str]:
        from taizhang.exchange.cells import text

        return [text(v) for v in (self.rows[0] if self.rows else [])]

    def count(self) -> int:
        """Number of non-blank data rows (cached)."""
        if not hasattr(self, "_count"):
            self._count = sum(1 for _ in self.data())
        return self._count

    def data(self) -> Iterator[tuple[int, list]]:
        """Yield (Excel row number, values) for every non-blank data row."""
        for index, row in enumerate(self.rows[1:], start=2):
            if any(v is not None and v != "" for v in row):
                yield index, row


def read_sheets(path: str | Path) -> dict[str, Sheet]:
    """Read every sheet with python-calamine (fast, no formulas evaluated)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        out = {}
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            out[name.strip()] = Sheet(name.strip(), [list(r) for r in rows])
        return out
    except Exception as exc:  # calamine raises its own error types for damaged parts
        raise WorkbookRefused(
            f"无法读取工作簿：{type(exc).__name__}。请用 Excel 或 WPS 另存后重试。"
        ) from exc
