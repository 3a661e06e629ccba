"""Time the roster list pages for a township of 5,000 persons and a county of 200,000.

Runs on a fresh scratch database: SQLite in a temporary file by default, or the database
named by TAIZHANG_DATABASE_URL (use a scratch PostgreSQL database: it is migrated and filled).
Prints p50/p95 server time (Django test client, no network) per page; asserts nothing.
Usage: python bench/roster_list.py [--persons 200000] [--township 5000] [--runs 30]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
_tmp = tempfile.mkdtemp(prefix="taizhang-bench-")
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
os.environ.setdefault("TAIZHANG_DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("TAIZHANG_ENV", "test")
os.environ.setdefault("TAIZHANG_ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from taizhang.accounts.models import User  # noqa: E402
from taizhang.core.services import org_unit_create  # noqa: E402
from taizhang.people.models import Deputy, Person  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
BATCH = 5000


def name_for(i: int) -> str:
    return SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + GIVEN[(i // 400) % 20]


def build(total: int, township_size: int, townships: int = 20, villages: int = 10) -> dict:
    """Create the county: township 0 holds ``township_size`` persons, the rest share the others."""
    county = org_unit_create(name="基准县", kind="county")
    towns, village_map = [], {}
    for t in range(townships):
        town = org_unit_create(name=f"第{t + 1}乡", kind="township", parent=county)
        towns.append(town)
        village_map[town.pk] = [
            org_unit_create(name=f"第{v + 1}村", kind="village", parent=town)
            for v in range(villages)
        ]
    sizes = [township_size] + [
        (total - township_size) // (townships - 1) for _ in range(townships - 1)
    ]
    sizes[-1] += total - sum(sizes)
    serial = 0
    for town, size in zip(towns, sizes, strict=True):
        vills = village_map[town.pk]
        done = 0
        while done < size:
            n = min(BATCH, size - done)
            with transaction.atomic():
                people = Person.objects.bulk_create(
                    Person(
                        name=name_for(serial + i),
                        gender="男" if (serial + i) % 2 else "女",
                        party="群众",
                        unit=vills[(serial + i) % len(vills)],
                        phone=f"139{serial + i:08d}",
                        address="基准县某村",
                        county=county,
                        township=town,
                        village=vills[(serial + i) % len(vills)],
                    )
                    for i in range(n)
                )
                if done == 0:  # 60 deputies per township
                    Deputy.objects.bulk_create(
                        Deputy(
                            person=p,
                            level="乡镇",
                            term="第十四届",
                            township=town,
                            start=date(2021, 10, 1),
                            is_info_officer=k < 20,
                        )
                        for k, p in enumerate(people[:60])
                    )
            serial += n
            done += n
    users = {
        "presidium": User.objects.create(
            username="bench-presidium", role="presidium", org_unit=towns[0]
        ),
        "county": User.objects.create(username="bench-county", role="county", org_unit=county),
        "village": User.objects.create(
            username="bench-village", role="village", org_unit=village_map[towns[0].pk][0]
        ),
    }
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as a running site would have
    return users


def timed(client: Client, url: str, runs: int) -> tuple[float, float]:
    client.get(url)  # warm caches and templates
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--township", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", interactive=False, verbosity=0)
    if Person.objects.exists():
        sys.exit("该数据库已有人员数据，请使用空的临时数据库。")
    t0 = time.perf_counter()
    users = build(args.persons, min(args.township, args.persons))
    print(
        f"engine={connection.vendor} persons={Person.objects.count()} "
        f"township={args.township} built in {time.perf_counter() - t0:.1f}s"
    )
    pages = [
        ("/people/", "first page"),
        ("/people/?page=100", "page 100"),
        ("/people/?q=王伟", "search"),
        ("/people/deputies/", "deputies"),
    ]
    print(f"{'user':<10} {'scope rows':>10}  {'page':<18} {'p50 ms':>8} {'p95 ms':>8}")
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        rows = Person.objects.for_user(user).count()
        for url, label in pages:
            p50, p95 = timed(client, url, args.runs)
            print(f"{role:<10} {rows:>10}  {label:<18} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
