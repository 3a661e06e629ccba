"""Print the body length of every year-end document the demo county can generate.

Usage: python bench/documents_lengths.py [--year 2025] [--list]
Runs against the configured database (use TAIZHANG_VAR_DIR=/tmp/x to keep a scratch demo
database apart); loads the demo county if needed. For each kind it prints min / median /
max characters of body text over the subjects with a full ledger, the GENRES §1 range,
how many subjects were refused for thin data and how many were told from a ledger with
few records (no range applies: a short ledger gives a short document); --list prints
every subject.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from taizhang.core.models import OrgUnit  # noqa: E402
from taizhang.demo.loader import load_demo  # noqa: E402
from taizhang.documents.services import compose_for  # noqa: E402
from taizhang.people.models import CadrePost, Deputy  # noqa: E402
from taizhang.writer.requirements import (  # noqa: E402
    LENGTHS,
    body_chars,
    full_ledger,
    missing_records,
)


def subjects(year: int):
    """Yield (kind, variant, township, person, label) for every subject of the demo."""
    for town in OrgUnit.objects.filter(kind="township").order_by("name"):
        yield "presidium", "summary", town, None, town.name
        yield "presidium", "report", town, None, town.name
    seen = set()
    for post in CadrePost.objects.select_related("person", "unit").order_by("id"):
        if post.person_id in seen:
            continue
        seen.add(post.person_id)
        for variant in ("summary", "duty"):
            yield "personal", variant, None, post.person, f"{post.person.name} {post.title}"
    for deputy in Deputy.objects.filter(start__year__lte=year).select_related("person"):
        if deputy.person_id in seen:
            continue
        seen.add(deputy.person_id)
        yield "deputy", "", None, deputy.person, deputy.person.name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not OrgUnit.objects.filter(kind="township").exists():
        load_demo()
    lengths: dict[str, list[int]] = {}
    thin: dict[str, int] = {}
    short: dict[str, int] = {}  # told, but from a ledger with few records: no range applies
    for kind, variant, town, person, label in subjects(args.year):
        doc, facts = compose_for(
            kind=kind, variant=variant, year=args.year, township=town, person=person
        )
        name = f"{kind}:{variant}" if variant else kind
        if missing_records(facts):
            thin[name] = thin.get(name, 0) + 1
            if args.list:
                print(f"{name:20} {label:24} 资料不全")
            continue
        n = body_chars(doc)
        full = full_ledger(facts)
        if full:
            lengths.setdefault(name, []).append(n)
        else:
            short[name] = short.get(name, 0) + 1
        if args.list:
            print(f"{name:20} {label:24} {n}{'' if full else '  (记录不多)'}")
    print(f"{'kind':20} {'n':>4} {'min':>6} {'median':>7} {'max':>6}  range      thin  short")
    for name, values in sorted(lengths.items()):
        lo, hi = LENGTHS[name]
        print(
            f"{name:20} {len(values):4} {min(values):6} {int(statistics.median(values)):7} "
            f"{max(values):6}  {lo}–{hi}  {thin.get(name, 0):4}  {short.get(name, 0):5}"
        )


if __name__ == "__main__":
    main()
