"""Generate up to 1,000,000 cases across a county; print list-page and figures timings.

Runs on a fresh scratch database: SQLite in a temporary file by default, or the database
named by TAIZHANG_DATABASE_URL (use a scratch PostgreSQL database: it is migrated and filled).
Usage: python bench/cases_scale.py [--cases 1000000] [--townships 20] [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
_tmp = tempfile.mkdtemp(prefix="taizhang-bench-")
os.environ.setdefault("TAIZHANG_DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("TAIZHANG_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from taizhang.accounts.models import User  # noqa: E402
from taizhang.cases.models import Case, CaseSponsor  # noqa: E402
from taizhang.core.services import org_unit_create  # noqa: E402
from taizhang.figures.registry import figures_for  # noqa: E402
from taizhang.people.models import Deputy, Person  # noqa: E402

KINDS = ["建议"] * 30 + ["议案"] * 2 + ["信访"] * 40 + ["评议意见"] * 8 + ["救助"] * 20
STATES = {
    "建议": ["已登记", "已交办", "办理中", "已答复", "已评价", "已办结", "已办结", "已办结"],
    "议案": ["已登记", "已立案", "已交办", "办理中", "已办结"],
    "信访": ["已登记", "已受理", "已交办", "调查中", "已答复", "已办结", "已办结", "已回访"],
    "评议意见": ["已交办", "整改中", "已反馈", "已办结"],
    "救助": ["已申请", "已核实", "已上报", "已审批", "已发放", "已建档"],
}
CLOSED = {"已办结", "已回访", "已建档", "不予受理"}
BATCH = 10_000


FIELDS = [f for f in Case._meta.concrete_fields if not f.primary_key]


def fast_insert(batch: list) -> int:
    """Insert cases with executemany (SQLite caps bulk_create at 999 parameters); return
    the id of the first row (ids are consecutive in this single-writer scratch database)."""
    table = Case._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f.column) for f in FIELDS)
    marks = ", ".join(["%s"] * len(FIELDS))
    rows = [
        [f.get_db_prep_save(f.pre_save(case, True), connection) for f in FIELDS] for case in batch
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        first = cursor.fetchone()[0] + 1
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
    return first


def build(n_cases: int, n_townships: int):
    rng = random.Random(7)
    stamp = str(int(time.time()))
    county = org_unit_create(name=f"基准县{stamp}", kind="county")
    townships, units, villages, deputies = [], {}, {}, {}
    for t in range(n_townships):
        township = org_unit_create(name=f"基准乡{t:03d}", kind="township", parent=county)
        townships.append(township)
        villages[township.pk] = [
            org_unit_create(name=f"村{v:02d}", kind="village", parent=township) for v in range(12)
        ]
        units[township.pk] = villages[township.pk] + [
            org_unit_create(name=f"站所{s:02d}", kind="station", parent=township) for s in range(8)
        ]
        people = Person.objects.bulk_create(
            [
                Person(name=f"代表{t}-{i}", unit=township, township=township, county=county)
                for i in range(50)
            ]
        )
        Deputy.objects.bulk_create(
            [
                Deputy(
                    person=p,
                    level="乡镇",
                    term="第十四届",
                    township=township,
                    start=date(2021, 10, 1),
                )
                for p in people
            ]
        )
        deputies[township.pk] = [p.pk for p in people]
    start_day = date(2021, 1, 1)
    span = (date(2026, 11, 28) - start_day).days
    made = 0
    counters: dict = {}
    while made < n_cases:
        batch, sponsor_rows = [], []
        for _ in range(min(BATCH, n_cases - made)):
            township = townships[made % n_townships]
            kind = rng.choice(KINDS)
            state = rng.choice(STATES[kind])
            registered = start_day + timedelta(days=rng.randrange(span))
            key = (township.pk, kind, registered.year)
            counters[key] = counters.get(key, 0) + 1
            unit = (
                rng.choice(units[township.pk])
                if state not in ("已登记", "已立案", "已受理", "已申请")
                else None
            )
            closed = (
                registered + timedelta(days=rng.randrange(10, 120)) if state in CLOSED else None
            )
            due = registered + timedelta(days=rng.choice([15, 60, 90, 180]))
            village = rng.choice(villages[township.pk]) if kind in ("信访", "救助") else None
            satisfaction = (
                rng.choice(["满意", "满意", "基本满意", "不满意"])
                if state in ("已评价", "已办结", "已回访") and kind != "救助"
                else ""
            )
            batch.append(
                Case(
                    county_id=county.pk,
                    township_id=township.pk,
                    kind=kind,
                    code=f"{kind[0]}{registered.year}-{counters[key]:06d}",
                    title=f"关于第{made}号事项的{kind}",
                    state=state,
                    channel="来信" if kind == "信访" else "会议",
                    tier="村" if village else "",
                    handling_unit=unit,
                    village=village,
                    registered=registered,
                    assigned=registered if unit else None,
                    closed=closed,
                    due=due,
                    satisfaction=satisfaction,
                    redo_count=rng.choice([0] * 9 + [1]),
                    converted_from_motion=kind == "建议" and rng.random() < 0.05,
                )
            )
            made += 1
        with transaction.atomic():
            first_id = fast_insert(batch)
            for offset, case in enumerate(batch):
                if case.kind in ("建议", "议案"):
                    sponsor_rows.append(
                        CaseSponsor(
                            case_id=first_id + offset,
                            person_id=rng.choice(deputies[case.township_id]),
                            is_lead=True,
                        )
                    )
            CaseSponsor.objects.bulk_create(sponsor_rows, batch_size=300)
        if made % 100_000 == 0 or made == n_cases:
            print(f"  generated {made:,} cases", flush=True)
    return county, townships, units


def timed(label: str, func, runs: int) -> None:
    timings, queries = [], 0
    func()  # warm up
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            func()
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(len(timings) * 0.95)) - 1)]
    print(
        f"{label:<44} queries={queries:>3}  p50={statistics.median(timings):8.1f} ms  "
        f"p95={p95:8.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--townships", type=int, default=20)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    print(f"database: {vendor}; generating {args.cases:,} cases in {args.townships} townships")
    began = time.perf_counter()
    county, townships, units = build(args.cases, args.townships)
    print(f"generation: {time.perf_counter() - began:.1f} s")
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    township = townships[0]
    stamp = str(int(time.time()))
    presidium = User.objects.create(
        username=f"bench-p-{stamp}", role="presidium", org_unit=township
    )
    cadre = User.objects.create(
        username=f"bench-c-{stamp}", role="cadre", org_unit=units[township.pk][13]
    )
    leader = User.objects.create(username=f"bench-x-{stamp}", role="county", org_unit=county)
    clients = {}
    for name, user in (("presidium", presidium), ("cadre", cadre), ("county", leader)):
        client = Client()
        client.force_login(user)
        clients[name] = client

    def page(name, url):
        def run():
            response = clients[name].get(url)
            assert response.status_code == 200, response.status_code

        return run

    timed("list: presidium /cases/", page("presidium", "/cases/"), args.runs)
    timed("list: presidium page 50", page("presidium", "/cases/?page=50"), args.runs)
    timed(
        "list: presidium 建议 + overdue",
        page("presidium", "/cases/?kind=建议&colour=red"),
        args.runs,
    )
    timed("list: presidium text search", page("presidium", "/cases/?q=第12"), args.runs)
    timed("list: cadre (own unit)", page("cadre", "/cases/"), args.runs)
    timed("list: county /cases/", page("county", "/cases/"), args.runs)
    timed("list: county year 2025", page("county", "/cases/?year=2025"), args.runs)
    timed(
        "township figures 2025 (registry, cases)",
        lambda: figures_for(township, 2025, only=["cases"]),
        args.runs,
    )
    timed("township figures page", page("presidium", "/cases/figures/?year=2025"), args.runs)
    print(f"total cases in database: {Case.objects.count():,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
