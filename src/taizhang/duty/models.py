"""Deputies' duty records and quotas, liaison log, publicity and budget."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from taizhang.core.models import OrgUnit, VersionedModel
from taizhang.core.scope import ScopedQuerySet
from taizhang.people.models import Deputy, Person


class DutyType(models.TextChoices):
    GROUP_MEETING = "小组会议", "小组会议"
    REFLECTION = "心得体会", "心得体会"
    HELP = "帮扶", "帮扶"
    GROUP_ACTIVITY = "小组活动", "小组活动"
    SUGGESTION = "建议", "建议"
    VOTER_VISIT = "走访选民", "走访选民"
    OTHER = "其他", "其他"


class Period(models.TextChoices):
    YEAR = "年", "年"
    QUARTER = "季度", "季度"


class TownshipScoped(ScopedQuerySet):
    scope_paths = {"township": "township", "county": "township__county"}


class DutyEntryQuerySet(ScopedQuerySet):
    scope_paths = {"township": "township", "county": "township__county", "person": "person"}


class DutyEntry(VersionedModel):
    """履职记录: a reflection written, households helped, voters visited, and so on."""

    person = models.ForeignKey(
        Person, verbose_name="代表", on_delete=models.PROTECT, related_name="duty_entries"
    )
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField("日期")
    type = models.CharField("类型", max_length=8, choices=DutyType.choices)
    content = models.CharField("内容", max_length=500, blank=True)
    quantity = models.PositiveIntegerField("数量", default=1)

    objects = DutyEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "履职记录"
        verbose_name_plural = "履职记录"
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["township", "date"]),
            models.Index(fields=["person", "date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "date", "type", "content"], name="dutyentry_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.date} {self.type}"


class Quota(VersionedModel):
    """履职要求: how many of one duty a deputy owes per year or per quarter."""

    township = models.ForeignKey(OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT)
    year = models.PositiveIntegerField("年度")
    type = models.CharField("类型", max_length=8, choices=DutyType.choices)
    required = models.PositiveIntegerField("要求数量")
    period = models.CharField("周期", max_length=4, choices=Period.choices, default=Period.YEAR)

    objects = TownshipScoped.as_manager()

    class Meta:
        verbose_name = "履职要求"
        verbose_name_plural = "履职要求"
        ordering = ["township", "year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["township", "year", "type"], name="quota_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.type} 每{self.period}{self.required}"


class LiaisonWay(models.TextChoices):
    PRESIDIUM = "主席团成员联系", "主席团成员联系"
    GROUP_LEADER = "小组长联系", "小组长联系"
    ACTIVITY = "活动联系", "活动联系"
    PHONE = "电话短信", "电话短信"
    HOME_VISIT = "走访家中", "走访家中"
    HARDSHIP = "走访困难代表", "走访困难代表"


class LiaisonQuerySet(ScopedQuerySet):
    scope_paths = {
        "township": "township",
        "county": "township__county",
        "person": "deputy__person",
    }


class LiaisonContact(VersionedModel):
    """联系代表: one contact of the presidium with a deputy."""

    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    deputy = models.ForeignKey(
        Deputy, verbose_name="代表", on_delete=models.PROTECT, related_name="contacts"
    )
    contacted_by = models.ForeignKey(
        Person,
        verbose_name="联系人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField("日期")
    way = models.CharField("方式", max_length=8, choices=LiaisonWay.choices)
    outcome = models.CharField("结果", max_length=500, blank=True)

    objects = LiaisonQuerySet.as_manager()

    class Meta:
        verbose_name = "联系代表"
        verbose_name_plural = "联系代表"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["township", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.way}"


class PublicityLevel(models.TextChoices):
    NATIONAL = "国家", "国家"
    PROVINCE = "省", "省"
    CITY = "市", "市"
    COUNTY = "县", "县"


class PublicityPiece(VersionedModel):
    """信息宣传: an information piece and the level that adopted it."""

    township = models.ForeignKey(OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT)
    date = models.DateField("日期")
    title = models.CharField("标题", max_length=200)
    author = models.CharField("作者", max_length=50, blank=True)
    level = models.CharField(
        "采用层级", max_length=4, choices=PublicityLevel.choices, default=PublicityLevel.COUNTY
    )
    outlet = models.CharField("媒体", max_length=100, blank=True)

    objects = TownshipScoped.as_manager()

    class Meta:
        verbose_name = "信息宣传"
        verbose_name_plural = "信息宣传"
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["township", "date", "title"], name="publicity_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class Expense(VersionedModel):
    """人大工作经费: one spending entry in yuan."""

    township = models.ForeignKey(OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT)
    date = models.DateField("日期")
    purpose = models.CharField("用途", max_length=200)
    amount = models.DecimalField("金额(元)", max_digits=12, decimal_places=2)

    objects = TownshipScoped.as_manager()

    class Meta:
        verbose_name = "人大工作经费"
        verbose_name_plural = "人大工作经费"
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["township", "date", "purpose", "amount"], name="expense_unique"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="expense_nonnegative"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.purpose} {self.amount}"


__all__ = [
    "DutyEntry",
    "DutyType",
    "Expense",
    "LiaisonContact",
    "LiaisonWay",
    "Period",
    "PublicityLevel",
    "PublicityPiece",
    "Quota",
]
