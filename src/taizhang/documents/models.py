"""Year-end document drafts and their versions (年终文稿)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from taizhang.core.models import OrgUnit, VersionedModel
from taizhang.core.scope import ScopedQuerySet


class DraftKind(models.TextChoices):
    PERSONAL = "personal", "个人年终工作总结"
    PRESIDIUM = "presidium", "人大主席团年度工作总结"
    DEPUTY = "deputy", "代表向选民述职报告"


VARIANTS = {
    "personal": {"summary": "个人年终工作总结", "duty": "述职报告"},
    "presidium": {"summary": "主席团年度工作总结", "report": "主席团工作报告"},
    "deputy": {"": "代表向选民述职报告"},
}


class DraftStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    FINAL = "final", "定稿"


class DraftQuerySet(ScopedQuerySet):
    scope_paths = {"township": "township", "county": "township__county", "person": "person"}

    def for_user(self, user, *, also=None) -> DraftQuerySet:
        # Drafts about a person are also visible to that person.
        own = models.Q(person_id=user.person_id) if user.person_id else models.Q(pk__in=[])
        return super().for_user(user, also=own if also is None else own | also)


class Draft(VersionedModel):
    """文稿: an editable document generated from the registers for one subject and year."""

    kind = models.CharField("文稿类型", max_length=16, choices=DraftKind.choices)
    variant = models.CharField("体例", max_length=16, blank=True)
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="drafts"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name="人员",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    year = models.PositiveIntegerField("年度")
    title = models.CharField("标题", max_length=200)
    status = models.CharField(
        "状态", max_length=8, choices=DraftStatus.choices, default=DraftStatus.DRAFT
    )
    content = models.JSONField("内容", default=dict)
    inputs = models.JSONField("本人填写", default=dict, blank=True)
    document_date = models.DateField("成文日期", null=True, blank=True)
    # What the ledger lacked when the user chose to draft anyway (资料不全), one
    # Chinese sentence each; empty for a draft written from a full ledger.
    missing = models.JSONField("缺少的资料", default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = "文稿"
        verbose_name_plural = "文稿"
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["township", "year", "kind"])]

    def __str__(self) -> str:
        return self.title

    @property
    def incomplete(self) -> bool:
        """资料不全: drafted although the ledger lacked what the kind needs."""
        return bool(self.missing)

    @property
    def variant_label(self) -> str:
        return VARIANTS.get(self.kind, {}).get(self.variant, self.get_kind_display())


class DraftVersion(models.Model):
    """文稿版本: the whole content after each save, with its author and time."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    content = models.JSONField("内容")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作者",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "文稿版本"
        verbose_name_plural = "文稿版本"
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="draftversion_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.draft} v{self.number}"
