"""Stored duty records: the county duty overview pages them in SQL instead of counting
every deputy's year on each read.

The rows of a township-year are rewritten whenever its summary row recomputes its duty
figures (figures/summary.py), from the same count (duty/selectors.py), so they are as
fresh as the roll-up: the overview first brings the summary rows of its townships up to
date (one query when nothing changed), then reads one page of deputies.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, F, Min, OuterRef, Q, Subquery

from taizhang.duty.selectors import DutyRecord, QuotaLine, township_duty_records
from taizhang.figures.models import DeputyYearDuty

BATCH = 1000


def _as_json(rec: DutyRecord) -> dict:
    return {
        "meetings_expected": rec.meetings_expected,
        "meetings_attended": rec.meetings_attended,
        "activities": rec.activities,
        "motions": rec.motions,
        "suggestions": rec.suggestions,
        "entries": rec.entries,
        "lines": [
            [line.type, line.period, line.per_period, line.required, line.done, line.raw]
            for line in rec.lines
        ],
    }


def store_duty(township, year: int) -> None:
    """Rewrite the stored duty records of one township-year."""
    records = township_duty_records(township, year)
    DeputyYearDuty.objects.filter(township=township, year=year).delete()
    DeputyYearDuty.objects.bulk_create(
        [
            DeputyYearDuty(
                township_id=township.pk,
                year=year,
                deputy_id=rec.deputy.pk,
                name=rec.deputy.person.name,
                completion=rec.completion,
                complete=rec.complete,
                has_quota=bool(rec.lines),
                record=_as_json(rec),
            )
            for rec in records
        ],
        batch_size=BATCH,
    )


def as_record(row: DeputyYearDuty) -> DutyRecord:
    """The DutyRecord a stored row holds (its deputy, person and township joined)."""
    data = row.record
    return DutyRecord(
        deputy=row.deputy,
        year=row.year,
        meetings_expected=data["meetings_expected"],
        meetings_attended=data["meetings_attended"],
        activities=data["activities"],
        motions=data["motions"],
        suggestions=data["suggestions"],
        entries=data["entries"],
        lines=[QuotaLine(*line) for line in data["lines"]],
    )


def stored_overview(townships, year: int, *, sort: str = "completion", descending=False):
    """The stored duty rows of ``townships`` in ``year``, ordered as duty_overview orders
    its records (completion lowest first, none last; or by name), and the totals
    (deputies, deputies with every quota met). The townships' summary rows are brought up
    to date first."""
    from taizhang.figures.summary import summary_rows

    townships = list(townships)
    summary_rows(townships, [year])
    rows = DeputyYearDuty.objects.filter(township__in=[t.pk for t in townships], year=year)
    name = F("name")
    if sort == "name":
        order = [name.desc() if descending else name.asc()]
    elif descending:
        order = [F("completion").desc(nulls_first=True), name.desc()]
    else:
        order = [F("completion").asc(nulls_last=True), name.asc()]
    order.append("-deputy_id" if descending else "deputy_id")
    totals = rows.aggregate(
        total=Count("id"), complete=Count("id", filter=Q(has_quota=True, complete=True))
    )
    listed = rows.select_related("deputy__person", "deputy__township").order_by(*order)
    return listed, totals


def follow_renames(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Keep the stored name of a renamed person's duty rows (their sort order)."""
    if raw or (update_fields is not None and "name" not in update_fields):
        return
    names_follow([instance.pk])


def names_follow(person_ids: Iterable[int]) -> int:
    """Copy the current names of ``person_ids`` into their stored duty rows where they
    differ: for writes that send no signal (a workbook import's bulk update). Returns
    the rows rewritten."""
    from taizhang.people.models import Deputy

    ids, done = list(person_ids), 0
    current = Subquery(Deputy.objects.filter(pk=OuterRef("deputy_id")).values("person__name"))
    for start in range(0, len(ids), BATCH):
        rows = DeputyYearDuty.objects.filter(deputy__person_id__in=ids[start : start + BATCH])
        done += rows.exclude(name=F("deputy__person__name")).update(name=current)
    return done


def quota_types(townships, year: int) -> list[str]:
    """The quota types set for ``townships`` in ``year``, in the order first set."""
    from taizhang.duty.models import Quota

    rows = (
        Quota.objects.filter(township__in=[t.pk for t in townships], year=year)
        .values("type")
        .annotate(first=Min("id"))
        .order_by("first")
    )
    return [r["type"] for r in rows]
