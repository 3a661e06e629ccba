"""Users: one role and one org unit each."""

from __future__ import annotations

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models

from taizhang.core.roles import Role, has_permission


class User(AbstractUser):
    """用户: a login with one role (角色) and one org unit (所属单位)."""

    role = models.CharField("角色", max_length=16, choices=Role.choices, default=Role.DEPUTY)
    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="所属单位", null=True, blank=True, on_delete=models.PROTECT
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name="对应人员",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accounts",
    )
    must_change_password = models.BooleanField("首次登录须修改密码", default=False)
    is_demo = models.BooleanField("演示账号", default=False)
    # The session of the latest login, for roles that keep one session (accounts/otp.py).
    session_key = models.CharField("当前会话", max_length=40, blank=True, editable=False)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def can(self, permission: str) -> bool:
        return self.is_authenticated and has_permission(self.role, permission)

    @cached_property
    def county_id(self) -> int | None:
        return self.org_unit.county_id if self.org_unit else None

    @cached_property
    def township_id(self) -> int | None:
        return self.org_unit.township_id if self.org_unit else None

    @cached_property
    def village_id(self) -> int | None:
        return self.org_unit.village_id if self.org_unit else None

    @property
    def display_name(self) -> str:
        return self.first_name or self.username
