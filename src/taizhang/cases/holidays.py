"""Holiday overrides entered by administrators (节假日调整), used by the calendar."""

from __future__ import annotations

from django.db import models


class HolidayOverride(models.Model):
    """节假日调整: an administrator's holiday or make-up workday; wins over the package."""

    date = models.DateField("日期", unique=True)
    is_working_day = models.BooleanField("是否工作日")
    note = models.CharField("说明", max_length=100, blank=True)

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {'上班' if self.is_working_day else '放假'}"
