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
    # Which figure families a write made stale (figures/summary.py AREA_OF): the refresh
    # after the commit recomputes only those; a row stale with none set recomputes all.
    stale_cases = models.BooleanField("事项待重算", default=False)
    stale_meetings = models.BooleanField("会议活动待重算", default=False)
    stale_duty = models.BooleanField("履职待重算", default=False)
    computed_on = models.DateField("计算日期", null=True)

    class Meta:
        verbose_name = "乡镇年度汇总"
        verbose_name_plural = verbose_name
        constraints = [
            models.UniqueConstraint(fields=["township", "year"], name="figures_summary_once"),
        ]

    def __str__(self) -> str:
        return f"{self.township_id}·{self.year}"


# The row of year NOW holds a township's cases as they stand today, over every year: by
# kind and state, overdue, closed this year (the county dashboard's tiles).
NOW = 0


class DeputyYearDuty(models.Model):
    """代表年度履职汇总: one deputy's duty record of one year, stored with its township's
    summary row (same freshness), so the county duty overview pages it in SQL."""

    township = models.ForeignKey(
        "core.OrgUnit", verbose_name="乡镇", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    deputy = models.ForeignKey(
        "people.Deputy", verbose_name="代表", on_delete=models.CASCADE, related_name="+"
    )
    # The person's name when stored, for ordering in SQL without a join (kept by a
    # person's save, figures/duty_rows.py; the page shows the current name joined).
    name = models.CharField("姓名", max_length=50, default="")
    completion = models.FloatField("完成度", null=True)
    complete = models.BooleanField("全部完成", default=False)
    has_quota = models.BooleanField("有履职要求", default=False)
    # meetings, activities, motions, suggestions, entries and quota lines (duty/selectors.py)
    record = models.JSONField("履职档案", default=dict)

    class Meta:
        verbose_name = "代表年度履职汇总"
        verbose_name_plural = verbose_name
        indexes = [models.Index(fields=["year", "township", "completion"], name="figures_duty")]
        constraints = [
            models.UniqueConstraint(fields=["deputy", "year"], name="figures_duty_once"),
        ]

    def __str__(self) -> str:
        return f"{self.deputy_id}·{self.year}"
