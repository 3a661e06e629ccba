"""Consistency rules: doubled phrases, parts and wholes, rates and bases, stripped years."""

from __future__ import annotations

import pytest

from taizhang.checker import ClaimFacts, check, check_consistency


def rules(text: str, **kw) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in check_consistency(text, **kw)]


def test_findings_are_consistency_only_and_sorted():
    text = "已布署到位。受理6件，办结4件，办结率80%。组织代表专题视察开展专题视察。"
    found = check_consistency(text)
    assert {f.category for f in found} == {"consistency"}
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert all(text[f.start : f.end] == f.text for f in found)


# -- doubled phrases and repeated sentences ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("12月8日，主席团组织代表专题视察开展专题视察。", "专题视察开展专题视察"),
        ("我们认真学习贯彻认真学习贯彻党的二十大精神。", "认真学习贯彻认真学习贯彻"),
        ("围绕乡村振兴、乡村振兴开展调研。", "乡村振兴、乡村振兴"),
    ],
)
def test_a_doubled_phrase_is_flagged(text, doubled):
    assert rules(text) == [("consistency.doubled-phrase", doubled)]


@pytest.mark.parametrize(
    "text",
    [
        "对群众反映的问题，能当场答复的当场答复，不能的限时回复。",
        "研究研究再说，大家高高兴兴回家。",
        "一个村一个村地走访，一户一户地核实。",
        "省级采用稿件1篇、市级采用稿件1篇。",
    ],
)
def test_reduplication_and_parallel_phrases_are_not_doubled(text):
    assert rules(text) == []


def test_the_same_sentence_twice_is_flagged_once_at_its_second_place():
    sentence = "主席团组织代表对农村人居环境整治进行了专题视察。"
    text = f"一、视察工作\n{sentence}\n二、评议工作\n{sentence}"
    (f,) = check_consistency(text)
    assert f.rule == "consistency.repeated-sentence"
    assert f.start == text.rindex(sentence) and "第2行" in f.message


def test_short_recurring_sentences_are_not_repeats():
    assert rules("会议同意。\n会议同意。\n表决通过。表决通过。") == []


# -- parts against their whole --------------------------------------------------------------


def test_tier_parts_short_of_their_whole_are_an_error():
    (f,) = check_consistency("全年共受理信访4件，其中村级受理2件、乡一级受理1件。")
    assert (f.rule, f.text, f.severity) == ("consistency.parts-rest", "4", "错误")
    assert "其他1件" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "全年共受理信访4件，其中村级受理2件、乡级受理1件、其他1件。",
        "全年共受理信访4件，其中村级受理3件、乡级受理1件。",
        "共收到代表建议20件，其中涉及交通的5件、教育的3件。",  # highlights, not a partition
        "共报送信息12篇，其中省级采用1篇、市级采用1篇。",  # adopted is a subset
        "受理信访14件，村级受理9件，乡级受理5件。",
    ],
)
def test_parts_that_add_up_or_only_highlight_stay_silent(text):
    assert rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "whole"),
    [
        ("共有家庭农场40家，其中种植类25家，养殖类20家。", "consistency.parts", "40"),
        ("共受理4件，其中村级5件。", "consistency.parts", "4"),
        (
            "全年投入资金500万元，其中县级补助300万元、乡级自筹250万元。",
            "consistency.parts",
            "500",
        ),
        ("共走访群众十二户，其中困难户八户、低保户六户。", "consistency.parts", "十二"),
        ("受理信访14件，村级受理9件，乡级受理4件。", "consistency.parts-rest", "14"),
    ],
)
def test_parts_larger_than_the_whole_or_tiers_that_miss_are_flagged(text, rule, whole):
    assert rules(text) == [(rule, whole)]


# -- rates against their base ---------------------------------------------------------------


def test_a_rate_is_recomputed_from_the_counts_beside_it():
    assert rules("受理代表建议5件，已办结4件，办结率80%。") == []
    (f,) = check_consistency("受理代表建议6件，已办结4件，办结率80%。")
    assert f.rule == "consistency.rate" and "66.7%" in f.message


def test_a_hundred_percent_has_no_decimals_and_is_fixed_mechanically():
    (f,) = check_consistency("代表对办理结果的满意率为100.0%。")
    assert (f.rule, f.text, f.suggestion, f.severity) == (
        "consistency.hundred-percent",
        "100.0",
        "100",
        "错误",
    )
    assert f.mechanical
    assert rules("满意率为100%，出席率98.0%，增长1100.0%。") == []


@pytest.mark.parametrize(
    "text",
    [
        "全年受理群众来信0件，满意率100%。",
        "今年暂无信访件，群众满意率100%。",
        "受理0件，办结0件，办结率100%。",
    ],
)
def test_a_rate_over_an_empty_base_is_an_error(text):
    assert [r for r, _ in rules(text)] == ["consistency.rate-empty-base"]


def test_a_rate_beside_a_plain_negative_is_not_an_empty_base():
    assert rules("全年没有发生越级上访，群众满意率98%。") == []
    assert rules("无重大安全事故，群众满意率达96%。") == []


def test_rates_that_cannot_pass_a_hundred_are_flagged_but_growth_is_not():
    assert rules("出席率达到102%。") == [("consistency.rate-over", "102%")]
    assert rules("贫困户占全村农户的130%。") == [("consistency.rate-over", "130%")]
    assert rules("招商任务完成率120%，税收增长率135%。") == []


# -- claims against facts -------------------------------------------------------------------


NOT_HELD = ClaimFacts(session_held=False, year=2025)


@pytest.mark.parametrize(
    "text",
    [
        "4月21日，烽火乡第十四届人民代表大会第七次会议顺利召开。",
        "主席团组织召开了长集镇第十四届人民代表大会第七次会议。",
        "本年度人代会胜利召开，代表们审议通过了各项报告。",
    ],
)
def test_a_session_that_was_not_held_cannot_be_said_to_open(text):
    assert [r for r, _ in rules(text, facts=NOT_HELD)] == ["consistency.claim-session"]
    assert rules(text) == []  # without facts nothing is claimed against
    assert rules(text, facts=ClaimFacts(session_held=True)) == []


def test_a_session_being_prepared_is_not_a_false_claim():
    text = "主席团认真筹备下一次人民代表大会，会议拟于明年3月召开。"
    assert rules(text, facts=NOT_HELD) == []


def test_all_closed_and_all_on_time_are_checked_against_the_case_counts():
    facts = ClaimFacts(cases_total=5, cases_closed=4, cases_on_time=3)
    text = "交办的5件建议已全部办结，办结率100%，且全部按期办结。"
    assert rules(text, facts=facts) == [
        ("consistency.claim-cases", "已全部办结"),
        ("consistency.claim-cases", "办结率100%"),
        ("consistency.claim-cases", "全部按期办结"),
    ]
    done = ClaimFacts(cases_total=5, cases_closed=5, cases_on_time=5)
    assert rules(text, facts=done) == []
    progress = "交办的5件建议已办结4件，其余1件正在办理。"
    assert rules(progress, facts=facts) == []


# -- stripped years -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("截止年9月30日，全镇完成投资3500万元。", "年"),
        ("年，我镇认真贯彻上级部署。", "年"),
        ("202年工作总结", "202年"),
        ("20年工作总结\n本人认真履职。", "20年"),
        ("于年4月21日召开会议。", "年"),
    ],
)
def test_a_year_with_its_digits_stripped_is_flagged(text, span):
    assert rules(text) == [("consistency.year-stripped", span)]


@pytest.mark.parametrize(
    "text",
    [
        "今年9月，去年5月，同年6月。",
        "参加工作20年，近20年来扎根基层。",
        "2025年，我镇认真贯彻上级部署。",
        "截至年底，全年完成投资3500万元。",
        "全年，我们共召开会议6次。",
    ],
)
def test_whole_years_and_durations_are_not_stripped(text):
    assert rules(text) == []


def test_the_full_check_reports_the_consistency_category():
    found = check("受理代表建议6件，已办结4件，办结率80%。", profile="generic")
    assert [(f.category, f.rule) for f in found] == [("consistency", "consistency.rate")]
    claims = ClaimFacts(session_held=False)
    held = check("烽火乡第十四届人民代表大会第七次会议顺利召开。", claims=claims)
    assert [f.rule for f in held] == ["consistency.claim-session"]


def test_a_title_naming_another_year_is_flagged_when_the_year_is_known():
    text = "2024年度个人工作总结\n2025年，本人认真履职，2026年将继续努力。"
    assert rules(text, facts=ClaimFacts(year=2025)) == [("consistency.claim-year", "2024")]
    assert rules(text.replace("2024", "2025", 1), facts=ClaimFacts(year=2025)) == []
    assert rules(text) == []


def test_a_sentence_written_three_times_is_one_finding_with_its_later_places():
    sentence = "全年组织代表开展集中视察活动两次，提出意见建议九条。"
    text = "\n".join([sentence, "其他工作。", sentence, sentence])
    (f,) = check_consistency(text)
    assert f.rule == "consistency.repeated-sentence" and "又重复出现2次" in f.message
    assert [text[s:e] for s, e in f.spans] == [sentence, sentence]


def test_all_closed_is_checked_against_the_paragraphs_own_counts():
    text = "全年受理群众来信来访5件，已办结4件，做到了件件有回音、全部办结。"
    assert rules(text) == [("consistency.claim-cases", "全部办结")]
    done = "全年受理群众来信来访5件，已办结5件，做到了全部办结。"
    assert rules(done) == []
    other = "交办建议5件，已办结4件。上年结转的2件已全部办结。"
    assert rules(other) == []
