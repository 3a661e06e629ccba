"""An import writes only what the same user may write through the forms, with history."""

from __future__ import annotations

from taizhang.meetings.models import Meeting
from taizhang.people.models import Person
from tests.exchange.helpers import messages, run

CASE_HEAD = ["编号", "乡镇", "类型", "标题", "提出人", "登记日期", "交办日期", "状态"]
ROLE = "也不能通过导入写入"


def test_cadre_cannot_create_people_meetings_or_cases_by_workbook(world, tmp_path):
    bob = world.users["bob"]  # 403 on the person, meeting and case forms
    sheets = {
        "人员": [["姓名", "所在单位"], ["新来的", "甲乡一村"]],
        "会议": [["编号", "乡镇", "类型", "名称", "日期"], ["M9", "甲乡", "人代会", "大会", "2025-04-21"]],
        "事项": [CASE_HEAD, ["JY-9", "甲乡", "建议", "修渠", "赵一", "2025-04-21", "", ""]],
    }  # fmt: skip
    before = (Person.objects.count(), Meeting.objects.count())
    for name, rows in sheets.items():
        result = run(tmp_path, {name: rows}, user=bob)
        problem = messages(result)[0]
        assert problem[:2] == (name, 2) and (ROLE in problem[3] or "不能登记" in problem[3])
    assert (Person.objects.count(), Meeting.objects.count()) == before


def test_cadre_cannot_overwrite_a_persons_phone_and_address(world, tmp_path):
    p1 = world.people["p1"]
    head = ["姓名", "所在单位", "身份证号", "手机号", "住址"]
    row = [p1.name, "甲乡一村", p1.id_number, "13999999999", "别处"]
    result = run(tmp_path, {"人员": [head, row]}, user=world.users["bob"])
    assert not result.ok and ROLE in messages(result)[0][3]
    p1.refresh_from_db()
    assert (p1.phone, p1.address) != ("13999999999", "别处")


def test_an_unchanged_row_of_a_reimported_export_passes(world, tmp_path):
    p1 = world.people["p1"]
    head = ["姓名", "所在单位", "身份证号"]
    result = run(tmp_path, {"人员": [head, [p1.name, "甲乡一村", p1.id_number]]},
                 user=world.users["bob"])  # fmt: skip
    assert result.ok and result.nothing_changed, messages(result)


def test_imported_people_get_the_same_history_as_a_form_save(world, tmp_path):
    alice = world.users["alice"]
    p2 = world.people["p2"]
    head = ["姓名", "所在单位", "身份证号", "性别"]
    rows = [["新来的", "甲乡一村", "", "女"], [p2.name, "甲乡二村", p2.id_number, "女"]]
    assert run(tmp_path, {"人员": [head, *rows]}, user=alice).ok
    new = Person.objects.get(name="新来的")
    created = new.history.get()
    assert (created.history_type, created.history_user, created.history_change_reason) == (
        "+", alice, "工作簿导入")  # fmt: skip
    changed = p2.history.order_by("-history_id").first()
    assert (changed.history_type, changed.history_user, changed.gender) == ("~", alice, "女")


def test_a_case_in_a_later_state_needs_the_right_to_record_history(world, tmp_path):
    from taizhang.cases.models import Case
    from taizhang.exchange.context import Context
    from taizhang.exchange.sheets.cases import CaseSheet

    # 村干部 registers petitions through the form, but may not record their handling
    carol = Context(user=world.users["carol"])
    fresh = {"kind": "信访", "state": "已登记"}
    assert CaseSheet().write_problem(carol, fresh, created=True) is None
    assert "补录" in CaseSheet().write_problem(carol, {**fresh, "state": "已交办"}, created=True)
    assert "补录" in CaseSheet().write_problem(carol, fresh, created=False)
    assert "不能登记" in CaseSheet().write_problem(carol, {**fresh, "kind": "建议"}, created=True)
    head = ["编号", "乡镇", "类型", "标题", "登记日期", "交办日期", "状态", "渠道"]
    later = ["XF-2", "甲乡", "信访", "宅基地", "2025-04-21", "2025-04-22", "已交办", "来访"]
    alice = world.users["alice"]
    assert run(tmp_path, {"事项": [head, later]}, user=alice).ok
    assert Case.objects.get().state == "已交办"


def test_import_page_says_who_may_record_history(login):
    page = login("bob").get("/exchange/").content.decode()
    assert "只有人大主席团可以补录" in page and "项目" in page
