"""On a 360 px phone: the navigation is a menu, case lists are cards with state and deadline."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def within_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1


def test_the_menu_button_opens_the_navigation_on_a_phone(browser_login, live_server, world):
    page = browser_login("alice", viewport=PHONE)
    roster = page.locator("nav.tz-nav a", has_text="代表名册")
    assert not roster.is_visible()  # closed: the page starts with its content
    page.click("button.tz-menu-toggle")
    assert page.get_attribute("button.tz-menu-toggle", "aria-expanded") == "true"
    links = page.locator("nav.tz-nav a")
    assert links.count() >= 5
    for n in range(links.count()):  # every entry on screen, none cut off
        assert links.nth(n).is_visible() and within_screen(links.nth(n))
    roster.click()
    page.wait_for_url("**/people/deputies/**")
    page.click("button.tz-menu-toggle")
    page.click("button.tz-menu-toggle")
    assert not page.locator("nav.tz-nav a").first.is_visible()


def test_the_desk_shows_the_navigation_without_a_menu_button(browser_login, live_server, world):
    page = browser_login("alice")
    assert page.locator("nav.tz-nav a", has_text="代表名册").is_visible()
    assert not page.locator("button.tz-menu-toggle").is_visible()


def test_a_case_card_shows_its_state_and_deadline_on_a_phone(browser_login, live_server, world):
    from taizhang.cases.services import case_register, case_transition

    case = case_register(
        kind="建议", township=world.jia, title="关于在二村增设路灯的建议",
        registered=date(2025, 4, 1), sponsors=[world.people["dave"]],
    )  # fmt: skip
    case = case_transition(case=case, action="交办", actor=None, unit=world.station,
                           on=date(2025, 4, 25))  # fmt: skip
    page = browser_login("alice", viewport=PHONE)
    page.goto(f"{live_server.url}/cases/?year=2025")
    row = page.locator("#case-table tbody tr", has_text="关于在二村增设路灯的建议")
    state, due = row.locator("td[data-state]"), row.locator("td[data-due]")
    assert state.is_visible() and within_screen(state)
    assert due.is_visible() and within_screen(due)
    assert state.inner_text() == "已交办" and state.get_attribute("data-label") == "状态"
    assert due.inner_text().startswith(f"{case.due:%Y-%m-%d}")
    assert row.locator("thead").count() == 0 and not page.locator("#case-table thead").is_visible()
