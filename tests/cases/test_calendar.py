"""Working days across the 2025 National Day holiday and its make-up workdays."""

from __future__ import annotations

from datetime import date

from taizhang.cases import calendar
from taizhang.cases.services import case_register, holiday_override_set


def test_national_day_holiday_is_skipped_and_make_up_saturday_counts(db):
    # 2025-09-30 (Tue) + 1 working day: 1–8 October are holidays → Thursday 9 October.
    assert calendar.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    # Saturday 11 October is a make-up workday: 9 (Thu), 10 (Fri), 11 (Sat).
    assert calendar.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert calendar.is_working_day(date(2025, 9, 28))  # make-up Sunday
    assert not calendar.is_working_day(date(2025, 10, 6))
    assert calendar.working_days_between(date(2025, 9, 26), date(2025, 10, 12)) == 6


def test_petition_acceptance_due_spans_the_holiday(world):
    case = case_register(
        kind="信访",
        township=world.jia,
        title="来信反映",
        channel="来信",
        petitioner_name="某甲",
        registered=date(2025, 9, 26),
    )
    # 15 working days after Fri 26 Sept: 28 Sept(Sun, make-up), 29, 30, 9, 10, 11(Sat), 13–17,
    # 20, 21, 22, 23 → 23 October.
    assert case.due == date(2025, 10, 23)


def test_unknown_year_falls_back_to_weekends_and_override_wins(db):
    assert calendar.unknown_years([2026, 2027]) == [2027]
    assert calendar.is_working_day(date(2027, 1, 1))  # a Friday, package has no data
    holiday_override_set(day=date(2027, 1, 1), is_working_day=False, note="元旦")
    assert not calendar.is_working_day(date(2027, 1, 1))
    # One holiday is not the year's arrangement: the warning stays until make-up days too.
    assert calendar.year_gaps([2027]) == {2027: ["调休上班日"]}
    holiday_override_set(day=date(2027, 2, 7), is_working_day=True, note="春节")
    assert calendar.unknown_years([2027]) == []
    assert calendar.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_override_takes_precedence_over_the_package(db):
    holiday_override_set(day=date(2025, 10, 8), is_working_day=True, note="测试")
    assert calendar.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 8)


def test_suggestion_due_three_months_or_six_when_complex(world):
    from taizhang.cases.services import case_transition

    def assigned(is_complex):
        case = case_register(
            kind="建议",
            township=world.jia,
            title="建议",
            registered=date(2025, 4, 1),
            sponsors=[world.people["dave"]],
        )
        return case_transition(
            case=case,
            action="交办",
            actor=None,
            unit=world.station,
            on=date(2025, 4, 25),
            is_complex=is_complex,
        )

    assert assigned(False).due == date(2025, 7, 25)
    assert assigned(True).due == date(2025, 10, 25)
