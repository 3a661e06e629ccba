"""催办 reminders sent to a handling unit, and who has read them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from taizhang.core.models import OrgUnit


class CaseReminder(models.Model):
    """催办: a recorded reminder, shown in the notifications of the handling unit's users."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    note = models.CharField("催办内容", max_length=300)
    at = models.DateTimeField("催办时间", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "催办"
        verbose_name_plural = "催办"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["unit", "read_at"], name="casereminder_unit")]

    def __str__(self) -> str:
        return f"催办 {self.at:%Y-%m-%d}"


class CaseReminderRead(models.Model):
    """已读: one user of the handling unit has read one 催办 (read state is per user)."""

    reminder = models.ForeignKey(CaseReminder, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField("阅读时间", default=timezone.now)

    class Meta:
        verbose_name = "催办已读"
        verbose_name_plural = "催办已读"
        constraints = [
            models.UniqueConstraint(fields=["reminder", "user"], name="casereminderread_unique"),
        ]

    def __str__(self) -> str:
        return f"已读 {self.at:%Y-%m-%d}"
