"""Print duty-overview timings and query counts for a township of 80 and a county of 3,000.

Runs on a fresh scratch database: SQLite in a temporary file by default, or the database
named by TAIZHANG_DATABASE_URL (use a scratch PostgreSQL database: it is migrated and filled).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "duty"))

_tmp = tempfile.mkdtemp(prefix="taizhang-bench-")
os.environ.setdefault("TAIZHANG_DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("TAIZHANG_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from duty_scale import build  # noqa: E402

from taizhang.core.services import org_unit_create  # noqa: E402
from taizhang.duty.selectors import duty_overview  # noqa: E402
from taizhang.people.models import Deputy  # noqa: E402

YEAR = 2025
RUNS = 5


def measure(label: str, deputies) -> None:
    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            records = duty_overview(deputies=deputies, year=YEAR, today=date(YEAR, 12, 31))
            timings.append(time.perf_counter() - start)
    timings.sort()
    print(
        f"{label:<28} deputies={len(records):>5}  queries={len(ctx.captured_queries):>2}  "
        f"best={timings[0] * 1000:8.1f} ms  median={timings[len(timings) // 2] * 1000:8.1f} ms"
    )


def main() -> int:
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    stamp = str(int(time.time()))
    county = org_unit_create(name=f"基准县{stamp}", kind="county")
    t0 = time.perf_counter()
    small = build(county=county, townships=1, per_township=80, tag=f"A{stamp}")
    big = build(county=county, townships=30, per_township=100, tag=f"B{stamp}")
    print(f"database: {vendor}; data built in {time.perf_counter() - t0:.1f} s")
    measure("township, 80 deputies", Deputy.objects.filter(township__in=small))
    measure("county, 3,000 deputies", Deputy.objects.filter(township__in=big))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
