"""API tokens (stored as hashes), per-token rate counters and idempotency keys of intake."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class TokenScope(models.TextChoices):
    READ = "read", "只读"
    WRITE = "write", "读写"


class ApiToken(models.Model):
    """接口令牌: a named bearer token of one user; only its SHA-256 digest is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("名称", max_length=60)
    prefix = models.CharField("前缀", max_length=12, db_index=True)
    digest = models.CharField("摘要", max_length=64, unique=True)
    scope = models.CharField("权限", max_length=8, choices=TokenScope.choices)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    expires_at = models.DateTimeField("到期时间")
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.prefix}…）"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now

    @property
    def state_label(self) -> str:
        if self.revoked_at is not None:
            return "已吊销"
        return "有效" if self.expires_at > timezone.now() else "已过期"


class ApiRateCounter(models.Model):
    """One token's request count in one fixed window (shared by every app server)."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    window = models.BigIntegerField("窗口")  # start of the window, in seconds since the epoch
    count = models.PositiveIntegerField("次数", default=0)

    class Meta:
        verbose_name = "接口调用计数"
        verbose_name_plural = "接口调用计数"
        constraints = [
            models.UniqueConstraint(fields=["token", "window"], name="apiratecounter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.token_id}@{self.window}: {self.count}"


class IdempotencyKey(models.Model):
    """幂等键: the first request of a user with a key registers the case; repeats get it back."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField("幂等键", max_length=100)
    fingerprint = models.CharField("请求摘要", max_length=64)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=timezone.now)

    class Meta:
        verbose_name = "幂等键"
        verbose_name_plural = "幂等键"
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotencykey_unique"),
        ]

    def __str__(self) -> str:
        return self.key
