"""A persona logs in through the real login form in chromium."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_presidium_logs_in_and_sees_roster_navigation(browser_login, world):
    page = browser_login("alice")
    nav = page.locator("nav.tz-nav").inner_text()
    assert "代表名册" in nav
    assert "审计日志" not in nav
