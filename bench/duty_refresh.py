"""Time the duty family's refresh of one township-year, and its motion count, on a county
built by bench/county_pages.py (reuse its database: TAIZHANG_DATABASE_URL as there).

Prints p50/p95 and queries of: the motions-and-suggestions count of one township's
deputies (``cases_submitted_by``), the stored duty rows of the township-year
(``store_duty``) and the whole refresh after a case write (``compute(.., ("cases",
"duty"))``).
Usage: nice -n 15 python bench/duty_refresh.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases_scale  # noqa: E402  (sets up Django on the bench database)
from cases_scale import existing, timed  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from taizhang.cases.selectors import cases_submitted_by  # noqa: E402
from taizhang.figures.duty_rows import store_duty  # noqa: E402
from taizhang.figures.summary import compute  # noqa: E402
from taizhang.people.models import Deputy  # noqa: E402

YEAR = 2025


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--only", action="append", default=[], help="time only these labels")
    args = parser.parse_args()
    cases_scale.ONLY.extend(args.only)
    call_command("migrate", verbosity=0)
    found = existing()
    if found is None:
        print("no county here: build one with bench/county_pages.py first")
        return 1
    _county, townships, _units = found
    township = townships[0]
    people = list(Deputy.objects.filter(township=township).values_list("person_id", flat=True))
    print(f"database: {connection.vendor}; {len(people)} deputies in {township.name}")
    timed(
        "motions and suggestions of the deputies",
        lambda: cases_submitted_by(person_ids=people, year=YEAR),
        args.runs,
    )
    timed("stored duty rows of the township-year", lambda: store_duty(township, YEAR), args.runs)
    timed(
        "summary refresh after a case write",
        lambda: compute(township, YEAR, ("cases", "duty")),
        args.runs,
    )
    timed(
        "summary refresh after a duty write", lambda: compute(township, YEAR, ("duty",)), args.runs
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
