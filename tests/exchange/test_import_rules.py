"""Every LEDGER_FORMAT rule: the error names sheet, row and column, and nothing is written."""

from __future__ import annotations

import pytest

from taizhang.ledger.models import Project, WorkEntry
from taizhang.people.models import Person
from tests.exchange.helpers import messages, run

PERSON_HEAD = ["姓名", "性别", "所在单位", "手机号", "身份证号"]
GOOD_ID = "990101198001019019"


def _counts():
    return Person.objects.count(), Project.objects.count(), WorkEntry.objects.count()


def _assert_refused(tmp_path, sheets, sheet, row, column, words=""):
    before = _counts()
    result = run(tmp_path, sheets)
    found = [m for m in messages(result) if m[:3] == (sheet, row, column)]
    assert found, messages(result)
    assert words in found[0][3]
    assert _counts() == before
    return result


# A valid row in another sheet proves nothing is written when one row is bad.
GOOD_PROJECT = {"项目": [["编号", "年度", "乡镇", "名称"], ["P-1", 2025, "甲乡", "好项目"]]}


def test_required_cell(world, tmp_path):
    sheets = {**GOOD_PROJECT, "人员": [PERSON_HEAD, ["", "男", "甲乡一村", "", ""]]}
    _assert_refused(tmp_path, sheets, "人员", 2, "姓名", "必填")


def test_missing_required_column(world, tmp_path):
    sheets = {**GOOD_PROJECT, "工作记录": [["姓名", "日期"], ["李四", "2025-01-02"]]}
    _assert_refused(tmp_path, sheets, "工作记录", 1, "事项", "缺少必填列")


def test_bad_date(world, tmp_path):
    sheets = {**GOOD_PROJECT, "工作记录": [["姓名", "日期", "事项"], ["李四", "2025-02-30", "x"]]}
    _assert_refused(tmp_path, sheets, "工作记录", 2, "日期", "无效")


def test_future_date_for_past_event(world, tmp_path):
    sheets = {**GOOD_PROJECT, "工作记录": [["姓名", "日期", "事项"], ["李四", "2099-01-01", "x"]]}
    _assert_refused(tmp_path, sheets, "工作记录", 2, "日期", "将来")


def test_bad_id_check_digit(world, tmp_path):
    sheets = {**GOOD_PROJECT,
              "人员": [PERSON_HEAD, ["新人", "男", "甲乡一村", "", GOOD_ID[:-1] + "0"]]}  # fmt: skip
    _assert_refused(tmp_path, sheets, "人员", 2, "身份证号", "校验码")


def test_bad_phone(world, tmp_path):
    sheets = {**GOOD_PROJECT, "人员": [PERSON_HEAD, ["新人", "男", "甲乡一村", "1380000", ""]]}
    _assert_refused(tmp_path, sheets, "人员", 2, "手机号", "11位")


def test_negative_count(world, tmp_path):
    sheets = {**GOOD_PROJECT,
              "项目": [["编号", "年度", "乡镇", "名称", "意向资金(万元)"], ["P-2", 2025, "甲乡", "坏", -5]]}  # fmt: skip
    _assert_refused(tmp_path, sheets, "项目", 2, "意向资金(万元)", "负数")


def test_two_people_match_one_name(world, tmp_path):
    from taizhang.people.services import person_create

    person_create(name="赵一", unit=world.village2)
    sheets = {**GOOD_PROJECT, "工作记录": [["姓名", "日期", "事项"], ["赵一", "2025-01-02", "x"]]}
    result = _assert_refused(tmp_path, sheets, "工作记录", 2, "姓名", "匹配到多人")
    text = messages(result)[0][3]
    assert "甲乡一村" in text and "甲乡二村" in text


def test_id_number_sets_person_apart_from_namesake(world, tmp_path):
    sheets = {"人员": [PERSON_HEAD, ["赵一", "男", "甲乡二村", "", GOOD_ID]]}
    result = run(tmp_path, sheets)
    assert result.ok
    assert Person.objects.filter(name="赵一").count() == 2


def _meeting_sheets(status_rows):
    return {
        "会议": [
            ["编号", "乡镇", "类型", "名称", "日期"],
            ["M1", "甲乡", "人代会", "大会", "2025-04-21"],
        ],
        "出席": [["会议编号", "姓名", "所在单位", "状态"], *status_rows],
    }


def test_attendance_for_someone_not_in_office(world, tmp_path):
    from taizhang.meetings.models import Meeting

    sheets = _meeting_sheets([["M1", "赵一", "甲乡一村", "出席"], ["M1", "李四", "", "出席"]])
    result = run(tmp_path, sheets)
    assert ("出席", 3, "姓名") in [m[:3] for m in messages(result)]
    assert "不是本乡镇在任代表" in [m for m in messages(result) if m[1] == 3][0][3]
    assert not Meeting.objects.exists()


def test_attendance_imports_for_deputies_in_office(world, tmp_path):
    from taizhang.meetings.models import Attendance

    result = run(tmp_path, _meeting_sheets([["M1", "赵一", "甲乡一村", "出席"]]))
    assert result.ok, messages(result)
    assert Attendance.objects.get().status == "出席"


CASE_HEAD = ["编号", "乡镇", "类型", "标题", "提出人", "登记日期", "交办日期", "签收日期",
             "答复日期", "办结日期", "状态"]  # fmt: skip


def test_motion_with_fewer_than_five_sponsors(world, tmp_path):
    from taizhang.cases.models import Case

    row = ["YA-1", "甲乡", "议案", "修路", "赵一、钱二、周大", "2025-04-21", "", "", "", "", ""]
    sheets = {**GOOD_PROJECT, "事项": [CASE_HEAD, row]}
    _assert_refused(tmp_path, sheets, "事项", 2, "提出人", "至少5名")
    assert not Case.objects.exists()


def test_case_dates_out_of_order(world, tmp_path):
    row = ["JY-1", "甲乡", "建议", "修路", "赵一", "2025-04-21", "2025-04-20", "", "", "", ""]
    _assert_refused(
        tmp_path, {**GOOD_PROJECT, "事项": [CASE_HEAD, row]}, "事项", 2, "交办日期", "早于"
    )


def test_case_state_contradicting_dates(world, tmp_path):
    row = ["JY-1", "甲乡", "建议", "修路", "赵一", "2025-04-21", "", "", "", "", "已办结"]
    _assert_refused(
        tmp_path, {**GOOD_PROJECT, "事项": [CASE_HEAD, row]}, "事项", 2, "状态", "办结日期"
    )


def test_valid_case_imports_with_sponsor(world, tmp_path):
    from taizhang.cases.models import Case

    row = ["JY-1", "甲乡", "建议", "修路", "赵一", "2025-04-21", "2025-04-25", "", "", "", ""]
    result = run(tmp_path, {"事项": [CASE_HEAD, row]})
    assert result.ok, messages(result)
    case = Case.objects.get()
    assert case.state == "已交办" and case.sponsors.count() == 1


def test_unknown_sheet_and_column_are_notices(world, tmp_path):
    result = run(tmp_path, {"杂项": [["a"], [1]], "项目": [["编号", "年度", "乡镇", "名称", "备注"],
                                                        ["P-1", 2025, "甲乡", "好", "x"]]})  # fmt: skip
    assert result.ok
    assert any("杂项" in n for n in result.notices) and any("备注" in n for n in result.notices)


def test_import_twice_changes_nothing(world, tmp_path):
    sheets = {**GOOD_PROJECT, "工作记录": [["姓名", "所在单位", "日期", "事项"],
                                            ["李四", "甲乡卫生院", "2025年3月1日", "巡查"]]}  # fmt: skip
    first = run(tmp_path, sheets)
    assert first.ok and first.written
    second = run(tmp_path, sheets)
    assert second.nothing_changed
    assert "没有任何变化" in second.summary_lines()[-1]
    assert WorkEntry.objects.count() == 1


def test_dry_run_writes_nothing(world, tmp_path):
    result = run(tmp_path, GOOD_PROJECT, dry_run=True)
    assert result.ok and not Project.objects.exists()


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)"])
def test_exported_formula_like_cells_are_escaped(world, tmp_path, value):
    from openpyxl import load_workbook

    from taizhang.exchange.exporter import export_workbook
    from taizhang.ledger.services import project_create

    project_create(code="P-9", year=2025, township=world.jia, name=value)
    export_workbook(tmp_path / "out.xlsx", names=["项目"])
    cell = load_workbook(tmp_path / "out.xlsx")["项目"]["D2"]
    assert cell.data_type == "s" and cell.value == "'" + value
