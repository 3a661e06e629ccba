"""Print year-end batch throughput: documents per second and peak memory per worker.

Usage: TAIZHANG_VAR_DIR=/tmp/bench-batch python bench/county_batch.py [--documents 3000]
    [--workers 1 2]
Loads the demo county into the configured database (SQLite under TAIZHANG_VAR_DIR unless
TAIZHANG_DATABASE_URL says otherwise), then runs batches of every kind over every township
until --documents items have been processed, once per worker count. Workers are separate
processes (`taizhang batch --resume`), as Celery workers would be; each claims items with
the same lock, so no document is made twice.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from taizhang.batch.models import BatchItem  # noqa: E402
from taizhang.batch.services import batch_create, kinds_offered  # noqa: E402
from taizhang.core.models import OrgUnit  # noqa: E402
from taizhang.demo.loader import load_demo  # noqa: E402

WORKER = """
import os, resource, sys
sys.path.insert(0, {src!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
import django
django.setup()
from taizhang.batch.models import BatchItem
from taizhang.batch.services import batch_item_run
done = 0
for run_id in {runs!r}:
    for pk in BatchItem.objects.filter(run_id=run_id).pending().values_list("pk", flat=True):
        if batch_item_run(pk) != "skipped":
            done += 1
print(done, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def plan(documents: int, year: int) -> list[int]:
    townships = list(OrgUnit.objects.filter(kind="township"))
    runs, planned = [], 0
    while planned < documents:
        run = batch_create(year=year, townships=townships, kinds=kinds_offered())
        runs.append(run.pk)
        planned += run.items.count()
    return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_demo()
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    print(f"documents per run of the demo county: {len(kinds_offered())} kinds")
    for workers in args.workers:
        runs = plan(args.documents, args.year)
        total = BatchItem.objects.filter(run_id__in=runs).count()
        script = WORKER.format(src=src, runs=runs)
        started = time.perf_counter()
        procs = [
            subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
            for _ in range(workers)
        ]
        outputs = [p.communicate()[0].split() for p in procs]
        elapsed = time.perf_counter() - started
        made = sum(int(o[0]) for o in outputs)
        peaks = [int(o[1]) for o in outputs]
        states = BatchItem.objects.filter(run_id__in=runs).values_list("state", flat=True)
        print(
            f"workers={workers}: {total} items, {made} processed in {elapsed:.1f} s "
            f"= {made / elapsed:.1f} documents/s; peak RSS per worker {peaks} MB; "
            f"done {sum(s == 'done' for s in states)}, refused {sum(s == 'refused' for s in states)}, "
            f"failed {sum(s == 'failed' for s in states)}"
        )


if __name__ == "__main__":
    main()
