"""A deputy checks in on a phone through the QR link; the clerk's roll updates by itself."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .meetings_helpers import make_session, window_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def test_deputy_checks_in_by_qr_link_and_clerk_roll_updates(browser_login, world, live_server):
    meeting = make_session(world, day=timezone.localdate(), window=window_now())
    clerk = browser_login("alice")
    clerk.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    assert clerk.locator("[data-stat=present]").inner_text() == "0"
    assert clerk.locator("img[alt=签到二维码]").is_visible()
    assert _qr_loaded_width(clerk) > 0
    link = clerk.locator("#checkin-link").get_attribute("href")
    assert f"/meetings/{meeting.pk}/checkin/" in link

    phone = browser_login("dave", viewport=PHONE)
    phone.goto(link)
    phone.click("#checkin-button")
    assert "签到成功" in phone.locator("#checkin-ok").inner_text()
    # The page fits a 360 px phone: no horizontal scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The clerk's roll polls every 3 s and shows the check-in without a reload.
    expect(clerk.locator("[data-stat=present]")).to_have_text("1", timeout=10_000)
    row = clerk.locator(f"tr[data-deputy='{world.deputies[2].pk}'] [data-status]")
    assert "出席" in row.inner_text() and "扫码" in row.inner_text()

    # The clerk on a phone sees the same QR image, loaded.
    clerk_phone = browser_login("alice", viewport=PHONE)
    clerk_phone.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    assert _qr_loaded_width(clerk_phone) > 0

    # Scanning again is refused in Chinese.
    phone.goto(link)
    phone.click("#checkin-button")
    assert "请勿重复签到" in phone.locator("#checkin-error").inner_text()


def _qr_loaded_width(page) -> int:
    """Return the decoded width of the QR image (0 when the browser could not draw it)."""
    page.wait_for_function("document.querySelector('img[alt=签到二维码]').complete")
    return page.locator("img[alt=签到二维码]").evaluate("img => img.naturalWidth")
