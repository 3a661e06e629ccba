"""Pagination that never counts more than a cap: "10000+" instead of a full COUNT."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A Paginator whose count stops at ``cap`` (``capped`` tells whether there are more).

    Counting a county's million cases costs a full index scan on every page; the list
    shows "10000+" and pages through the first ``cap`` rows — narrower filters reach the rest.
    """

    cap = COUNT_CAP

    @cached_property
    def _raw_count(self) -> int:
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

    @property
    def count_label(self) -> str:
        return f"{self.count}+" if self.capped else str(self.count)
