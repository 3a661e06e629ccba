"""In the browser: the presidium assigns to a village, its cadre signs and answers, the deputy rates."""

from __future__ import annotations

from datetime import date

import pytest

from taizhang.cases.models import Case
from taizhang.cases.services import case_register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desk": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def _act(page, url, action, fill=None):
    page.goto(url)
    page.click(f"summary:has-text('{action}')")
    form = page.locator(f"form[data-action='{action}']")
    for name, value in (fill or {}).items():
        if name == "satisfaction":
            form.locator(f"input[name=satisfaction][value={value}]").check()
        elif name == "unit":
            form.locator("select[name=unit]").select_option(label=value)
        else:
            form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_case_assigned_to_village_is_signed_answered_and_rated(world, browser_login, live_server,
                                                               size):  # fmt: skip
    case = case_register(kind="建议", township=world.jia, title="关于一村修建晒场的建议",
                         registered=date(2025, 3, 3), sponsors=[world.people["dave"]],
                         actor=world.users["alice"])  # fmt: skip
    url = f"{live_server.url}/cases/{case.pk}/"
    viewport = SIZES[size]
    alice = browser_login("alice", viewport=viewport)
    alice.goto(url)
    alice.click("summary:has-text('交办')")
    options = alice.locator("form[data-action='交办'] select[name=unit] option").all_inner_texts()
    assert "一村" in options and any(o.startswith("二村") and "无人接收" in o for o in options)
    _act(alice, url, "交办", {"unit": "一村"})
    assert alice.locator("#case-state").inner_text() == "已交办"

    carol = browser_login("carol", viewport=viewport)
    carol.goto(f"{live_server.url}/cases/inbox/")
    carol.click("text=关于一村修建晒场的建议")
    assert carol.locator("#case-state").inner_text() == "已交办"
    _act(carol, url, "签收")
    _act(carol, url, "答复", {"answer_text": "村里已选定晒场地块", "answer_signer": "村主任"})
    assert carol.locator("#case-state").inner_text() == "已答复"

    dave = browser_login("dave", viewport=viewport)
    dave.goto(f"{live_server.url}/cases/inbox/")
    dave.click("text=关于一村修建晒场的建议")
    _act(dave, url, "评价", {"satisfaction": "满意"})
    assert dave.locator("#case-state").inner_text() == "已评价"
    if size == "phone":
        assert dave.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    case.refresh_from_db()
    assert (case.handling_unit, case.satisfaction) == (world.village1, "满意")
    assert list(case.events.values_list("action", flat=True)) == [
        "登记", "交办", "签收", "答复", "评价"]  # fmt: skip
    assert Case.objects.get(pk=case.pk).state == "已评价"
