"""Pagination that never counts more than a cap: beyond it, PostgreSQL's estimate of the
count labelled 约 (about), or "10000+" elsewhere, instead of a full COUNT."""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A Paginator whose count stops at ``cap`` (``capped`` tells whether there are more).

    Counting a county's million cases costs a full index scan on every page; the list
    shows "10000+" and pages through the first ``cap`` rows — narrower filters reach the rest.
    """

    cap = COUNT_CAP

    # Trust the planner's estimate when it is far beyond the cap (no rows read): set for
    # filters its statistics know well (a search term among the common grams).
    estimate_first = False

    @cached_property
    def _raw_count(self) -> int:
        if self.estimate_first and (self._planned() or 0) > 4 * self.cap:
            return self.cap + 1
        rows = self.object_list
        if isinstance(rows, QuerySet):
            # Count ids only: no ordering, no annotations, so an index can answer.
            rows = rows.order_by().values("pk")
        return rows[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._raw_count, self.cap)

    @property
    def capped(self) -> bool:
        return self._raw_count > self.cap

    def _planned(self) -> int | None:
        """The planner's estimate of the count (PostgreSQL, from the table statistics)."""
        rows = self.object_list
        if not isinstance(rows, QuerySet):
            return None
        connection = connections[rows.db]
        if connection.vendor != "postgresql":
            return None
        sql, params = rows.order_by().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return int(plan[0]["Plan"]["Plan Rows"])

    @cached_property
    def estimate(self) -> int | None:
        """Beyond the cap, the planner's estimate of the whole count, never below the cap
        (PostgreSQL only; else None)."""
        if not self.capped:
            return None
        planned = self._planned()
        return None if planned is None else max(planned, self.cap + 1)

    @property
    def count_label(self) -> str:
        if not self.capped:
            return str(self.count)
        if self.estimate is not None:
            return f"约 {_round(self.estimate)}"
        return f"{self.count}+"


def _round(n: int) -> int:
    """Two significant digits: an estimate claims no more."""
    digits = len(str(n)) - 2
    return round(n, -digits) if digits > 0 else n
