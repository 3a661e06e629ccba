"""Generate up to 1,000,000 cases across a county; print list-page and figures timings.

Runs on a scratch database: SQLite in a temporary file by default, SQLite in
$TAIZHANG_VAR_DIR/cases_bench.sqlite3 when TAIZHANG_VAR_DIR is set (kept between runs), or
the database named by TAIZHANG_DATABASE_URL (a scratch PostgreSQL database: it is migrated
and filled with COPY). ``--reuse`` skips generation when the database already holds a
generated county (generating 1,000,000 cases takes minutes).
Usage: python bench/cases_scale.py [--cases 1000000] [--townships 20] [--runs 20] [--reuse]
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
if os.environ.get("TAIZHANG_VAR_DIR"):
    _dir = Path(os.environ["TAIZHANG_VAR_DIR"])
    _dir.mkdir(parents=True, exist_ok=True)
else:
    _dir = Path(tempfile.mkdtemp(prefix="taizhang-bench-"))
os.environ.setdefault("TAIZHANG_DATABASE_URL", f"sqlite:///{_dir}/cases_bench.sqlite3")
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


def _insert_rows(model, fields: list, rows: list) -> None:
    """Insert raw rows (explicit ids): COPY on PostgreSQL, executemany on SQLite."""
    table = model._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _next_id(model) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {model._meta.db_table}")
        return cursor.fetchone()[0] + 1


def _template() -> list:
    """One row of database defaults for every Case column (id first)."""
    from django.utils import timezone

    now = timezone.now()
    row = []
    for f in [Case._meta.pk, *FIELDS]:
        if f.primary_key:
            value = None
        elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = now
        elif f.has_default():
            value = f.get_default()
        elif f.null or f.get_internal_type() not in ("CharField", "TextField"):
            value = None  # nullable, or a required value every generated row sets
        else:
            value = ""
        row.append(None if value is None else f.get_db_prep_save(value, connection))
    return row


def fast_insert(batch: list[dict]) -> int:
    """Insert cases (dicts of attname → value) with explicit consecutive ids; return the
    id of the first row. Builds raw rows: Django's per-field preparation costs ~0.6 ms a row."""
    first = _next_id(Case)
    fields = [Case._meta.pk, *FIELDS]
    index = {f.attname: i for i, f in enumerate(fields)}
    template = _template()
    sqlite = connection.vendor == "sqlite"
    rows = []
    for offset, values in enumerate(batch):
        row = list(template)
        row[0] = first + offset
        for name, value in values.items():
            if sqlite and isinstance(value, date):
                value = value.isoformat()
            row[index[name]] = value
        rows.append(row)
    _insert_rows(Case, fields, rows)
    return first


def fast_sponsors(rows: list[tuple[int, int]]) -> None:
    """Insert (case_id, person_id) lead sponsors with explicit ids."""
    first = _next_id(CaseSponsor)
    fields = [CaseSponsor._meta.pk] + [
        CaseSponsor._meta.get_field(n) for n in ("case", "person", "is_lead")
    ]
    _insert_rows(
        CaseSponsor,
        fields,
        [(first + i, case_id, person_id, True) for i, (case_id, person_id) in enumerate(rows)],
    )


def reset_sequences() -> None:
    """After inserts with explicit ids, move PostgreSQL sequences past them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (Case, CaseSponsor):
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )


def existing():
    """Return (county, townships, units) of the largest generated county, or None."""
    from django.db.models import Count

    from taizhang.core.models import OrgUnit

    row = (
        Case.objects.filter(county__name__startswith="基准县")
        .values("county_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if row is None:
        return None
    county = OrgUnit.objects.get(pk=row["county_id"])
    townships = list(OrgUnit.objects.filter(parent=county, kind="township").order_by("name"))
    units = {}
    for township in townships:
        units[township.pk] = [
            *OrgUnit.objects.filter(parent=township, kind="village").order_by("name"),
            *OrgUnit.objects.filter(parent=township, kind="station").order_by("name"),
        ]
    print(f"reusing {row['n']:,} generated cases of {county.name}")
    return county, townships, units


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
                {
                    "county_id": county.pk,
                    "township_id": township.pk,
                    "kind": kind,
                    "code": f"{kind[0]}{registered.year}-{counters[key]:06d}",
                    "title": f"关于第{made}号事项的{kind}",
                    "state": state,
                    "channel": "来信" if kind == "信访" else "会议",
                    "tier": "村" if village else "",
                    "handling_unit_id": unit.pk if unit else None,
                    "village_id": village.pk if village else None,
                    "registered": registered,
                    "assigned": registered if unit else None,
                    "closed": closed,
                    "due": due,
                    "satisfaction": satisfaction,
                    "redo_count": rng.choice([0] * 9 + [1]),
                    "converted_from_motion": kind == "建议" and rng.random() < 0.05,
                }
            )
            made += 1
        with transaction.atomic():
            first_id = fast_insert(batch)
            for offset, case in enumerate(batch):
                if case["kind"] in ("建议", "议案"):
                    sponsor_rows.append(
                        (first_id + offset, rng.choice(deputies[case["township_id"]]))
                    )
            fast_sponsors(sponsor_rows)
        if made % 100_000 == 0 or made == n_cases:
            print(f"  generated {made:,} cases", flush=True)
    return county, townships, units


ONLY: list[str] = []


def timed(label: str, func, runs: int) -> None:
    if ONLY and not any(word in label for word in ONLY):
        return
    timings, cpu, queries = [], [], 0
    func()  # warm up
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            func()
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        queries = len(ctx.captured_queries)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(len(timings) * 0.95)) - 1)]
    # cpu: this process only (SQLite runs inside it; a PostgreSQL server does not) — a
    # steadier figure than wall time on a loaded machine.
    print(
        f"{label:<44} queries={queries:>3}  p50={statistics.median(timings):8.1f} ms  "
        f"p95={p95:8.1f} ms  cpu p50={statistics.median(cpu):7.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--townships", type=int, default=20)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--reuse", action="store_true", help="reuse cases generated by an earlier run"
    )
    parser.add_argument(
        "--only", action="append", default=[], help="time only labels containing this text"
    )
    args = parser.parse_args()
    ONLY.extend(args.only)
    setup_test_environment()
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    print(f"database: {vendor} {connection.settings_dict['NAME']}")
    print(f"migrate: {time.perf_counter() - began:.1f} s")
    found = existing() if args.reuse else None
    if found is None:
        print(f"generating {args.cases:,} cases in {args.townships} townships")
        began = time.perf_counter()
        county, townships, units = build(args.cases, args.townships)
        reset_sequences()
        print(f"generation: {time.perf_counter() - began:.1f} s")
    else:
        county, townships, units = found
    if found is None or vendor == "postgresql":
        # Fresh statistics; on PostgreSQL VACUUM also sets the visibility map that
        # index-only scans need (autovacuum does the same on a live database).
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")
        print(f"analyze: {time.perf_counter() - began:.1f} s")
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
    timed("list: county text search (rare)", page("county", "/cases/?q=第999999"), args.runs)
    timed(
        "list: county 2025 search (code)",
        page("county", "/cases/?year=2025&q=议2025-0001"),
        args.runs,
    )
    timed(
        "township figures 2025 (registry, cases)",
        lambda: figures_for(township, 2025, only=["cases"]),
        args.runs,
    )
    timed("township figures page", page("presidium", "/cases/figures/?year=2025"), args.runs)
    timed("home page (dashboard): presidium", page("presidium", "/"), args.runs)
    timed("home page (dashboard): county", page("county", "/"), args.runs)
    print(f"total cases in database: {Case.objects.count():,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
