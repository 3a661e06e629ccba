"""Cadre ledgers (分管工作台账): projects, indicators with rankings, work entries."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models

from taizhang.core.models import OrgUnit, VersionedModel
from taizhang.core.scope import ScopedQuerySet
from taizhang.people.models import Person

NON_NEGATIVE = [MinValueValidator(0, "不能为负数。")]


class ProjectKind(models.TextChoices):
    INVESTMENT = "招商引资", "招商引资"
    INFRASTRUCTURE = "基础设施", "基础设施"
    INDUSTRY = "产业", "产业"
    LIVELIHOOD = "民生", "民生"
    OTHER = "其他", "其他"


class ProjectStatus(models.TextChoices):
    NEGOTIATING = "洽谈", "洽谈"
    SIGNED = "签约", "签约"
    BUILDING = "在建", "在建"
    PRODUCING = "投产", "投产"
    COMPLETED = "竣工", "竣工"
    STOPPED = "终止", "终止"


class ProjectQuerySet(ScopedQuerySet):
    scope_paths = {"township": "township", "county": "township__county", "person": "responsible"}


def _amount(label: str) -> models.DecimalField:
    return models.DecimalField(
        label, max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )


class Project(VersionedModel):
    """项目: an investment or construction project and its funds, output and taxes."""

    code = models.CharField("编号", max_length=40)
    # A ledger is annual: a project carried on into the next year is a new row of that year.
    year = models.PositiveSmallIntegerField("年度")
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("名称", max_length=200)
    kind = models.CharField(
        "类型", max_length=8, choices=ProjectKind.choices, default=ProjectKind.INVESTMENT
    )
    responsible = models.ForeignKey(
        Person,
        verbose_name="责任人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    portfolio = models.CharField("分管工作", max_length=50, blank=True)
    intended_funds = _amount("意向资金(万元)")
    arrived_funds = _amount("到位资金(万元)")
    area = _amount("占地面积(平方米)")
    annual_output = _amount("年产值(万元)")
    taxes = _amount("年利税(万元)")
    status = models.CharField("状态", max_length=8, choices=ProjectStatus.choices, blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = "项目"
        verbose_name_plural = "项目"
        ordering = ["-year", "code"]
        indexes = [
            models.Index(fields=["township", "year", "kind"], name="ledger_proj_townshi_year_idx")
        ]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="project_code_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}（{self.year}年）"


class IndicatorQuerySet(ScopedQuerySet):
    scope_paths = {"township": "township", "county": "township__county", "person": "responsible"}


class Indicator(VersionedModel):
    """指标: a yearly target of a township with its result and county ranking."""

    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField("年度")
    name = models.CharField("指标", max_length=100)
    unit = models.CharField("单位", max_length=20, blank=True)
    target = models.DecimalField("目标值", max_digits=14, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField("完成值", max_digits=14, decimal_places=2, null=True, blank=True)
    responsible = models.ForeignKey(
        Person,
        verbose_name="责任人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    portfolio = models.CharField("分管工作", max_length=50, blank=True)
    rank = models.PositiveIntegerField("排名", null=True, blank=True)
    rank_change = models.IntegerField(
        "排名变化", null=True, blank=True, help_text="正数表示前进的位次，负数表示后退"
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["township", "-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["township", "year", "name"], name="indicator_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}年 {self.name}"

    @property
    def rank_change_text(self) -> str:
        if not self.rank_change:
            return "持平" if self.rank_change == 0 else ""
        word = "前进" if self.rank_change > 0 else "后退"
        return f"{word}{abs(self.rank_change)}位"


class WorkEntryQuerySet(ScopedQuerySet):
    scope_paths = {
        "township": "person__township",
        "village": "person__village",
        "county": "person__county",
        "person": "person",
    }


class WorkEntry(VersionedModel):
    """工作记录: one dated entry of what a cadre did in a portfolio."""

    person = models.ForeignKey(
        Person, verbose_name="人员", on_delete=models.PROTECT, related_name="work_entries"
    )
    date = models.DateField("日期")
    portfolio = models.CharField("分管工作", max_length=50, blank=True)
    matter = models.CharField("事项", max_length=200)
    content = models.TextField("内容", blank=True)

    objects = WorkEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "工作记录"
        verbose_name_plural = "工作记录"
        ordering = ["-date", "id"]
        indexes = [models.Index(fields=["person", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.matter}"
