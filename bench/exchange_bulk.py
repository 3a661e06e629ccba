"""Bench: import a 100,000-row workbook and export 100,000 rows, printing time and peak RSS.

Usage:
  .venv/bin/python bench/exchange_bulk.py                       # SQLite (temporary file)
  TAIZHANG_DATABASE_URL=postgres://postgres@127.0.0.1:5432/tz_bench .venv/bin/python bench/exchange_bulk.py
Goals: import ≤ 30 s and ≤ 500 MB peak RSS; export ≤ 20 s.
BENCH_ROWS=20000 BENCH_PROFILE=1 prints the cProfile top functions of import and export.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
work = Path(tempfile.mkdtemp(prefix="tz-bench-"))
os.environ.setdefault("TAIZHANG_DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from taizhang.core.services import org_unit_create  # noqa: E402
from taizhang.people.validators import id_check_char  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_workbook(path: Path, rows: int) -> None:
    """40% persons, 40% work entries, 20% projects, all in 基准乡's villages."""
    people, entries = rows * 2 // 5, rows * 2 // 5
    projects = rows - people - entries
    book = Workbook(write_only=True)
    sheet = book.create_sheet("人员")
    sheet.append(["姓名", "性别", "出生年月", "所在单位", "手机号", "身份证号", "住址"])
    for i in range(people):
        born = date(1960, 1, 1) + timedelta(days=i // 1000)
        first17 = f"990101{born:%Y%m%d}{i % 1000:03d}"
        sheet.append([f"人员{i}", "男" if i % 2 else "女", f"{1960 + i % 40}-{1 + i % 12:02d}",
                      f"基准乡{i % 20}村", f"139{i:08d}", first17 + id_check_char(first17),
                      f"基准乡{i % 20}村{i}号"])  # fmt: skip
    sheet = book.create_sheet("工作记录")
    sheet.append(["姓名", "所在单位", "日期", "分管工作", "事项", "内容"])
    for i in range(entries):
        p = i % people
        sheet.append([f"人员{p}", f"基准乡{p % 20}村", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      "驻村联络", f"事项{i}", "入户走访，记录群众诉求"])  # fmt: skip
    sheet = book.create_sheet("项目")
    sheet.append(
        ["编号", "年度", "乡镇", "名称", "类型", "意向资金(万元)", "到位资金(万元)", "状态"]
    )
    for i in range(projects):
        sheet.append([f"B{i:06d}", 2025, "基准乡", f"项目{i}", "产业", 100 + i % 50, 50, "在建"])
    book.save(path)


def profiled(label, func, *args, **kwargs):
    """Run ``func``; with BENCH_PROFILE=1 print its 25 costliest functions (cumulative)."""
    if not os.environ.get("BENCH_PROFILE"):
        return func(*args, **kwargs)
    import cProfile
    import pstats

    profile = cProfile.Profile()
    result = profile.runcall(func, *args, **kwargs)
    print(f"--- {label} ---")
    pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    return result


def main() -> None:
    from django.db import connection

    call_command("migrate", verbosity=0)
    county = org_unit_create(name="基准县", kind="county")
    township = org_unit_create(name="基准乡", kind="township", parent=county)
    for n in range(20):
        org_unit_create(name=f"{n}村", kind="village", parent=township)
    path = work / "bulk.xlsx"
    t = time.perf_counter()
    make_workbook(path, ROWS)
    print(f"数据库：{connection.vendor}；生成 {ROWS} 行工作簿 {time.perf_counter() - t:.1f} 秒，"
          f"{path.stat().st_size / 1048576:.1f} MB")  # fmt: skip
    from taizhang.exchange.exporter import export_workbook
    from taizhang.exchange.importer import import_workbook

    t = time.perf_counter()
    result = profiled("import", import_workbook, path)
    took = time.perf_counter() - t
    assert result.ok, [str(p) for p in result.errors[:5]]
    print(f"导入：{took:.1f} 秒，峰值内存 {peak_mb():.0f} MB；" + "；".join(result.summary_lines()))
    t = time.perf_counter()
    result = import_workbook(path)
    print(f"重复导入（无变化）：{time.perf_counter() - t:.1f} 秒，{result.summary_lines()[-1]}")
    t = time.perf_counter()
    counts = profiled(
        "export", export_workbook, work / "out.xlsx", names=["人员", "工作记录", "项目"]
    )
    print(
        f"导出 {sum(counts.values())} 行：{time.perf_counter() - t:.1f} 秒，峰值内存 {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
