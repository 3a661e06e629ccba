"""The site boots and the persona world builds."""

from __future__ import annotations


def test_login_page_renders_in_chinese(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "台账系统登录" in response.content.decode()


def test_presidium_sees_own_township_people(login, world):
    response = login("alice").get("/people/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "赵一" in body and "孙三" not in body
