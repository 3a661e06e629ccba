"""Demo roles in Debian chromium: navigation per role, 404 outside scope, no sideways scroll at 360 px."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "Demo@2025"

# username -> (menu entries it must show, entries it must not show)
NAVIGATION = {
    "demo-admin": ({"用户管理", "系统设置", "组织机构"}, {"人员", "审计日志", "代表名册"}),
    "demo-auditor": ({"审计日志"}, {"人员", "用户管理", "系统设置", "组织机构"}),
    "demo-renda": ({"人员", "代表名册", "职务", "数据统计"}, {"用户管理", "审计日志"}),
    "demo-ganbu": ({"人员", "代表名册", "数据统计"}, {"用户管理", "审计日志", "系统设置"}),
    "demo-cun": ({"人员", "代表名册"}, {"用户管理", "审计日志", "系统设置"}),
    "demo-daibiao": ({"我的信息"}, {"组织机构", "用户管理", "审计日志"}),
    "demo-xian": ({"人员", "组织机构", "数据统计"}, {"用户管理", "审计日志", "系统设置"}),
}


@pytest.mark.parametrize("username", list(NAVIGATION))
def test_each_demo_role_logs_in_and_sees_its_navigation(browser_login, demo, username):
    page = browser_login(username, DEMO_PASSWORD)
    assert "/accounts/login/" not in page.url
    entries = set(page.locator("nav.tz-nav a.nav-link").all_inner_texts())
    must, must_not = NAVIGATION[username]
    assert must <= entries, entries
    assert not (must_not & entries), entries


def test_village_cadre_gets_404_for_a_person_of_another_village(browser_login, demo, live_server):
    from taizhang.people.models import Person

    other = Person.objects.filter(village__name="烽火村").first()
    own = Person.objects.filter(village__name="石桥村").first()
    page = browser_login("demo-cun", DEMO_PASSWORD)
    response = page.goto(f"{live_server.url}/people/{other.pk}/")
    assert response.status == 404
    assert "未找到" in page.content()
    assert page.goto(f"{live_server.url}/people/{own.pk}/").status == 200


@pytest.mark.parametrize("path", ["/people/", "/people/deputies/", "/people/posts/", "/"])
def test_roster_has_no_horizontal_scroll_at_360_px(browser_login, demo, live_server, path):
    page = browser_login("demo-renda", DEMO_PASSWORD, viewport={"width": 360, "height": 740})
    page.goto(f"{live_server.url}{path}")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths


def test_reveal_button_swaps_in_the_full_data_without_inline_script(
    browser_login, demo, live_server
):
    from taizhang.core.models import AuditEvent, AuditKind
    from taizhang.people.models import Person

    person = Person.objects.filter(village__name="石桥村").exclude(phone="").first()
    page = browser_login("demo-cun", DEMO_PASSWORD)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/people/{person.pk}/")
    assert person.phone not in page.content()
    page.click("#reveal-btn")
    page.wait_for_selector("text=本次查看已记入审计日志")
    assert person.phone in page.content()
    assert AuditEvent.objects.filter(kind=AuditKind.REVEAL, username="demo-cun").count() == 1
    assert not [e for e in errors if "Content Security Policy" in e]
