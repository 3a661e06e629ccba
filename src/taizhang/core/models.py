"""Organisation tree, deputy groups, electoral districts, audit trail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from taizhang.core.scope import ScopedQuerySet


class VersionedModel(models.Model):
    """Base for business records: timestamps and a version for optimistic locking."""

    created_at = models.DateTimeField("创建时间", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("修改时间", default=timezone.now, editable=False)
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    class Meta:
        abstract = True


class OrgKind(models.TextChoices):
    COUNTY = "county", "县"
    TOWNSHIP = "township", "乡镇"
    VILLAGE = "village", "村"
    GROUP = "group", "组"
    STATION = "station", "站所"
    DEPARTMENT = "department", "部门"
    ENTERPRISE = "enterprise", "企业"


# Which kinds may sit under which parent kind.
ALLOWED_PARENTS: dict[str, set[str]] = {
    OrgKind.COUNTY: set(),
    OrgKind.TOWNSHIP: {OrgKind.COUNTY},
    OrgKind.VILLAGE: {OrgKind.TOWNSHIP},
    OrgKind.GROUP: {OrgKind.VILLAGE},
    OrgKind.STATION: {OrgKind.TOWNSHIP},
    OrgKind.DEPARTMENT: {OrgKind.TOWNSHIP, OrgKind.COUNTY},
    OrgKind.ENTERPRISE: {OrgKind.TOWNSHIP},
}


class OrgUnitQuerySet(ScopedQuerySet):
    def townships(self) -> OrgUnitQuerySet:
        return self.filter(kind=OrgKind.TOWNSHIP)

    scope_paths = {"township": "township", "village": "village", "county": "county"}


class OrgUnit(VersionedModel):
    """区划单位: a county, township, village, group, station, department or enterprise."""

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=16, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField("编码", max_length=32, blank=True)
    # Denormalised ancestors so that data scope is one indexed equality filter.
    county = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    township = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    village = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    history = HistoricalRecords()

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = "区划单位"
        verbose_name_plural = "区划单位"
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="orgunit_unique_name_in_parent"
            ),
        ]
        indexes = [models.Index(fields=["township", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def full_name(self) -> str:
        if self.kind in {OrgKind.COUNTY, OrgKind.TOWNSHIP} or self.parent is None:
            return self.name
        return f"{self.parent.full_name}{self.name}"


class DeputyGroup(VersionedModel):
    """代表小组 of a township."""

    township = models.ForeignKey(OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT)
    name = models.CharField("名称", max_length=100)

    class Meta:
        verbose_name = "代表小组"
        verbose_name_plural = "代表小组"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["township", "name"], name="deputygroup_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class District(VersionedModel):
    """选区 (electoral district) of a township."""

    township = models.ForeignKey(OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT)
    name = models.CharField("名称", max_length=100)
    number = models.PositiveIntegerField("编号", null=True, blank=True)

    class Meta:
        verbose_name = "选区"
        verbose_name_plural = "选区"
        ordering = ["number", "name"]
        constraints = [
            models.UniqueConstraint(fields=["township", "name"], name="district_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class AuditKind(models.TextChoices):
    LOGIN = "login", "登录成功"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOGOUT = "logout", "退出登录"
    LOCKOUT = "lockout", "账号锁定"
    TIMEOUT = "timeout", "会话超时"
    DENIED = "denied", "越权访问"
    CREATE = "create", "新增"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    REVEAL = "reveal", "查看个人信息"
    IMPORT = "import", "导入"
    EXPORT = "export", "导出"
    ROLE = "role", "角色变更"
    PASSWORD = "password", "修改密码"
    TRANSITION = "transition", "流程操作"
    API = "api", "接口调用"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # the trail is append-only
        raise PermissionError("审计记录不可修改")

    def delete(self):
        raise PermissionError("审计记录不可删除")


class AuditEvent(models.Model):
    """审计日志: one append-only row per security-relevant event."""

    at = models.DateTimeField("时间(UTC)", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        null=True,
        blank=True,
        # Users are deactivated, never deleted: deleting one with a trail is refused.
        on_delete=models.PROTECT,
        related_name="+",
    )
    username = models.CharField("用户名", max_length=150, blank=True)
    ip = models.GenericIPAddressField("IP", null=True, blank=True)
    kind = models.CharField("类型", max_length=16, choices=AuditKind.choices, db_index=True)
    object_type = models.CharField("对象类型", max_length=64, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    outcome = models.CharField("结果", max_length=8, default="成功")
    summary = models.CharField("摘要", max_length=300, blank=True)
    # Hash chain (core.auditchain): each row covers its own fields and the row before.
    prev_hash = models.CharField("上一条校验值", max_length=64, default="", editable=False)
    hash = models.CharField("校验值", max_length=64, default="", editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        # Append-only: an existing row is never rewritten.
        if self.pk is not None:
            raise PermissionError("审计记录不可修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计记录不可删除")


class JobLock(models.Model):
    """作业锁: a lease that lets one server at a time run a periodic job (e.g. the sender)."""

    name = models.CharField("作业", max_length=40, unique=True)
    holder = models.CharField("持有者", max_length=100, blank=True)
    expires_at = models.DateTimeField("到期时间")

    class Meta:
        verbose_name = "作业锁"
        verbose_name_plural = "作业锁"

    def __str__(self) -> str:
        return self.name


class AuditArchive(models.Model):
    """审计日志归档: rows moved to a file by `taizhang audit archive`, with the chain anchor."""

    at = models.DateTimeField("归档时间", default=timezone.now)
    before = models.DateField("归档截止日期")
    rows = models.PositiveIntegerField("记录数")
    last_id = models.BigIntegerField("最后一条记录编号")
    anchor = models.CharField("链锚（最后一条校验值）", max_length=64)
    file = models.CharField("归档文件", max_length=500)

    class Meta:
        verbose_name = "审计日志归档"
        verbose_name_plural = "审计日志归档"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.before} 前 {self.rows} 条"
