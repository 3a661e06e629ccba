"""The admin opens an account for a person found by name and unit; password errors are Chinese."""

from __future__ import annotations

import pytest

from taizhang.accounts.models import User
from tests.conftest import PASSWORD

INITIAL = "Chu@shi2025x"
OWN = "Lan#Shan7788q"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_creates_a_deputys_account_by_name_and_the_deputy_logs_in(
    world, browser_login, live_server
):
    admin = browser_login("frank")
    admin.goto(f"{live_server.url}/accounts/users/new/")
    assert admin.locator("input[name=person_id]").count() == 0  # no number to type
    admin.fill("input[name=username]", "zhaoyi")
    admin.select_option("select[name=role]", label="人大代表")
    admin.locator("input[name=person_query]").press_sequentially("赵一")
    option = admin.locator("select[name=person_id] option", has_text="赵一（甲乡一村")
    option.wait_for(state="attached")
    admin.select_option("select[name=person_id]", label=option.inner_text())
    admin.fill("input[name=password]", "abc")
    admin.click("main button[type=submit]:has-text('保存')")
    errors = admin.locator("[data-field=password]").all_inner_texts()
    assert "密码太短，至少需要8个字符。" in errors, errors
    assert not any("password" in e.lower() for e in errors)
    # The chosen person stays chosen after the refused submit.
    assert "赵一" in admin.locator("select[name=person_id] option:checked").inner_text()
    admin.fill("input[name=password]", INITIAL)
    admin.click("main button[type=submit]:has-text('保存')")
    admin.wait_for_selector("text=用户 zhaoyi 已创建")
    account = User.objects.get(username="zhaoyi")
    assert (account.role, account.person, account.org_unit) == (
        "deputy", world.people["p1"], world.jia)  # fmt: skip

    deputy = browser_login("zhaoyi", INITIAL)
    assert "/accounts/password/" in deputy.url  # an issued password is changed first
    deputy.fill("input[name=old_password]", INITIAL)
    deputy.fill("input[name=new_password1]", OWN)
    deputy.fill("input[name=new_password2]", OWN)
    deputy.click("main button[type=submit]")
    deputy.wait_for_load_state()
    assert "我的信息" in deputy.locator("nav.tz-nav").inner_text()


def test_find_button_lists_namesakes_with_their_units_and_nothing_is_saved(login, world):
    from taizhang.people.services import person_create

    namesake = person_create(name="赵一", gender="男", unit=world.village3)
    client = login("frank")
    body = {"username": "zhao2", "role": "deputy", "person_query": "赵一", "find": "1"}
    page = client.post("/accounts/users/new/", body).content.decode()
    assert "赵一（甲乡一村" in page and "赵一（乙镇三村" in page
    assert not User.objects.filter(username="zhao2").exists()
    page = client.post("/accounts/users/new/", {**body, "person_query": "赵一 乙镇"})
    assert (
        "赵一（甲乡一村" not in page.content.decode() and "赵一（乙镇三村" in page.content.decode()
    )
    options = client.get("/accounts/users/people/", {"person_query": "赵一 三村"}).content
    assert f'value="{namesake.pk}"'.encode() in options and "甲乡一村".encode() not in options


def test_a_deputy_account_needs_a_deputy_and_a_person_has_one_account(login, world):
    from taizhang.people.services import person_create

    clerk = person_create(name="吴六", gender="女", unit=world.station)
    client = login("frank")
    body = {"username": "wuliu", "role": "deputy", "password": PASSWORD}
    page = client.post("/accounts/users/new/", {**body, "person_id": clerk.pk})
    assert "吴六不是人大代表" in page.content.decode()
    page = client.post("/accounts/users/new/", {**body, "person_id": world.people["dave"].pk})
    assert "周大已有账号 dave" in page.content.decode()
    assert not User.objects.filter(username="wuliu").exists()
