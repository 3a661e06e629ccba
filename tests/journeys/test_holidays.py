"""Holidays: a range in one submit, the State Council's notice pasted and previewed, no silent
overwrite, and the missing-year warning until the year has days off and make-up days."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from taizhang.cases import calendar
from taizhang.cases.holiday_notice import NoticeError, parse_notice
from taizhang.cases.models import HolidayOverride

# An invented arrangement for 2031, a year the holiday package does not know.
NOTICE_2031 = """一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月22日（农历除夕、周三）至28日（周二）放假调休，共7天。1月19日（周日）、2月8日（周六）上班。
三、清明节：4月5日（周六）至7日（周一）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。"""
LATER = datetime(2030, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_notice_lines_become_days_off_and_make_up_days():
    days = {d.day: (d.is_working_day, d.note) for d in parse_notice(NOTICE_2031, year=2031)}
    assert len(days) == 1 + 7 + 2 + 3 + 5 + 1
    assert days[date(2031, 1, 22)] == (False, "春节")
    assert days[date(2031, 1, 28)] == (False, "春节")  # 至28日: the start's month
    assert days[date(2031, 2, 8)] == (True, "春节")
    assert days[date(2031, 4, 27)] == (True, "劳动节")
    over_new_year = parse_notice("元旦：12月31日至1月2日放假", year=2030)
    assert [d.day for d in over_new_year] == [date(2030, 12, 31), date(2031, 1, 1),
                                              date(2031, 1, 2)]  # fmt: skip


def test_lines_that_cannot_be_read_are_named_by_number():
    with pytest.raises(NoticeError) as caught:
        parse_notice(
            "元旦：1月1日放假\n春节：2月30日放假\n这一行没有日期\n清明节：4月5日", year=2031
        )
    numbers = [n for n, _ in caught.value.errors]
    assert numbers == [2, 3, 4]
    assert "2031年2月30日不是有效日期" in str(caught.value)


def test_a_range_is_one_submit_and_a_saved_date_is_not_overwritten_silently(login, world):
    admin = login("frank")
    body = {"date": "2031-10-01", "end": "2031-10-07", "note": "国庆节"}
    assert admin.post("/cases/holidays/", body).status_code == 302
    assert HolidayOverride.objects.filter(is_working_day=False, note="国庆节").count() == 7
    again = admin.post("/cases/holidays/", body, follow=True).content.decode()
    assert "这些日期原已如此设置，未作改动" in again
    clash = {"date": "2031-10-07", "end": "2031-10-08", "is_working_day": "on", "note": "调休"}
    response = admin.post("/cases/holidays/", clash)
    assert response.status_code == 409
    assert "2031-10-07 放假（国庆节）" in response.content.decode()
    assert not HolidayOverride.objects.filter(date__in=[date(2031, 10, 7), date(2031, 10, 8)],
                                              is_working_day=True).exists()  # fmt: skip
    assert admin.post("/cases/holidays/", {**clash, "replace": "1"}).status_code == 302
    assert HolidayOverride.objects.get(date=date(2031, 10, 7)).is_working_day
    bad = admin.post("/cases/holidays/", {"date": "2031-10-09", "end": "2031-10-01"})
    assert bad.status_code == 400 and "结束日期不能早于开始日期" in bad.content.decode()


def test_the_missing_year_warning_stays_until_days_off_and_make_up_days(db):
    HolidayOverride.objects.create(date=date(2031, 1, 1), is_working_day=False, note="元旦")
    assert calendar.year_gaps([2031]) == {2031: ["调休上班日"]}
    HolidayOverride.objects.create(date=date(2031, 1, 19), is_working_day=True, note="春节")
    assert calendar.year_gaps([2031]) == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_pastes_the_notice_checks_the_preview_and_saves(world, browser_login, live_server):
    with time_machine.travel(LATER, tick=True):
        page = browser_login("frank")
        page.goto(f"{live_server.url}/cases/holidays/")
        warning = page.locator(".alert-warning[data-year='2031']").inner_text()
        assert "还缺放假日和调休上班日" in warning
        form = page.locator("#holiday-notice")
        form.locator("input[name=year]").fill("2031")
        form.locator("textarea[name=notice]").fill(NOTICE_2031)
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        rows = page.locator("#holiday-preview tbody tr")
        assert rows.count() == 19
        assert HolidayOverride.objects.count() == 0  # a preview saves nothing
        assert "2031-01-19 周日 上班 春节 新增" in " ".join(rows.nth(1).inner_text().split())
        page.click("#holiday-preview button[type=submit]")
        page.wait_for_load_state()
        assert "已保存：新增19天" in page.content()
        assert page.locator(".alert-warning[data-year='2031']").count() == 0
        assert HolidayOverride.objects.filter(date__year=2031, is_working_day=True).count() == 3
        assert calendar.add_working_days(date(2031, 1, 21), 1) == date(2031, 1, 29)
