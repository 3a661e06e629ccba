"""Separation of duties: the admin manages accounts but cannot become a business user."""

from __future__ import annotations

from taizhang.accounts.models import User
from tests.conftest import PASSWORD


def _edit(client, user, **changes):
    data = {"username": user.username, "full_name": user.first_name, "role": user.role,
            "org_unit": user.org_unit_id or "", "person_id": user.person_id or "",
            "is_active": "on" if user.is_active else ""}  # fmt: skip
    data.update(changes)
    return client.post(f"/accounts/users/{user.pk}/", data)


def test_admin_cannot_change_own_role_scope_or_state(login, world):
    frank = world.users["frank"]
    client = login("frank")
    for changes in ({"role": "presidium", "org_unit": world.jia.pk},
                    {"org_unit": world.jia.pk}, {"is_active": ""}):  # fmt: skip
        response = _edit(client, frank, **changes)
        assert response.status_code == 200
        assert "不能修改自己的角色" in response.content.decode()
    frank.refresh_from_db()
    assert (frank.role, frank.org_unit_id, frank.is_active) == ("admin", world.county.pk, True)


def test_the_last_active_admin_cannot_be_deactivated(login, world):
    from taizhang.accounts.services import user_create

    other = user_create(username="admin2", password=PASSWORD, role="admin",
                        org_unit=world.county, validate=False)  # fmt: skip
    client = login("frank")
    assert _edit(client, other, is_active="").status_code == 302  # frank remains
    from django.core.exceptions import ValidationError

    from taizhang.accounts.services import user_update

    frank = world.users["frank"]
    try:
        user_update(user=frank, role="admin", org_unit=world.county, person=None,
                    full_name="", is_active=False, actor=other)  # fmt: skip
    except ValidationError as exc:
        assert "最后一个启用的系统管理员" in exc.messages[0]
    else:
        raise AssertionError("the last active admin was deactivated")
    assert User.objects.get(pk=frank.pk).is_active


def test_role_change_forces_a_new_password_different_from_the_old(login, world, client):
    bob = world.users["bob"]
    assert _edit(login("frank"), bob, role="presidium").status_code == 302
    bob.refresh_from_db()
    assert bob.must_change_password
    client.force_login(bob)
    assert client.get("/cases/").url == "/accounts/password/"
    same = {"old_password": PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD}
    response = client.post("/accounts/password/", same)
    assert "不能与原密码" in response.content.decode()
    new = "Other@Pass2026"
    ok = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    assert client.post("/accounts/password/", ok).status_code == 302
    bob.refresh_from_db()
    assert not bob.must_change_password


def test_password_reset_by_the_admin_must_be_replaced(login, world, client):
    carol = world.users["carol"]
    typed = "Admin@Typed2026"
    response = login("frank").post(f"/accounts/users/{carol.pk}/password/", {"password": typed})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.must_change_password and carol.check_password(typed)
    client.force_login(carol)
    same = {"old_password": typed, "new_password1": typed, "new_password2": typed}
    assert "不能与原密码" in client.post("/accounts/password/", same).content.decode()


def test_admin_cannot_reset_own_password_there(login, world):
    frank = world.users["frank"]
    response = login("frank").post(
        f"/accounts/users/{frank.pk}/password/", {"password": "Admin@Typed2026"}
    )
    assert response.status_code == 200 and "修改密码" in response.content.decode()
