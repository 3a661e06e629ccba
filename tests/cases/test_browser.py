"""Three users take a suggestion through 交办 → 签收 → 答复 → 不满意 → 重办 → 答复 → 满意 → 办结."""

from __future__ import annotations

import pytest

from taizhang.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    assert "已" + action in page.content() or action in page.locator("#timeline").inner_text()


def test_three_users_take_a_suggestion_to_closure(world, suggestion, browser_login, live_server):
    url = f"{live_server.url}/cases/{suggestion.pk}/"
    alice = browser_login("alice")
    bob = browser_login("bob")
    dave = browser_login("dave", viewport={"width": 360, "height": 740})

    _act(alice, url, "交办", {"unit": "卫生院"})
    assert alice.locator("#case-state").inner_text() == "已交办"
    _act(bob, url, "签收")
    _act(bob, url, "答复", {"answer_text": "已安排修缮计划", "answer_signer": "李四"})
    _act(dave, url, "评价", {"satisfaction": "不满意"})
    assert dave.locator("#case-state").inner_text() == "待重办"
    _act(alice, url, "重办")
    _act(bob, url, "答复", {"answer_text": "已完成修缮", "answer_signer": "李四"})
    _act(dave, url, "评价", {"satisfaction": "满意"})
    _act(alice, url, "办结")
    assert alice.locator("#case-state").inner_text() == "已办结"
    timeline = alice.locator("#timeline").inner_text()
    for step in ("交办", "签收", "答复", "评价", "重办", "办结"):
        assert step in timeline
    case = Case.objects.get(pk=suggestion.pk)
    assert case.state == "已办结" and case.redo_count == 1 and case.satisfaction == "满意"
    assert list(case.events.values_list("action", flat=True)) == [
        "登记",
        "交办",
        "签收",
        "答复",
        "评价",
        "重办",
        "答复",
        "评价",
        "办结",
    ]
    # The deputy on a phone sees no action buttons once the case is closed.
    dave.goto(url)
    assert dave.locator("#no-actions").is_visible()
