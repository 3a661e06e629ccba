"""Composers state the demo figures, drop zero facts and vary between subjects."""

from __future__ import annotations

import re

import pytest

from taizhang.writer import compose_document as compose
from taizhang.writer import unsourced_numbers
from taizhang.writer.compose.deputy import compose_deputy
from taizhang.writer.compose.personal import compose_personal
from taizhang.writer.compose.presidium import compose_presidium
from taizhang.writer.demo import deputy_facts, personal_facts, presidium_facts, put
from taizhang.writer.model import FigureRun
from taizhang.writer.phrases.deputy import P as DEPUTY
from taizhang.writer.phrases.presidium import P as PRESIDIUM

from .writer_cases import CASES, all_documents


def figure(doc, fact: str) -> FigureRun:
    return next(f for f in doc.figures() if f.fact == fact)


def test_presidium_summary_states_the_session_figures():
    doc = compose_presidium(presidium_facts())
    text = doc.plain_text
    titles = {t.format(township="烽火乡", year=2025) for t in PRESIDIUM["title"]}
    assert doc.title in titles
    assert "4月21日，" in text and "第十四届人民代表大会第七次会议" in text
    for shown in ("54名", "53名", "98.1%", "3项", "5件", "1件", "4件", "4月25日"):
        assert shown in text
    for shown in ("6月16日", "28名", "乡卫生院", "3条", "11月18日", "第33选区"):
        assert shown in text
    for shown in ("12月8日", "21名", "2条", "12篇", "省级采用", "市级采用", "1万元"):
        assert shown in text
    assert "5月20日" in text and "如何撰写议案和建议" in text


def test_the_attendance_rate_carries_the_sources_of_both_counts():
    doc = compose_presidium(presidium_facts())
    rate = figure(doc, "session.attendance_rate")
    assert rate.text == "98.1%"
    assert set(figure(doc, "session.present").sources) <= set(rate.sources)
    assert set(figure(doc, "session.expected").sources) <= set(rate.sources)


def test_the_report_variant_addresses_the_deputies():
    doc = compose_presidium(presidium_facts(), variant="report")
    assert doc.title == "烽火乡人大主席团工作报告"
    assert doc.salutation == "各位代表："
    assert doc.signature == []


def test_personal_summary_states_the_portfolio_figures():
    text = compose_personal(personal_facts("investment")).plain_text
    for shown in ("5个", "8000万元", "3500万元", "63公里", "50家", "3.2万吨", "1.3亿元", "43.8%"):
        assert shown in text
    assert "105%" in text and "105.0%" not in text
    league = compose_personal(personal_facts("league")).plain_text
    for shown in ("45户", "18座", "4件", "2件", "4.8万元", "东岭村危房改造"):
        assert shown in league
    family = compose_personal(personal_facts("family_planning")).plain_text
    assert "第3位" in family and re.search("23(位|个位次|个名次)", family)


def test_open_relief_cases_are_progress_and_a_problem_with_a_plan():
    doc = compose_personal(personal_facts("league"))
    text = doc.plain_text
    assert figure(doc, "cases:2:救助.open").text == "2件"
    problems = text.split("\n四、")[1]
    assert "救助申请" in problems and "2件" in problems
    assert "救助申请" in text.split("\n五、")[1]


def test_the_duty_variant_is_built_on_de_neng_qin_ji_lian():
    doc = compose_personal(personal_facts("league"), variant="duty")
    headings = [b.text for b in doc.blocks() if b.kind == "heading" and b.level == 1]
    assert [h[2] for h in headings[:5]] == ["德", "能", "勤", "绩", "廉"]
    assert doc.salutation == "各位领导、同志们："


def test_deputy_report_states_the_duty_record():
    text = compose_deputy(deputy_facts()).plain_text
    assert text.startswith(DEPUTY["title"])
    for shown in ("12次", "4件", "3户", "第33选区", "41票"):
        assert shown in text


@pytest.mark.parametrize("doc", all_documents(), ids=[f"{k}-{v}" for k, v, _ in CASES])
def test_no_number_goes_without_a_source(doc):
    assert unsourced_numbers(doc) == []


@pytest.mark.parametrize("doc", all_documents(), ids=[f"{k}-{v}" for k, v, _ in CASES])
def test_no_zero_figure_and_no_placeholder_is_written(doc):
    text = doc.plain_text
    assert not re.search(r"(?<![0-9.])0(?:[^0-9.]|$)", text)
    assert not re.search(r"xx|XX|××|\{|\}|None", text)
    # Record names (value None) carry their record; every stated figure has a value.
    assert all(f.value != 0 and (f.value is not None or f.sources) for f in doc.figures())


def test_a_zero_or_missing_fact_produces_no_sentence():
    facts = presidium_facts()
    inspection = facts.section("inspection:1")
    put(inspection, "deputies", "参加视察代表", 0, "名")
    put(inspection, "opinions", "视察意见", None, "条")
    facts.section("petitions").facts.clear()
    facts.section("petitions").texts.clear()
    facts.section("petitions").attributes.clear()
    text = compose_presidium(facts).plain_text
    assert "12月8日" in text  # the inspection itself is still reported
    assert "0名" not in text and "视察意见" not in text.split("12月8日")[1].split("\n")[0]
    assert "信访" not in text.replace("一般信访不出村", "")


def test_unsourced_numbers_finds_a_number_typed_into_the_text():
    found = unsourced_numbers(
        "共收到议案5件，召开三次会议，2025年4月21日，第十四届人民代表大会第七次会议"
    )
    assert [u.text for u in found] == ["5", "三次"]


def test_two_subjects_read_differently():
    a = compose(presidium_facts("烽火乡")).plain_text.replace("烽火乡", "某乡")
    b = compose(presidium_facts("青石乡")).plain_text.replace("青石乡", "某乡")
    assert a != b
    x = compose(deputy_facts("陈桂兰")).plain_text.replace("陈桂兰", "某")
    y = compose(deputy_facts("刘卫东")).plain_text.replace("刘卫东", "某")
    assert x != y


def test_the_same_facts_give_the_same_text():
    assert compose(presidium_facts()).plain_text == compose(presidium_facts()).plain_text
    assert (
        compose(presidium_facts(), seed=1).plain_text
        != compose(presidium_facts(), seed=2).plain_text
    )


def test_ratings_give_a_satisfaction_rate_from_the_counts():
    facts = presidium_facts()
    ev = facts.section("evaluation:1")
    put(ev, "satisfied", "满意", 20, "票", ("meetings.Vote:1",))
    put(ev, "basically_satisfied", "基本满意", 6, "票", ("meetings.Vote:2",))
    put(ev, "unsatisfied", "不满意", 2, "票", ("meetings.Vote:3",))
    doc = compose_presidium(facts)
    rate = figure(doc, "evaluation:1.satisfaction_rate")
    assert rate.text == "92.9%"
    assert set(rate.sources) == {"meetings.Vote:1", "meetings.Vote:2", "meetings.Vote:3"}
    assert "满意20票、基本满意6票、不满意2票" in doc.plain_text
    assert unsourced_numbers(doc) == []


def test_the_report_subtitle_names_the_session_it_is_made_to():
    facts = presidium_facts()
    facts.attributes.update(report_session_name="第十四届人民代表大会第九次会议")
    doc = compose_presidium(facts, variant="report")
    assert doc.subtitle == "——在烽火乡第十四届人民代表大会第九次会议上"
    assert doc.reporter == "烽火乡人大主席　李明远" and doc.salutation == "各位代表："


def test_a_falling_rank_is_reported_and_suggests_catching_up():
    facts = personal_facts("family_planning")
    indicator = facts.section("indicator:21")
    indicator.facts.pop("indicator:21.rank_up")
    put(indicator, "rank_down", "排名变化", 4, "位", ("ledger.Indicator:21",), ("后退", "下降"))
    doc = compose_personal(facts)
    assert re.search("后退4位|下降4个位次|下滑4个名次|降低4位|后移4位|下降4位", doc.plain_text)
    for part in ("shortcomings", "plans"):
        told = "".join(b.text for b in doc.blocks() if b.key == part and b.kind == "paragraph")
        assert "人口和计划生育目标管理考核" in told, part
