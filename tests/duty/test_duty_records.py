"""Duty records counted from the registers, against a hand-built fixture."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taizhang.core.versioning import NEW
from taizhang.duty import services
from taizhang.duty.selectors import duty_overview, duty_record_for
from taizhang.meetings import services as meetings
from taizhang.people import services as people

YEAR = 2025
END = date(2025, 12, 31)


@pytest.fixture
def ledger(world):
    """甲乡 2025 with quotas 12345 and a hand-counted year for dave (zhao, qian for contrast).

    dave: attends the session and group meetings in Q1, Q2, Q3 (not Q4) -> 小组会议 3/4;
    2 reflections (2/2); helps 1+2 households (3/3); 3 group activities + 1 entry (4/4);
    4 suggestion entries + 1 case (5/5). zhao: nothing but the session.
    """
    zhao, qian, dave = world.deputies
    services.quota_apply_scheme(township=world.jia, year=YEAR)
    session = meetings.meeting_create(township=world.jia, kind="人代会", name="七次会议",
                                      date=date(2025, 4, 21))  # fmt: skip
    for d in world.deputies:
        meetings.attendance_set(meeting=session, deputy=d, status="出席", expected_version=NEW)
    for q, month in enumerate((2, 5, 8, 11), start=1):
        m = meetings.meeting_create(township=world.jia, kind="代表小组会议", name=f"{q}季度",
                                    date=date(2025, month, 3))  # fmt: skip
        if q < 4:
            meetings.attendance_set(meeting=m, deputy=dave, status="出席", expected_version=NEW)
        meetings.attendance_set(meeting=m, deputy=qian, status="缺席", expected_version=NEW)
    for n in range(3):
        meetings.activity_create(township=world.jia, kind="代表小组活动", topic=f"活动{n}",
                                 date=date(2025, 3 + n, 9), participants=[dave])  # fmt: skip
    meetings.activity_create(township=world.jia, kind="视察", topic="视察",
                             date=date(2025, 12, 8), participants=[dave, qian])  # fmt: skip
    p = dave.person
    for day, kind, content, qty in [
        (date(2025, 3, 1), "心得体会", "学习体会一", 1),
        (date(2025, 9, 1), "心得体会", "学习体会二", 1),
        (date(2025, 4, 1), "帮扶", "帮扶甲户", 1),
        (date(2025, 7, 1), "帮扶", "帮扶乙丙两户", 2),
        (date(2025, 8, 1), "小组活动", "自行组织", 1),
        (date(2025, 1, 5), "建议", "建议一", 1),
        (date(2025, 2, 5), "建议", "建议二", 1),
        (date(2025, 3, 5), "建议", "建议三", 1),
        (date(2025, 4, 5), "建议", "建议四", 1),
        (date(2024, 12, 5), "建议", "去年的建议", 1),  # another year: not counted
    ]:
        services.duty_entry_create(person=p, township=world.jia, day=day, type=kind,
                                   content=content, quantity=qty)  # fmt: skip
    from taizhang.cases.services import case_register

    case_register(kind="建议", township=world.jia, title="修缮村道", registered=date(2025, 5, 6),
                  sponsors=[p], content="")  # fmt: skip
    return world


def _lines(record):
    return {line.type: (line.done, line.required) for line in record.lines}


def test_dave_counts_match_the_hand_count(ledger):
    dave = ledger.deputies[2]
    record = duty_record_for(dave, YEAR, today=END)
    assert (record.meetings_attended, record.meetings_expected) == (4, 5)
    assert record.activities == 4 and record.suggestions == 1 and record.motions == 0
    assert _lines(record) == {
        "小组会议": (3, 4),
        "心得体会": (2, 2),
        "帮扶": (3, 3),
        "小组活动": (4, 4),
        "建议": (5, 5),
    }
    assert not record.complete and record.completion == 95.0


def test_zhao_is_behind_everywhere_and_sorts_first(ledger):
    zhao, qian, dave = ledger.deputies
    records = duty_overview(deputies=ledger.deputies[0].__class__.objects.all(), year=YEAR,
                            today=END)  # fmt: skip
    assert [r.deputy for r in records][-1] == dave
    zhao_record = next(r for r in records if r.deputy == zhao)
    assert zhao_record.completion == 0.0 and zhao_record.meetings_expected == 5
    qian_record = next(r for r in records if r.deputy == qian)
    assert (qian_record.meetings_attended, qian_record.meetings_expected) == (1, 5)


def test_quarterly_quota_counts_only_quarters_in_office(ledger):
    late = people.deputy_create(
        person=people.person_create(name="新任代表", unit=ledger.village1), level="乡镇",
        term="第十四届", township=ledger.jia, start=date(2025, 7, 1),
    )  # fmt: skip
    record = duty_record_for(late, YEAR, today=END)
    assert _lines(record)["小组会议"] == (0, 2)  # Q3 and Q4 only
    assert record.meetings_expected == 2  # the Q3 and Q4 group meetings


def test_entry_for_someone_not_in_office_is_refused(ledger):
    with pytest.raises(ValidationError) as err:
        services.duty_entry_create(person=ledger.people["p4"], township=ledger.jia,
                                   day=date(2025, 3, 1), type="帮扶")  # fmt: skip
    assert "不是甲乡的在任代表" in str(err.value)


def test_quota_and_amount_refusals(world):
    with pytest.raises(ValidationError) as err:
        services.quota_set(
            township=world.jia, year=YEAR, type="帮扶", required=-1, expected_version=NEW
        )
    assert "不能为负数" in str(err.value)
    with pytest.raises(ValidationError) as err:
        services.expense_create(township=world.jia, day=date(2025, 3, 1), purpose="培训",
                                amount="abc")  # fmt: skip
    assert "金额必须是数字" in str(err.value)


def test_deputy_sees_only_own_card(ledger, login):
    zhao, qian, dave = ledger.deputies
    client = login("dave")
    own = client.get(reverse("duty:index") + "?year=2025", follow=True)
    page = own.content.decode()
    assert "周大 · 2025年履职档案" in page and "3/4" in page and "tz-behind" in page
    assert client.get(reverse("duty:card", args=[zhao.pk])).status_code == 404


def test_overview_page_sorts_by_completion(ledger, login):
    page = login("alice").get(reverse("duty:index") + "?year=2025&sort=completion").content
    text = page.decode()
    assert text.index("赵一") < text.index("周大")
    desc = login("alice").get(reverse("duty:index") + "?year=2025&order=desc").content.decode()
    assert desc.index("周大") < desc.index("赵一")
