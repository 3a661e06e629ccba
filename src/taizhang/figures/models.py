"""Summary rows of the county roll-up, kept current by every write (see figures/summary.py)."""

from __future__ import annotations

from django.db import models


class TownshipYearFigures(models.Model):
    """乡镇年度汇总: one township's roll-up cells and case counts for one year.

    A cache of the figures registry, never a second definition: a row is recomputed from
    the registry when a write marks it stale (in the writer's transaction) and again once
    that transaction commits, so the county pages read one row per township and year.
    """

    township = models.ForeignKey(
        "core.OrgUnit", verbose_name="乡镇", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    # roll-up column key -> [value, part, base] (figures/rollup.py COLUMNS)
    cells = models.JSONField("汇总数", default=dict)
    # "kind|state" -> number of cases registered in the year
    cases = models.JSONField("事项数", default=dict)
    stale = models.BooleanField("待重算", default=True)
    computed_on = models.DateField("计算日期", null=True)

    class Meta:
        verbose_name = "乡镇年度汇总"
        verbose_name_plural = verbose_name
        constraints = [
            models.UniqueConstraint(fields=["township", "year"], name="figures_summary_once"),
        ]

    def __str__(self) -> str:
        return f"{self.township_id}·{self.year}"
