"""Time every county page at county scale: p50/p95 and query count per page.

Builds a county of ``--cases`` cases (default 1,000,000), ``--persons`` persons (200,000)
and 150 deputies a township (3,000 at 20 townships), or reuses it (``--reuse``): the cases
come from bench/cases_scale.py (COPY on PostgreSQL, executemany on SQLite, 10,000 a
batch), persons and deputies from bulk_create in batches of 5,000. The database is the one
TAIZHANG_DATABASE_URL names (a scratch PostgreSQL database that the run may fill, e.g.
postgres://postgres@127.0.0.1:5432/tz_county_bench, kept between runs as the cache), else
SQLite in $TAIZHANG_VAR_DIR/cases_bench.sqlite3 or a temporary directory.
Each page is read once first (that read fills the summary rows a fresh load lacks, and
is printed as "first read"), then ``--runs`` times as a county user.
Usage: nice -n 15 python bench/county_pages.py [--cases N] [--persons N] [--townships N]
       [--runs N] [--reuse]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
os.environ.setdefault("TAIZHANG_ALLOWED_HOSTS", "testserver,127.0.0.1")

import cases_scale  # noqa: E402  (sets up Django on the bench database)
from cases_scale import build, existing, reset_sequences, timed  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models.functions import Length  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from taizhang.accounts.models import User  # noqa: E402
from taizhang.figures.now import compute_now  # noqa: E402
from taizhang.figures.rollup import township_row  # noqa: E402
from taizhang.figures.summary import compute  # noqa: E402
from taizhang.people.models import Deputy, Person, PersonNameGram  # noqa: E402
from taizhang.people.names import grams_refresh  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文"
BATCH = 5000
DEPUTIES_PER_TOWNSHIP = 150
YEAR = 2025


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
    return rng.choice(SURNAMES) + given


def top_up_people(county, townships, persons: int) -> None:
    """Add persons (spread over the townships) and deputies up to the wanted numbers."""
    rng = random.Random(11)
    have = Person.objects.filter(county=county).count()
    while have < persons:
        batch = []
        for i in range(min(BATCH, persons - have)):
            township = townships[(have + i) % len(townships)]
            batch.append(Person(name=_name(rng), unit=township, township=township, county=county))
        with transaction.atomic():
            Person.objects.bulk_create(batch, batch_size=BATCH)
        have += len(batch)
        if have % 50_000 < BATCH:
            print(f"  persons {have:,}", flush=True)
    index_names(county)
    for township in townships:
        lacking = DEPUTIES_PER_TOWNSHIP - Deputy.objects.filter(township=township).count()
        if lacking <= 0:
            continue
        ids = list(
            Person.objects.filter(township=township, mandates__isnull=True).values_list(
                "pk", flat=True
            )[:lacking]
        )
        Deputy.objects.bulk_create(
            [
                Deputy(person_id=pk, level="乡镇", term="第十四届", township=township,
                       start=date(2021, 10, 1))
                for pk in ids
            ],
            batch_size=BATCH,
        )  # fmt: skip


def index_names(county) -> None:
    """Fill the roster's name index for persons bulk-created without it (no signals)."""
    people = Person.objects.filter(county=county)
    pairs = PersonNameGram.objects.annotate(n=Length("gram")).filter(n=2)
    missing = people.exclude(pk__in=pairs.values("person_id")).order_by("pk")
    ids = list(missing.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            grams_refresh(ids[start : start + BATCH])
    if ids:
        print(f"  name index for {len(ids):,} persons", flush=True)


def county_urls(township) -> list[tuple[str, str]]:
    """The county pages timed, as (label, address); ``township`` gives the roll-up cell."""
    return [
        ("county roll-up", f"/figures/county/?year={YEAR}"),
        ("county roll-up Excel", f"/figures/county/?year={YEAR}&format=xlsx"),
        ("county dashboard", "/"),
        ("county duty overview", f"/duty/?year={YEAR}"),
        ("roster search, 1 character", "/people/?q=王"),
        ("roster search, 2 characters", "/people/?q=王伟"),
        ("roster search, 3 characters", "/people/?q=王伟芳"),
        ("case list, county", "/cases/"),
        ("case list, roll-up cell", f"/cases/?township={township.pk}&year={YEAR}&figure=closed"),
        ("case list, text search (rare)", "/cases/?q=第999999"),
        ("case list, text search (2 chars)", "/cases/?q=救助"),
        ("case list, text search (1 char, rare)", "/cases/?q=乙"),
        ("case list, text search (3 chars)", "/cases/?q=号事项"),
        ("case list, dashboard tile (open)", "/cases/?open=1"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--townships", type=int, default=20)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="reuse a county built earlier")
    parser.add_argument("--only", action="append", default=[], help="time only these labels")
    args = parser.parse_args()
    cases_scale.ONLY.extend(args.only)
    setup_test_environment()
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    print(f"database: {vendor} {connection.settings_dict['NAME']}")
    found = existing() if args.reuse else None
    if found is None:
        began = time.perf_counter()
        county, townships, _units = build(args.cases, args.townships)
        reset_sequences()
        print(f"cases generated: {time.perf_counter() - began:.1f} s")
    else:
        county, townships, _units = found
    began = time.perf_counter()
    top_up_people(county, townships, args.persons)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")
    print(f"persons, deputies, analyze: {time.perf_counter() - began:.1f} s")
    print(
        f"county: {len(townships)} townships, "
        f"{Person.objects.filter(county=county).count():,} persons, "
        f"{Deputy.objects.filter(township__in=townships).count():,} deputies"
    )
    user, _ = User.objects.get_or_create(
        username=f"bench-county-{county.pk}", defaults={"role": "county", "org_unit": county}
    )
    client = Client()
    client.force_login(user)
    # As a served worker does (taizhang/wsgi.py): what is loaded by now is frozen, so the
    # collector doesn't walk the bench's own setup on every full collection.
    gc.collect()
    gc.freeze()

    def page(url):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    township = townships[0]
    pages = county_urls(township)
    for label, url in pages:
        began = time.perf_counter()
        page(url)()
        print(f"first read: {label:<36} {(time.perf_counter() - began) * 1000:8.1f} ms")
    for label, url in pages:
        timed(label, page(url), args.runs)
    years = range(YEAR - 4, YEAR + 1)
    timed(
        "roll-up as before (registry, 5 years)",
        lambda: [township_row(t, y) for y in years for t in townships],
        max(2, args.runs // 10),
    )
    timed("summary refresh of one township-year", lambda: compute(township, YEAR), args.runs)
    # What a write pays after its commit: only the figure families it counts in.
    for label, areas in (
        ("a case write (cases, duty)", ("cases", "duty")),
        ("a meeting write (meetings, duty)", ("meetings", "duty")),
        ("a duty write (duty)", ("duty",)),
    ):
        timed(f"summary refresh after {label}", lambda a=areas: compute(township, YEAR, a),
              args.runs)  # fmt: skip
    timed("summary refresh of a township's NOW row", lambda: compute_now(township), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
