"""Activities: inspections, research, evaluations, report-backs, ratings (活动)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from taizhang.core.models import District, OrgUnit, VersionedModel
from taizhang.core.scope import ScopedQuerySet
from taizhang.people.models import Deputy


class ActivityKind(models.TextChoices):
    INSPECTION = "视察", "视察"
    RESEARCH = "调研", "调研"
    LAW_CHECK = "执法检查", "执法检查"
    EVALUATION = "站所评议", "站所评议"
    REPORT_BACK = "述职测评", "述职测评"
    TRAINING = "学习培训", "学习培训"
    GROUP = "代表小组活动", "代表小组活动"
    VOTER_VISIT = "走访选民", "走访选民"
    OTHER = "其他", "其他"


# Kinds whose opinions become cases, and the case kind each produces.
OPINION_KIND = {
    ActivityKind.EVALUATION: "评议意见",
    ActivityKind.REPORT_BACK: "述职意见",
    ActivityKind.INSPECTION: "视察意见",
    ActivityKind.RESEARCH: "视察意见",
    ActivityKind.LAW_CHECK: "视察意见",
}


class ActivityQuerySet(ScopedQuerySet):
    # Deputies see the activities they took part in.
    scope_paths = {
        "township": "township",
        "county": "township__county",
        "person": "participants__person",
    }
    scope_repeats = frozenset({"person"})

    def in_year(self, year: int) -> ActivityQuerySet:
        return self.filter(date__year=year)


class Activity(VersionedModel):
    """活动: an inspection, research, evaluation, report-back, training or group activity."""

    code = models.CharField("编号", max_length=40, unique=True)
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="activities"
    )
    kind = models.CharField("类型", max_length=8, choices=ActivityKind.choices)
    topic = models.CharField("主题", max_length=200)
    date = models.DateField("日期")
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name="对象单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities_received",
    )
    district = models.ForeignKey(
        District, verbose_name="选区", null=True, blank=True, on_delete=models.PROTECT
    )
    participants = models.ManyToManyField(
        Deputy,
        verbose_name="参加代表",
        through="Participant",
        related_name="activities",
        blank=True,
    )
    summary = models.TextField("情况", blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "活动"
        verbose_name_plural = "活动"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["township", "date"])]

    def __str__(self) -> str:
        return self.topic


class Participant(models.Model):
    """参加代表: one deputy taking part in one activity."""

    activity = models.ForeignKey(
        Activity, verbose_name="活动", on_delete=models.CASCADE, related_name="participations"
    )
    deputy = models.ForeignKey(
        Deputy, verbose_name="代表", on_delete=models.PROTECT, related_name="participations"
    )

    class Meta:
        verbose_name = "参加代表"
        verbose_name_plural = "参加代表"
        constraints = [
            models.UniqueConstraint(fields=["activity", "deputy"], name="participant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.deputy_id}"


class ActivityPhoto(VersionedModel):
    """活动照片."""

    activity = models.ForeignKey(
        Activity, verbose_name="活动", on_delete=models.CASCADE, related_name="photos"
    )
    caption = models.CharField("说明", max_length=200, blank=True)
    file = models.FileField("照片", upload_to="activities/%Y/")

    class Meta:
        verbose_name = "活动照片"
        verbose_name_plural = "活动照片"
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return self.caption or self.file.name


class Rating(VersionedModel):
    """测评: counts of 满意 / 基本满意 / 不满意 for one subject (a unit or a deputy)."""

    activity = models.ForeignKey(
        Activity, verbose_name="活动", on_delete=models.CASCADE, related_name="ratings"
    )
    subject = models.CharField("对象", max_length=100)
    subject_unit = models.ForeignKey(
        OrgUnit, verbose_name="对象单位", null=True, blank=True, on_delete=models.PROTECT
    )
    subject_deputy = models.ForeignKey(
        Deputy, verbose_name="对象代表", null=True, blank=True, on_delete=models.PROTECT
    )
    satisfied = models.PositiveIntegerField("满意")
    basic = models.PositiveIntegerField("基本满意")
    unsatisfied = models.PositiveIntegerField("不满意")

    class Meta:
        verbose_name = "测评"
        verbose_name_plural = "测评"
        ordering = ["activity", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "subject"], name="rating_unique_subject"),
            models.CheckConstraint(
                condition=Q(satisfied__gte=0) & Q(basic__gte=0) & Q(unsatisfied__gte=0),
                name="rating_counts_nonnegative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.subject}"

    @property
    def total(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied

    @property
    def satisfaction_rate(self) -> float | None:
        """Return (满意 + 基本满意) / total as a percentage, or None with no votes."""
        if not self.total:
            return None
        return round((self.satisfied + self.basic) * 100 / self.total, 1)
