"""Account writes: create users, change roles, set passwords (all audited)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from taizhang.accounts.models import User
from taizhang.core.audit import AuditKind, audit_record


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
    request=None,
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
        request=request,
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
    request=None,
) -> User:
    """Change a user's role, unit, person or status; a role change is its own audit event."""
    old_role = user.get_role_display()
    role_changed = user.role != role
    user.role, user.org_unit, user.person = role, org_unit, person
    user.first_name, user.is_active = full_name, is_active
    user.full_clean()
    user.save(update_fields=["role", "org_unit", "person", "first_name", "is_active"])
    for attr in ("county_id", "township_id", "village_id"):
        user.__dict__.pop(attr, None)
    if role_changed:
        audit_record(
            kind=AuditKind.ROLE,
            user=actor,
            request=request,
            obj=user,
            summary=f"{user.username}: {old_role} → {user.get_role_display()}",
        )
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        request=request,
        obj=user,
        summary=f"修改用户 {user.username}",
    )
    return user


@transaction.atomic
def user_set_password(
    *, user: User, password: str, must_change: bool, actor=None, request=None
) -> None:
    validate_password(password, user)
    user.set_password(password)
    user.must_change_password = must_change
    user.save(update_fields=["password", "must_change_password"])
    audit_record(
        kind=AuditKind.PASSWORD,
        user=actor or user,
        request=request,
        obj=user,
        summary=f"设置 {user.username} 的密码",
    )
