"""A batch run and its items: one item per document, each with its own state."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from taizhang.core.models import OrgUnit


class ItemState(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "生成中"
    DONE = "done", "已完成"
    REFUSED = "refused", "资料不全未生成"
    FAILED = "failed", "失败"


TERMINAL = (ItemState.DONE, ItemState.REFUSED, ItemState.FAILED)


class BatchRun(models.Model):
    """批量生成: the documents of one year for the chosen townships and kinds."""

    year = models.PositiveIntegerField("年度")
    kinds = models.JSONField("文稿类型", default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    archive = models.CharField("压缩包", max_length=300, blank=True)

    class Meta:
        verbose_name = "批量生成"
        verbose_name_plural = "批量生成"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.year}年批量生成 #{self.pk}"


class BatchItemQuerySet(models.QuerySet):
    def pending(self) -> BatchItemQuerySet:
        return self.exclude(state__in=TERMINAL)


class BatchItem(models.Model):
    """One document of a batch: township, kind, variant and (for a person) the subject."""

    run = models.ForeignKey(BatchRun, on_delete=models.CASCADE, related_name="items")
    township = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("文稿类型", max_length=24)
    variant = models.CharField("体例", max_length=16, blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("文件名", max_length=200)
    state = models.CharField(
        "状态", max_length=10, choices=ItemState.choices, default=ItemState.QUEUED
    )
    reason = models.TextField("说明", blank=True)
    errors = models.PositiveIntegerField("校对错误", default=0)
    warnings = models.PositiveIntegerField("校对警告", default=0)
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BatchItemQuerySet.as_manager()

    class Meta:
        verbose_name = "批量生成文稿"
        verbose_name_plural = "批量生成文稿"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "name"], name="batchitem_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name
