"""Account writes: create users, change roles, set passwords (all audited)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.accounts.models import User
from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.roles import Role


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str,
    org_unit=None,
    person=None,
    full_name: str = "",
    must_change_password: bool = True,
    is_demo: bool = False,
    actor=None,
    validate: bool = True,
) -> User:
    """Create a login; seeded and admin-created accounts change their password first."""
    user = User(
        username=username,
        role=role,
        org_unit=org_unit,
        person=person,
        first_name=full_name,
        must_change_password=must_change_password,
        is_demo=is_demo,
    )
    if validate:
        validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        obj=user,
        summary=f"新增用户 {username}，角色 {user.get_role_display()}",
    )
    return user


@transaction.atomic
def user_update(
    *,
    user: User,
    role: str,
    org_unit,
    person,
    full_name: str,
    is_active: bool,
    actor=None,
) -> User:
    """Change a user's role, unit, person or status; a role change is its own audit event.

    Separation of duties: nobody changes their own role, scope or active state; the last
    active administrator stays; a changed role or scope makes the user set a new password.
    """
    old_role = user.get_role_display()
    role_changed = user.role != role
    scope_changed = (
        role_changed
        or user.org_unit_id != getattr(org_unit, "pk", None)
        or (user.person_id != getattr(person, "pk", None))
    )
    if actor is not None and actor.pk == user.pk and (scope_changed or not is_active):
        raise ValidationError(
            "不能修改自己的角色、所属单位、对应人员或启用状态，请由另一名管理员操作。"
        )
    leaves_admin = (
        user.role == Role.ADMIN and user.is_active and (role != Role.ADMIN or not is_active)
    )
    if leaves_admin and not _other_active_admins(user):
        raise ValidationError("这是最后一个启用的系统管理员，不能停用或改为其他角色。")
    user.role, user.org_unit, user.person = role, org_unit, person
    user.first_name, user.is_active = full_name, is_active
    if scope_changed:
        user.must_change_password = True
    user.full_clean()
    user.save(
        update_fields=[
            "role",
            "org_unit",
            "person",
            "first_name",
            "is_active",
            "must_change_password",
        ]
    )
    for attr in ("county_id", "township_id", "village_id"):
        user.__dict__.pop(attr, None)
    if role_changed:
        audit_record(
            kind=AuditKind.ROLE,
            user=actor,
            obj=user,
            summary=f"{user.username}: {old_role} → {user.get_role_display()}",
        )
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=user,
        summary=f"修改用户 {user.username}",
    )
    return user


def _other_active_admins(user: User) -> bool:
    others = User.objects.select_for_update().filter(role=Role.ADMIN, is_active=True)
    return others.exclude(pk=user.pk).exists()


@transaction.atomic
def user_password_reset(*, user: User, password: str, actor) -> None:
    """Set a password an administrator typed; the user must replace it at next login."""
    if actor is not None and actor.pk == user.pk:
        raise ValidationError("不能在这里重置自己的密码，请用“修改密码”。")
    user_set_password(user=user, password=password, must_change=True, actor=actor)


@transaction.atomic
def user_set_password(*, user: User, password: str, must_change: bool, actor=None) -> None:
    validate_password(password, user)
    user.set_password(password)
    user.must_change_password = must_change
    user.save(update_fields=["password", "must_change_password"])
    audit_record(
        kind=AuditKind.PASSWORD,
        user=actor or user,
        obj=user,
        summary=f"设置 {user.username} 的密码",
    )
