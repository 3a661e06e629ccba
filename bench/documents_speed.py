"""Print generation times of every year-end document kind and format.

Usage: python bench/documents_speed.py [--repeats 7] [--cases N]
Runs against the configured database (TAIZHANG_DATABASE_URL or var/taizhang.sqlite3 by
default; use TAIZHANG_VAR_DIR=/tmp/bench to keep the demo database apart). Loads the demo
county if needed; with --cases N first adds N synthetic cases spread over the county
(bulk insert) so the timings show how generation scales with a large register.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402

from taizhang.accounts.models import User  # noqa: E402
from taizhang.cases.models import Case  # noqa: E402
from taizhang.core.models import OrgUnit  # noqa: E402
from taizhang.demo.loader import load_demo  # noqa: E402
from taizhang.documents.services import compose_for  # noqa: E402
from taizhang.writer import render_document  # noqa: E402

KINDS = ["docx", "html", "md", "json"]


def add_cases(n: int) -> None:
    """Bulk-insert ``n`` cases over every township of the demo county (not the demo year)."""
    townships = list(OrgUnit.objects.filter(kind="township"))
    rng = random.Random(7)
    kinds = ["建议", "信访", "救助", "建议", "信访"]
    start = Case.objects.count()
    batch = []
    for i in range(n):
        town = townships[i % len(townships)]
        registered = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2000))
        batch.append(
            Case(
                county_id=town.county_id,
                township=town,
                kind=kinds[i % 5],
                code=f"B{start + i:08d}",
                title=f"批量事项{i}",
                state="已登记",
                registered=registered,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch.clear()
    Case.objects.bulk_create(batch)


def timed(func, repeats: int) -> tuple[float, int]:
    times, queries = [], 0
    for _ in range(repeats):
        reset_queries()
        t = time.perf_counter()
        func()
        times.append((time.perf_counter() - t) * 1000)
        queries = len(connection.queries)
    return statistics.median(times), queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cases", type=int, default=0)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_demo()
    if args.cases:
        t = time.perf_counter()
        add_cases(args.cases)
        print(f"added {args.cases} cases in {time.perf_counter() - t:.1f} s")
    from django.conf import settings

    settings.DEBUG = True  # count queries
    fenghuo = OrgUnit.objects.get(kind="township", name="烽火乡")
    changji = OrgUnit.objects.get(kind="township", name="长集镇")
    cadre = User.objects.get(username="demo-ganbu").person
    deputy = User.objects.get(username="demo-daibiao").person
    jobs = [
        ("personal", "summary", changji, cadre),
        ("personal", "duty", changji, cadre),
        ("presidium", "summary", fenghuo, None),
        ("presidium", "report", fenghuo, None),
        ("deputy", "", fenghuo, deputy),
    ]
    print(f"database: {connection.vendor}, cases in register: {Case.objects.count()}")
    print(
        f"{'kind':<20}{'facts+compose ms':>18}{'queries':>9}"
        + "".join(f"{k + ' ms':>10}" for k in KINDS)
    )
    for kind, variant, town, person in jobs:

        def build(kind=kind, variant=variant, town=town, person=person):
            return compose_for(kind=kind, variant=variant, year=2025, township=town, person=person)

        ms, queries = timed(build, args.repeats)
        doc, _ = build()
        renders = [timed(lambda f=f, d=doc: render_document(d, f), args.repeats)[0] for f in KINDS]
        label = f"{kind}/{variant}" if variant else kind
        print(f"{label:<20}{ms:>18.1f}{queries:>9}" + "".join(f"{r:>10.1f}" for r in renders))
    print("goals: personal <= 500 ms, presidium <= 1000 ms (facts + compose + render)")


if __name__ == "__main__":
    main()
