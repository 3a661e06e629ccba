"""A new county's workbook written the way a clerk writes it imports, with deadlines.

The county row has an empty 上级, states and kinds are written short (办结, 交办, 乡), a
petition comes from a villager who is not on the roster. The imported cases carry the
deadlines registration would have given them, so the on-time rate equals the one of the
same cases registered and handled by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from taizhang.cases.figures import township_year
from taizhang.cases.models import Case
from taizhang.cases.services import case_register, case_transition
from taizhang.core.models import OrgUnit
from taizhang.core.services import org_unit_create
from taizhang.exchange.importer import import_workbook
from taizhang.people import services as people
from tests.exchange.helpers import write_book

D = date.fromisoformat
# code, sponsor, registered, assigned, signed, answered, closed, state as a clerk writes it
SUGGESTIONS = [
    ("JY-1", "王甲", "2025-03-03", "2025-03-10", "2025-03-12", "2025-05-20", "2025-05-25", "办结"),
    ("JY-2", "李乙", "2025-03-03", "2025-03-10", "2025-03-14", "2025-07-01", "2025-07-05", "完结"),
    ("JY-3", "王甲", "2025-03-20", "2025-04-01", "", "", "", "交办"),
]


def _county_workbook(path) -> str:
    case_head = ["编号", "乡镇", "类型", "标题", "提出人", "渠道", "登记日期", "承办单位",
                 "交办日期", "签收日期", "答复日期", "办结日期", "满意度", "状态"]  # fmt: skip
    cases = [[code, "东乡", "建议", f"关于{code}的建议", who, "会议", reg, "卫生院", asg, sig,
              ans, clo, "满意" if clo else "", state]
             for code, who, reg, asg, sig, ans, clo, state in SUGGESTIONS]  # fmt: skip
    cases.append(["XF-1", "东乡", "信访", "宅基地界址纠纷", "张某某", "上访", "2025-04-02", "",
                  "", "", "", "", "", "登记"])  # fmt: skip
    return write_book(path, {
        "区划单位": [["名称", "类型", "上级", "编码"], ["新县", "县", "", ""],
                     ["东乡", "乡", "新县", ""], ["东村", "村", "东乡", ""],
                     ["卫生院", "站所", "东乡", ""]],
        "人员": [["姓名", "性别", "所在单位"], ["王甲", "男性", "东乡东村"],
                 ["李乙", "女", "东乡东村"]],
        "代表": [["姓名", "所在单位", "乡镇", "层级", "届次", "任职起"],
                 ["王甲", "东乡东村", "东乡", "乡级", "第十四届", "2021-10-01"],
                 ["李乙", "东乡东村", "东乡", "乡镇", "第十四届", "2021-10-01"]],
        "事项": [case_head, *cases],
    })  # fmt: skip


def _by_hand(county) -> OrgUnit:
    """The same suggestions registered and handled step by step in a second township."""
    west = org_unit_create(name="西乡", kind="township", parent=county)
    village = org_unit_create(name="西村", kind="village", parent=west)
    clinic = org_unit_create(name="卫生院", kind="station", parent=west)
    sponsors = {}
    for name in ("王甲", "李乙"):
        person = people.person_create(name=name, gender="男", unit=village)
        people.deputy_create(person=person, level="乡镇", term="第十四届", township=west,
                             start=date(2021, 10, 1))  # fmt: skip
        sponsors[name] = person
    for code, who, reg, asg, sig, ans, clo, _state in SUGGESTIONS:
        case = case_register(kind="建议", township=west, title=f"关于{code}的建议",
                             registered=D(reg), sponsors=[sponsors[who]])  # fmt: skip
        steps = [("交办", asg, {"unit": clinic}), ("签收", sig, {}),
                 ("答复", ans, {"answer_text": "已办理", "answer_signer": "院长"}),
                 ("评价", ans, {"satisfaction": "满意"}), ("办结", clo, {})]  # fmt: skip
        for action, day, data in steps:
            if day:
                case = case_transition(case=case, action=action, actor=None, on=D(day), **data)
    return west


@pytest.mark.django_db
def test_new_county_workbook_as_clerks_write_it_imports_with_deadlines(tmp_path):
    result = import_workbook(_county_workbook(tmp_path / "新县.xlsx"))
    assert result.ok, [str(p) for p in result.errors]
    county = OrgUnit.objects.get(name="新县", parent=None)
    east = OrgUnit.objects.get(name="东乡", parent=county)
    assert east.kind == "township"

    cases = {c.code: c for c in Case.objects.filter(township=east)}
    assert cases["JY-1"].state == "已办结" and cases["JY-3"].state == "已交办"
    assert cases["JY-2"].state == "已办结"
    petition = cases["XF-1"]
    assert petition.state == "已登记" and petition.channel == "来访"
    assert petition.petitioner_name == "张某某" and not petition.sponsors.exists()
    assert all(c.due for c in cases.values())
    summary = "\n".join(result.summary_lines())
    assert "按工作日历计算办理期限 4 件" in summary

    west = _by_hand(county)
    by_hand = {c.title: c.due for c in Case.objects.filter(township=west)}
    assert {c.title: c.due for c in cases.values() if c.kind == "建议"} == by_hand

    def rate(township):
        facts = {f.key: f for f in township_year(township, 2025).facts}
        return facts["cases.on_time_rate"].value

    assert rate(east) == rate(west) == 50.0

    # Importing the same workbook again changes nothing.
    again = import_workbook(_county_workbook(tmp_path / "again.xlsx"))
    assert again.ok and again.nothing_changed, again.summary_lines()


@pytest.mark.django_db
def test_a_unit_other_than_a_county_still_needs_its_parent(tmp_path):
    path = write_book(tmp_path / "bad.xlsx", {
        "区划单位": [["名称", "类型", "上级"], ["新县", "县", "无"], ["北乡", "乡镇", ""]]})  # fmt: skip
    result = import_workbook(path)
    assert [(p.row, p.column) for p in result.errors] == [(3, "上级")]
    assert not OrgUnit.objects.filter(name="新县").exists()


@pytest.mark.django_db
def test_a_value_no_clerk_form_matches_is_still_refused_by_name(tmp_path):
    path = write_book(tmp_path / "bad.xlsx", {
        "区划单位": [["名称", "类型", "上级"], ["新县", "县", ""], ["东乡", "乡镇", "新县"]],
        "事项": [["编号", "乡镇", "类型", "标题", "登记日期", "状态"],
                 ["X-1", "东乡", "建议", "标题", "2025-03-03", "差不多了"]]})  # fmt: skip
    result = import_workbook(path)
    assert any(p.column == "状态" and "差不多了" in p.message for p in result.errors)


def test_every_enumerated_column_has_a_table_of_clerks_forms():
    from taizhang.exchange.aliases import TABLES, normalise
    from taizhang.exchange.sheets import SHEETS

    for spec in SHEETS:
        for col in spec.columns:
            if col.kind == "enum":
                assert frozenset(col.choices) in TABLES, (spec.name, col.header)
    assert normalise("交办", ("已交办", "已办结")) == "已交办"
    assert normalise(" 已办结。", ("已交办", "已办结")) == "已办结"
