"""In chromium: the checker page accepts a suggestion through htmx; a draft shows its figures."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_checker_page_accepts_a_suggestion_without_reload(browser_login, live_server, world):
    page = browser_login("alice")
    page.goto(f"{live_server.url}/documents/check/")
    page.fill("#check-text", "全年共办理建议2、5万件。")
    page.click("button[value=check]")
    page.wait_for_selector("#findings li")
    page.click("#findings li[data-category=number] button:has-text('采纳')")
    # Playwright's expect polls without eval (the site's CSP forbids eval).
    expect(page.locator("#check-text")).to_have_value(re.compile("2\\.5万件"))
    assert "2、5" not in page.input_value("#check-text")


def test_presidium_generates_a_draft_and_opens_a_figure_source(
    browser_login, live_server, world, jia_session
):
    from taizhang.people.services import deputy_update

    for deputy in world.deputies:
        deputy_update(deputy=deputy, expected_version=deputy.version, is_info_officer=True)
    page = browser_login("alice")
    page.goto(f"{live_server.url}/documents/")
    page.select_option("select[name=kind_variant]", "presidium:summary")
    page.fill("input[name=year]", "2025")
    page.select_option("select[name=township]", label="甲乡")
    page.click("button:has-text('生成年终总结')")
    page.wait_for_selector("#draft-body")
    page.click("button.tz-fig >> nth=0")
    popover = page.locator("[popover]:popover-open")
    assert "条记录" in popover.inner_text()
