"""Registering a 建议 like an open one shows the similar cases before anything is saved."""

from __future__ import annotations

from datetime import date

import pytest

from taizhang.cases.duplicates import normalise_title, title_similarity
from taizhang.cases.models import Case
from taizhang.cases.services import case_register

SIZES = {"desk": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def _open_suggestion(world, title, township=None, **extra):
    return case_register(kind="建议", township=township or world.jia, title=title,
                         registered=date(2025, 3, 3), sponsors=[world.people["dave"]],
                         actor=world.users["alice"], **extra)  # fmt: skip


def test_titles_are_compared_without_their_frame_punctuation_or_width():
    assert normalise_title("关于在一村修建晒场的建议。") == "在一村修建晒场"
    assert title_similarity("关于一村修建晒场的建议", "一村修建晒场") == 1.0
    assert title_similarity("关于一村修建晒场的建议", "关于尽快在一村修建晒场的建议") >= 0.5
    assert title_similarity("关于一村修建晒场的建议", "关于二村安装路灯的建议") < 0.5


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["desk", "phone"])
def test_presidium_sees_the_similar_open_case_and_decides(world, browser_login, live_server,
                                                           size):  # fmt: skip
    first = _open_suggestion(world, "关于一村修建晒场的建议")
    page = browser_login("alice", viewport=SIZES[size])
    page.goto(f"{live_server.url}/cases/new/建议/")
    page.fill("input[name=title]", "关于尽快在一村修建晒场的建议")
    page.select_option("select[name=lead]", label="周大")
    page.click("#register-form button[type=submit]")
    page.wait_for_load_state()
    hint = page.locator("#duplicates")
    assert first.code in hint.inner_text() and "关于一村修建晒场的建议" in hint.inner_text()
    assert Case.objects.count() == 1  # nothing saved yet
    assert page.input_value("input[name=title]") == "关于尽快在一村修建晒场的建议"
    page.click("button[name=confirm_similar]")
    page.wait_for_load_state()
    assert "已登记" in page.content()
    assert Case.objects.filter(title="关于尽快在一村修建晒场的建议").count() == 1
    if size == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]


def test_the_hint_shows_only_open_cases_the_user_may_see(login, world):
    _open_suggestion(world, "关于一村修建晒场的建议", township=world.yi)  # another township
    closed = _open_suggestion(world, "一村修建晒场")
    Case.objects.filter(pk=closed.pk).update(state="已办结")
    client = login("alice")
    body = {"title": "关于一村修建晒场的建议", "lead": world.people["dave"].pk,
            "registered": "2025-04-01"}  # fmt: skip
    response = client.post("/cases/new/建议/", body)
    assert response.status_code == 302  # nothing open and visible is alike: saved at once
    assert Case.objects.filter(township=world.jia).count() == 2
    again = client.post("/cases/new/建议/", body)
    assert again.status_code == 200 and "标题相同" in again.content.decode()
    assert Case.objects.filter(township=world.jia).count() == 2
