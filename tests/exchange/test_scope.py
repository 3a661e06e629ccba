"""Data scope on import and export, and the timeline event of imported cases."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from taizhang.exchange.exporter import export_workbook
from taizhang.ledger.models import Project, WorkEntry
from taizhang.meetings.models import Meeting
from taizhang.people.models import Person
from tests.exchange.helpers import messages, run, write_book

YI_PROJECT = ["P-YI", 2025, "乙镇", "乙镇项目"]
PROJECT_HEAD = ["编号", "年度", "乡镇", "名称"]
OUTSIDE = "不在您的数据范围内"


def _counts():
    return (Person.objects.count(), Project.objects.count(), WorkEntry.objects.count(),
            Meeting.objects.count())  # fmt: skip


def _refused_for(world, tmp_path, user, sheets, sheet, row, column):
    before = _counts()
    result = run(tmp_path, sheets, user=world.users[user])
    found = [m for m in messages(result) if m[:3] == (sheet, row, column)]
    assert found and OUTSIDE in found[0][3], messages(result)
    assert _counts() == before
    return result


def test_presidium_cannot_import_a_project_of_another_township(world, tmp_path):
    sheets = {"项目": [PROJECT_HEAD, YI_PROJECT, ["P-JIA", 2025, "甲乡", "甲乡项目"]]}
    result = _refused_for(world, tmp_path, "heidi", sheets, "项目", 3, "乡镇")
    assert "甲乡" in messages(result)[0][3]
    assert not Project.objects.exists()  # the valid 乙镇 row is not written either


def test_own_township_imports(world, tmp_path):
    row = ["P-JIA", 2025, "甲乡", "甲乡项目"]
    result = run(tmp_path, {"项目": [PROJECT_HEAD, row]}, user=world.users["bob"])
    assert result.ok, messages(result)
    assert Project.objects.get().township == world.jia


def test_person_in_another_townships_unit(world, tmp_path):
    sheets = {"人员": [["姓名", "所在单位"], ["新人", "甲乡一村"]]}
    _refused_for(world, tmp_path, "heidi", sheets, "人员", 2, "所在单位")


def test_id_number_of_a_person_outside_scope_is_not_moved(world, tmp_path):
    id_number = world.people["p1"].id_number  # 赵一 of 甲乡一村
    sheets = {"人员": [["姓名", "所在单位", "身份证号"], ["赵一", "乙镇三村", id_number]]}
    _refused_for(world, tmp_path, "heidi", sheets, "人员", 2, "身份证号")
    assert Person.objects.get(id_number=id_number).township == world.jia


def test_work_entry_for_a_person_outside_scope(world, tmp_path):
    with_unit = {"工作记录": [["姓名", "所在单位", "日期", "事项"],
                              ["李四", "甲乡卫生院", "2025-03-01", "巡查"]]}  # fmt: skip
    _refused_for(world, tmp_path, "heidi", with_unit, "工作记录", 2, "所在单位")
    by_name = {"工作记录": [["姓名", "日期", "事项"], ["李四", "2025-03-01", "巡查"]]}
    _refused_for(world, tmp_path, "heidi", by_name, "工作记录", 2, "姓名")


def test_meeting_code_of_another_township_is_not_taken_over(world, tmp_path):
    head = ["编号", "乡镇", "类型", "名称", "日期"]
    assert run(tmp_path, {"会议": [head, ["M1", "甲乡", "人代会", "大会", "2025-04-21"]]}).ok
    sheets = {"会议": [head, ["M1", "乙镇", "人代会", "改名", "2025-04-21"]]}
    _refused_for(world, tmp_path, "heidi", sheets, "会议", 2, "编号")
    assert Meeting.objects.get().township == world.jia
    attendance = {"出席": [["会议编号", "姓名", "状态"], ["M1", "赵一", "出席"]]}
    _refused_for(world, tmp_path, "heidi", attendance, "出席", 2, "会议编号")


def test_units_only_under_an_own_parent(world, tmp_path):
    head = ["名称", "类型", "上级"]
    _refused_for(world, tmp_path, "heidi", {"区划单位": [head, ["新村", "村", "甲乡"]]},
                 "区划单位", 2, "上级")  # fmt: skip
    result = run(tmp_path, {"区划单位": [head, ["新县", "县", "无"]]}, user=world.users["heidi"])
    assert ("区划单位", 2, "类型") in [m[:3] for m in messages(result)]
    # inside scope the presidium still may not add units: the forms don't let it either
    own = run(tmp_path, {"区划单位": [head, ["新村", "村", "乙镇"]]}, user=world.users["heidi"])
    assert "不能通过表单新增或修改区划单位" in messages(own)[0][3]
    assert run(tmp_path, {"区划单位": [head, ["新村", "村", "乙镇"]]}).ok


def test_cadre_is_limited_to_own_township(world, tmp_path):
    sheets = {"项目": [PROJECT_HEAD, ["P-B", 2025, "甲乡", "甲乡项目"], YI_PROJECT]}
    _refused_for(world, tmp_path, "bob", sheets, "项目", 3, "乡镇")


def test_command_imports_as_a_user_or_with_full_scope(world, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    path = write_book(tmp_path / "c.xlsx", {"项目": [PROJECT_HEAD, ["P-JIA", 2025, "甲乡", "x"],
                                                     YI_PROJECT]})  # fmt: skip
    with pytest.raises(CommandError, match="未写入"):
        call_command("import_workbook", path, "--user", "heidi")
    assert "【项目】第2行“乡镇”列" in capsys.readouterr().err
    assert not Project.objects.exists()
    with pytest.raises(CommandError, match="没有导入导出台账的权限"):
        call_command("import_workbook", path, "--user", "dave")
    call_command("import_workbook", path)  # the operator: every township
    assert Project.objects.count() == 2


def test_upload_page_refuses_rows_outside_scope(login, tmp_path):
    path = write_book(tmp_path / "u.xlsx", {"项目": [PROJECT_HEAD, ["P-JIA", 2025, "甲乡", "x"]]})
    with open(path, "rb") as fh:
        response = login("heidi").post("/exchange/upload/", {"file": fh})
    assert response.status_code == 422 and OUTSIDE in response.content.decode()
    assert not Project.objects.exists()


def _everything(world, tmp_path):
    """Registers of both townships, written by the operator."""
    sheets = {
        "项目": [PROJECT_HEAD, ["P-JIA", 2025, "甲乡", "甲乡项目"], YI_PROJECT],
        "工作记录": [["姓名", "所在单位", "日期", "事项"],
                     ["李四", "甲乡卫生院", "2025-03-01", "巡查"],
                     ["孙三", "乙镇三村", "2025-03-02", "走访"]],
        "会议": [["编号", "乡镇", "类型", "名称", "日期"],
                 ["M1", "甲乡", "人代会", "甲乡大会", "2025-04-21"],
                 ["M2", "乙镇", "人代会", "乙镇大会", "2025-04-22"]],
        "出席": [["会议编号", "姓名", "状态"], ["M1", "赵一", "出席"]],
        "事项": [["编号", "乡镇", "类型", "标题", "提出人", "登记日期"],
                 ["JY-1", "甲乡", "建议", "修路", "赵一", "2025-04-21"]],
        "经费": [["乡镇", "日期", "用途", "金额(元)"], ["甲乡", "2025-04-20", "会务", 100],
                 ["乙镇", "2025-04-20", "会务", 200]],
    }  # fmt: skip
    result = run(tmp_path, sheets)
    assert result.ok, messages(result)


def _all_cells(path) -> dict[str, list[list]]:
    book = load_workbook(path)
    return {s.title: [[c.value for c in r] for r in s.iter_rows()] for s in book.worksheets}


def test_export_of_another_township_contains_nothing_of_it(world, tmp_path):
    _everything(world, tmp_path)
    export_workbook(tmp_path / "h.xlsx", user=world.users["heidi"])
    book = _all_cells(tmp_path / "h.xlsx")
    text = " ".join(str(v) for rows in book.values() for row in rows[1:] for v in row if v)
    jia_names = ["赵一", "钱二", "李四", "周大"]
    assert "甲乡" not in text and not any(name in text for name in jia_names)
    assert len(book["项目"]) == 2 and book["项目"][1][0] == "P-YI"
    assert [r[3] for r in book["会议"][1:]] == ["乙镇大会"]
    assert "孙三" in text  # their own township's rows are there
    # the county sees both townships
    export_workbook(tmp_path / "e.xlsx", user=world.users["erin"])
    assert len(_all_cells(tmp_path / "e.xlsx")["项目"]) == 3


def test_village_cadre_exports_only_their_villages_persons(world, tmp_path):
    _everything(world, tmp_path)
    export_workbook(tmp_path / "c.xlsx", user=world.users["carol"])
    book = _all_cells(tmp_path / "c.xlsx")
    assert sorted(r[0] for r in book["人员"][1:]) == ["周大", "赵一"]
    assert {r[6] for r in book["人员"][1:]} == {"甲乡一村"}
    assert len(book["项目"]) == 1 and len(book["经费"]) == 1  # headers only


def test_imported_case_has_a_timeline_event(world, tmp_path):
    from taizhang.cases.models import Case, CaseEvent

    head = ["编号", "乡镇", "类型", "标题", "提出人", "登记日期", "交办日期", "签收日期"]
    row = ["JY-1", "甲乡", "建议", "修路", "赵一", "2025-04-21", "2025-04-25", ""]
    alice = world.users["alice"]
    assert run(tmp_path, {"事项": [head, row]}, user=alice).ok
    case = Case.objects.get()
    event = CaseEvent.objects.get(case=case)
    assert (event.action, event.from_state, event.to_state) == ("导入", "", "已交办")
    assert event.actor == alice and event.note == "工作簿导入"
    assert run(tmp_path, {"事项": [head, row]}, user=alice).nothing_changed
    assert CaseEvent.objects.count() == 1  # idempotent: no event without a change
    signed = [*row[:-1], "2025-04-26"]
    assert run(tmp_path, {"事项": [head, signed]}).ok
    last = CaseEvent.objects.filter(case=case).last()
    assert (last.from_state, last.to_state, last.actor_name) == ("已交办", "办理中", "命令行导入")
    case.refresh_from_db()
    assert case.state == "办理中" and case.version == 2


def test_imported_case_records_who_registered_it(world, tmp_path):
    from taizhang.cases.models import Case

    head = ["编号", "乡镇", "类型", "标题", "提出人", "登记日期"]
    alice = world.users["alice"]
    result = run(tmp_path, {"事项": [head, ["JY-9", "甲乡", "建议", "修渠", "赵一", "2025-04-21"]]},
                 user=alice)  # fmt: skip
    assert result.ok, messages(result)
    assert list(Case.objects.for_user(alice).values_list("code", flat=True)) == ["JY-9"]
    assert Case.objects.get().registered_by == alice


def test_export_command_for_a_user(world, tmp_path):
    from django.core.management import CommandError, call_command

    _everything(world, tmp_path)
    call_command("export_workbook", str(tmp_path / "u.xlsx"), "--user", "heidi")
    assert [r[0] for r in _all_cells(tmp_path / "u.xlsx")["项目"][1:]] == ["P-YI"]
    with pytest.raises(CommandError, match="未找到可用的用户"):
        call_command("export_workbook", str(tmp_path / "n.xlsx"), "--user", "nobody")
