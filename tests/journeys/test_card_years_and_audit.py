"""A deputy's 履职档案 switches years (current year by default, Beijing time); the audit log
shows Beijing time and says so, and names objects in Chinese with their title."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import time_machine
from django.urls import reverse

from taizhang.cases.services import case_register, holiday_override_set
from taizhang.duty.services import duty_entry_create

# 23:30 UTC on 31 December 2025 is already 1 January 2026 in Beijing.
NEW_YEAR_UTC = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)


def test_a_deputys_card_opens_on_the_current_beijing_year_and_switches_years(login, world):
    dave = world.people["dave"]
    for day, text in ((date(2025, 5, 6), "走访二村"), (date(2026, 1, 1), "元旦慰问")):
        duty_entry_create(person=dave, township=world.jia, day=day, type="走访选民", content=text)
    client = login("dave")
    with time_machine.travel(NEW_YEAR_UTC, tick=False):
        landing = client.get(reverse("duty:index"), follow=True)
        page = landing.content.decode()
    assert "2026年履职档案" in page and "元旦慰问" in page and "走访二村" not in page
    switcher = page[page.index('id="card-years"') :].split("</nav>")[0]
    years = re.findall(r'href="\?year=(\d{4})"', switcher)
    assert years[:2] == ["2026", "2025"] and "2021" in years  # the mandate began in 2021
    assert 'aria-current="page" href="?year=2026"' in switcher
    card_url = landing.redirect_chain[-1][0]
    with time_machine.travel(NEW_YEAR_UTC, tick=False):
        earlier = client.get(card_url.split("?")[0], {"year": "2025"}).content.decode()
    assert "2025年履职档案" in earlier and "走访二村" in earlier and "元旦慰问" not in earlier


def test_the_audit_log_shows_beijing_time_and_names_objects_with_their_titles(login, world):
    with time_machine.travel(NEW_YEAR_UTC, tick=False):
        holiday_override_set(day=date(2026, 10, 1), is_working_day=False, note="国庆节")
        case_register(kind="建议", township=world.jia, title="关于修缮三村桥梁的建议",
                      registered=date(2025, 12, 30), sponsors=[world.people["dave"]],
                      actor=world.users["alice"])  # fmt: skip
    page = login("grace").get(reverse("core:audit_list")).content.decode()
    assert "UTC)" not in page and "北京时间" in page
    assert "2026-01-01 07:30" in page  # 23:30 UTC shown as Beijing time
    assert "节假日调整 2026-10-01" in page
    assert re.search(r"建议 \S+ 《关于修缮三村桥梁的建议》", page)
    assert not re.search(r"cases\.(HolidayOverride|Case) \d", page)
