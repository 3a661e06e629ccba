"""Summary rows: which writes make a township-year stale, and recomputing it from the registry.

Every register row that a roll-up figure counts belongs to a township and a year (a case by
its registration date, a meeting or an entry by its date, a quota by its year; a deputy to
every year of the township). A write to such a row marks its summary row stale inside the
writer's transaction and recomputes it once the transaction commits, so the county pages
read one row per township and year, and a page never shows a figure older than the last
committed write: a row still stale (or computed on an earlier day, for the current year's
date-dependent figures) is recomputed when it is read.

Model saves and deletes are followed through Django's model signals, the one hook that no
writer can bypass; this module holds no business rule, only which rows a write makes stale.
Bulk writes that send no signals (the workbook import) call ``touch_rows`` themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from django.apps import apps
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from taizhang.figures.models import NOW, TownshipYearFigures
from taizhang.figures.rollup import AREAS

log = logging.getLogger(__name__)

Key = tuple[int, int | None]  # (township id, year); year None: every year of the township

# model label -> (path to its township, path to its date or year; None: every year)
WATCHED: dict[str, tuple[str, str | None]] = {
    "cases.Case": ("township", "registered"),
    "cases.CaseSponsor": ("case__township", "case__registered"),
    "meetings.Meeting": ("township", "date"),
    "meetings.Attendance": ("meeting__township", "meeting__date"),
    "meetings.Activity": ("township", "date"),
    "meetings.Participant": ("activity__township", "activity__date"),
    "meetings.Rating": ("activity__township", "activity__date"),
    "duty.DutyEntry": ("township", "date"),
    "duty.Quota": ("township", "year"),
    "duty.PublicityPiece": ("township", "date"),
    "duty.Expense": ("township", "date"),
    "duty.LiaisonContact": ("township", "date"),
    "people.Deputy": ("township", None),
}
# model label -> the figure families (registry areas) its rows count in; a write makes
# only those stale. Cases and meetings also count in duty (motions, attendance, activities).
AREAS_OF: dict[str, tuple[str, ...]] = {
    "cases.Case": ("cases", "duty"),
    "cases.CaseSponsor": ("cases", "duty"),
    "meetings.Meeting": ("meetings", "duty"),
    "meetings.Attendance": ("meetings", "duty"),
    "meetings.Activity": ("meetings", "duty"),
    "meetings.Participant": ("meetings", "duty"),
    "meetings.Rating": ("meetings",),
    "people.Deputy": AREAS,
}
BATCH = 2000


def _year(value) -> int | None:
    if value is None:
        return None
    return value.year if isinstance(value, date) else int(value)


def _own_key(instance, township: str, when: str | None) -> Key | None:
    """The key of a row that holds its township and date itself (no query)."""
    fields = instance.__dict__
    township_id = fields.get(f"{township}_id")
    if township_id is None:
        return None
    if when is None:
        return (township_id, None)
    if when not in fields:  # deferred: the whole township, rather than a query here
        return (township_id, None)
    year = _year(fields[when])
    return None if year is None else (township_id, year)


def key_of(instance) -> Key | None:
    """The (township, year) whose figures ``instance`` counts in, or None."""
    township, when = WATCHED[instance._meta.label]
    if "__" not in township:
        return _own_key(instance, township, when)
    link, rest = township.split("__", 1)
    rest_when = when.split("__", 1)[1] if when else None
    parent = instance._state.fields_cache.get(link)
    if parent is None:
        field = instance._meta.get_field(link)
        parent_id = getattr(instance, field.attname)
        if parent_id is None:
            return None
        parent = field.related_model.objects.filter(pk=parent_id).first()
        if parent is None:
            return None
    return _own_key(parent, rest, rest_when)


def _flags(areas: Iterable[str]) -> dict[str, bool]:
    return {f"stale_{a}": True for a in areas}


def touch(keys: Iterable[Key | None], areas: Iterable[str] = AREAS) -> None:
    """Mark the summary rows of ``keys`` stale now (for the figure families ``areas``);
    recompute them after the commit. A case write also makes the township's NOW row
    stale (the dashboard's cases as they stand)."""
    keys = {k for k in keys if k is not None}
    if not keys:
        return
    areas = tuple(areas)
    flags = _flags(areas)
    if "cases" in areas:
        keys |= {(t, NOW) for t, _ in keys}
    dated = sorted(k for k in keys if k[1] is not None)
    if dated:
        TownshipYearFigures.objects.bulk_create(
            [TownshipYearFigures(township_id=t, year=y, stale=True, **flags) for t, y in dated],
            update_conflicts=True,
            unique_fields=["township", "year"],
            update_fields=["stale", *flags],
        )
    whole = sorted({t for t, y in keys if y is None})
    if whole:
        TownshipYearFigures.objects.filter(township_id__in=whole).update(stale=True, **flags)
    transaction.on_commit(lambda: _refresh_after_commit(keys))


def touch_rows(model, pks: Iterable[int]) -> None:
    """Mark stale the summary rows of the given rows of ``model`` (for bulk writes)."""
    spec = WATCHED.get(model._meta.label)
    pks = list(pks)
    if spec is None or not pks:
        return
    township, when = spec
    keys: set[Key] = set()
    for start in range(0, len(pks), BATCH):
        rows = model.objects.filter(pk__in=pks[start : start + BATCH]).order_by()
        if when is None:
            keys |= {(t, None) for t in rows.values_list(township, flat=True).distinct()}
            continue
        field = model._meta.get_field(when.split("__")[0])
        if "__" in when or field.get_internal_type() == "DateField":
            rows = rows.annotate(summary_year=ExtractYear(when))
            keys |= set(rows.values_list(township, "summary_year").distinct())
        else:
            keys |= set(rows.values_list(township, when).distinct())
    touch((k for k in keys if k[0] is not None), _areas_of(model._meta.label))


def _areas_of(label: str) -> tuple[str, ...]:
    return AREAS_OF.get(label, ("duty",) if label.startswith("duty.") else AREAS)


def _refresh_after_commit(keys: set[Key]) -> None:
    # A failure here must not turn a committed write into an error page: the row stays
    # stale and the next read recomputes it.
    try:
        refresh(keys)
    except Exception:  # noqa: BLE001
        log.exception("summary refresh failed for %s", sorted(keys, key=str))


def refresh(keys: Iterable[Key]) -> int:
    """Recompute the stale summary rows among ``keys``; return how many were recomputed."""
    keys = set(keys)
    townships = {t for t, _ in keys}
    stale = TownshipYearFigures.objects.filter(township_id__in=townships, stale=True)
    done = 0
    for row in stale.select_related("township"):
        if (row.township_id, row.year) in keys or (row.township_id, None) in keys:
            _recompute(row, timezone.localdate())
            done += 1
    return done


def stale_areas(row: TownshipYearFigures, today: date) -> tuple[str, ...]:
    """The figure families of ``row`` to recompute before it is shown (none: fresh).

    A write marks the families it counts in; a row computed on an earlier day for a year
    whose figures depend on the day (the current one, or NOW) recomputes them all.
    """
    if row.computed_on is None:
        return AREAS
    if row.computed_on != today and (row.year == NOW or row.computed_on.year <= row.year):
        return AREAS
    if not row.stale:
        return ()
    marked = tuple(a for a in AREAS if getattr(row, f"stale_{a}"))
    return marked or AREAS


def is_fresh(row: TownshipYearFigures, today: date) -> bool:
    """Whether ``row`` can be shown as stored."""
    return not stale_areas(row, today)


def _recompute(row: TownshipYearFigures, today: date) -> TownshipYearFigures:
    if row.year == NOW:
        from taizhang.figures.now import compute_now

        return compute_now(row.township)
    return compute(row.township, row.year, stale_areas(row, today) or AREAS, row)


def _case_counts(township, year: int) -> dict[str, int]:
    from taizhang.cases.figures import year_cases

    rows = year_cases(township, year).order_by().values_list("kind", "state")
    return {f"{k}|{s}": n for k, s, n in rows.annotate(n=Count("id"))}


def _plain(value):
    """A JSON number: amounts may come back from the database as Decimal."""
    if value is None or isinstance(value, int | float):
        return value
    return float(value)


def compute(
    township, year: int, areas=AREAS, row: TownshipYearFigures | None = None
) -> TownshipYearFigures:
    """Recompute the figure families ``areas`` of one township-year from the registry and
    store them (insert or update); the other families keep their stored cells."""
    from taizhang.duty.selectors import duty_memo
    from taizhang.figures.duty_rows import store_duty
    from taizhang.figures.rollup import township_row

    if row is None:
        row = TownshipYearFigures.objects.filter(township=township, year=year).first()
    if row is None or not row.computed_on:
        areas = AREAS  # nothing stored to keep
    with duty_memo():
        fresh = township_row(township, year, tuple(areas))
        if "duty" in areas:
            store_duty(township, year)
    cells = dict(row.cells) if row is not None else {}
    cells.update(
        {c.column.key: [_plain(c.value), float(c.part), float(c.base)] for c in fresh.cells}
    )
    values = {
        "cells": cells,
        "stale": False,
        "computed_on": timezone.localdate(),
        **{f"stale_{a}": False for a in AREAS},
    }
    if "cases" in areas or row is None:
        values["cases"] = _case_counts(township, year)
    summary, _ = TownshipYearFigures.objects.update_or_create(
        township=township, year=year, defaults=values
    )
    return summary


def summary_rows(townships: list, years: Iterable[int]) -> dict[Key, TownshipYearFigures]:
    """The summary rows of ``townships`` × ``years`` in one query; missing or stale rows
    are recomputed first (after a write that has not committed yet, or on a new day)."""
    years = list(years)
    today = timezone.localdate()
    found = {
        (r.township_id, r.year): r
        for r in TownshipYearFigures.objects.filter(
            township_id__in=[t.pk for t in townships], year__in=years
        )
    }
    for township in townships:
        for year in years:
            row = found.get((township.pk, year))
            if row is None:
                found[(township.pk, year)] = (
                    compute_now_row(township) if year == NOW else compute(township, year)
                )
            elif stale_areas(row, today):
                row.township = township
                found[(township.pk, year)] = _recompute(row, today)
    return found


def compute_now_row(township) -> TownshipYearFigures:
    from taizhang.figures.now import compute_now

    return compute_now(township)


def _on_init(sender, instance, **kwargs) -> None:
    instance._summary_key = _own_key(instance, *WATCHED[sender._meta.label])


def _on_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # fixtures load rows as they are; their summaries are computed on read
        return
    before = instance.__dict__.get("_summary_key")
    now = key_of(instance)
    instance._summary_key = now if "__" not in WATCHED[sender._meta.label][0] else None
    touch({before, now}, _areas_of(sender._meta.label))


def _on_delete(sender, instance, **kwargs) -> None:
    touch({instance.__dict__.get("_summary_key"), key_of(instance)}, _areas_of(sender._meta.label))


def connect() -> None:
    """Follow every watched model's saves and deletes (called once from the app config)."""
    for label, (township, _when) in WATCHED.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        uid = f"figures-summary-{label}"
        if "__" not in township:
            post_init.connect(_on_init, sender=model, dispatch_uid=uid)
        post_save.connect(_on_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)
