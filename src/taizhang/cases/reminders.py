"""Notices to the people who must act on a case (催办, 交办, 临期, 超期), and who read them.

``CaseReminder`` began as the 催办 record; it now carries every notice kind. A notice is
addressed to a unit (the handling unit, or the township for its presidium); read state is
per user. Email and SMS copies are ``NoticeDelivery`` rows (one per user and channel, with
retries); each user's channels are a ``NoticeSetting``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from taizhang.core.models import OrgUnit


class NoticeKind(models.TextChoices):
    URGE = "urge", "催办"
    ASSIGNED = "assigned", "交办"
    NEAR_DUE = "near_due", "临期"
    OVERDUE = "overdue", "超期"


class CaseReminder(models.Model):
    """提醒: a notice (催办, 交办, 临期 or 超期) shown to the users of the addressed unit."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(
        "类型", max_length=10, choices=NoticeKind.choices, default=NoticeKind.URGE
    )
    due = models.DateField("办理期限", null=True, blank=True)
    note = models.CharField("提醒内容", max_length=300)
    at = models.DateTimeField("提醒时间", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "提醒"
        verbose_name_plural = "提醒"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["unit", "read_at"], name="casereminder_unit")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "due"],
                condition=models.Q(kind__in=["near_due", "overdue"]),
                name="casereminder_timed_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"


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


class NoticeChannel(models.TextChoices):
    EMAIL = "email", "邮件"
    SMS = "sms", "短信"
    DIGEST = "digest", "每日汇总邮件"


class NoticeSetting(models.Model):
    """通知方式: which channels beside the in-app list a user wants (chosen on the profile)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_setting"
    )
    email = models.BooleanField("邮件通知", default=False)
    digest = models.BooleanField("改为每日汇总一封邮件", default=False)
    sms = models.BooleanField("短信通知", default=False)
    phone = models.CharField("接收短信的手机号", max_length=11, blank=True)
    digest_sent_on = models.DateField("最近汇总日期", null=True, blank=True)

    class Meta:
        verbose_name = "通知方式"
        verbose_name_plural = "通知方式"

    def __str__(self) -> str:
        return f"通知方式 {self.user_id}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"


class NoticeDelivery(models.Model):
    """发送记录: one email or SMS copy of a notice (or a digest) for one user, with retries."""

    reminder = models.ForeignKey(
        CaseReminder, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField("渠道", max_length=8, choices=NoticeChannel.choices)
    subject = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    state = models.CharField(
        "状态", max_length=8, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    next_try_at = models.DateTimeField("下次尝试", default=timezone.now)
    last_error = models.CharField("最近错误", max_length=300, blank=True)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "发送记录"
        verbose_name_plural = "发送记录"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_try_at"], name="noticedelivery_due")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.get_state_display()}"
