"""Bench: the export's streaming .xlsx writer against XlsxWriter (constant memory), side by side.

Usage: .venv/bin/python bench/xlsx_writers.py   (BENCH_ROWS=100000 by default)
Writes the same rows of 9 columns (text, an integer, a decimal) with both, three rounds
alternating, and prints the median seconds, the ratio and the file sizes; both files are
read back with openpyxl and must hold the same values. XlsxWriter is not a dependency of
the project; install it into the venv to compare (pip install XlsxWriter).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from openpyxl import load_workbook  # noqa: E402

from taizhang.exchange.xlsx import ILLEGAL, XlsxWriter  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
           "strings_to_numbers": False}  # fmt: skip


def rows():
    for i in range(ROWS):
        yield [f"人员{i}", "男" if i % 2 else "女", f"{1960 + i % 40}-05", f"基准乡{i % 20}村",
               f"139{i:08d}", f"990101198001{i % 1000:03d}1X", f"基准乡{i % 20}村{i}号", i,
               i / 4]  # fmt: skip


def ours(path: Path) -> None:
    book = XlsxWriter(path)
    book.add_sheet("人员", rows())
    book.close()


def theirs(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), OPTIONS)
    sheet = book.add_worksheet("人员")
    for r, row in enumerate(rows()):
        for c, value in enumerate(row):
            if value.__class__ is str:
                sheet.write_string(r, c, ILLEGAL.sub("", value))
            else:
                sheet.write_number(r, c, value)
    book.close()


def values(path: Path, limit: int = 500) -> list:
    sheet = load_workbook(path, read_only=True).active
    return [list(r) for r in sheet.iter_rows(max_row=limit, values_only=True)]


def main() -> None:
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        print("XlsxWriter 未安装：pip install XlsxWriter 后再比较。")
        return
    work = Path(tempfile.mkdtemp(prefix="tz-xlsx-"))
    times: dict[str, list[float]] = {"ours": [], "xlsxwriter": []}
    for _ in range(3):
        for name, write in (("ours", ours), ("xlsxwriter", theirs)):
            start = time.perf_counter()
            write(work / f"{name}.xlsx")
            times[name].append(time.perf_counter() - start)
    assert values(work / "ours.xlsx") == values(work / "xlsxwriter.xlsx")
    for name, runs in times.items():
        size = (work / f"{name}.xlsx").stat().st_size / 1048576
        print(
            f"{name:>10}: {ROWS} 行 × 9 列，中位数 {statistics.median(runs):.2f} 秒，{size:.1f} MB"
        )
    ratio = statistics.median(times["xlsxwriter"]) / statistics.median(times["ours"])
    print(f"XlsxWriter / 本项目写出器 = {ratio:.1f} 倍")


if __name__ == "__main__":
    main()
