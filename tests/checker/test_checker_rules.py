"""Each class of defect is found, with a correct span and a Chinese message."""

from __future__ import annotations

from types import SimpleNamespace

from taizhang.checker import Finding, check


def found(text: str, category: str, **kw) -> list[Finding]:
    return [f for f in check(text, profile="generic", **kw) if f.category == category]


def test_it_flags_unfilled_year_placeholders_but_not_real_years():
    assert [f.text for f in found("20xx年工作总结，201x年", "placeholder")] == ["20xx", "201x"]
    assert found("2025年全镇完成投资3500万元，较2024年增长12.5%。", "placeholder") == []


def test_it_flags_x_dates_crosses_and_blanks():
    texts = [
        f.text for f in found("于x月x日在××村召开会议，参会人员___名，地点***。", "placeholder")
    ]
    assert texts == ["x", "x", "××", "___", "***"]


def test_it_flags_zeros_standing_for_a_village_name():
    assert [f.text for f in found("深入00村开展走访。", "placeholder")] == ["00"]
    assert found("投资1000万元建设3个村。", "placeholder") == []


def test_it_flags_a_year_deleted_before_nian():
    assert [f.text for f in found("于年4月21日召开会议。", "consistency")] == ["年"]
    assert found("今年4月、去年5月和同年6月分别召开会议。", "consistency") == []


def test_it_suggests_a_decimal_point_for_a_comma_typed_between_digits():
    (f,) = found("完成投资2、5万元。", "number")
    assert (f.text, f.suggestion) == ("2、5", "2.5")
    assert found("第1、2名分别获奖，1、2月份完成任务。", "number") == []


def test_it_converts_fullwidth_digits():
    (f,) = found("新建道路３２公里。", "number")
    assert f.suggestion == "32"


def test_it_recomputes_the_attendance_rate():
    (f,) = found("应到代表54人，实到53人，出席率98.5%。", "consistency")
    assert "98.1%" in f.message
    assert found("应到代表54人，实到53人，出席率98.1%。", "consistency") == []


def test_it_checks_a_share_against_its_whole():
    (f,) = found("走访群众120户，其中困难户30户，占比20%。", "consistency")
    assert "25%" in f.message


def test_it_finds_parts_that_exceed_their_total():
    assert found("共有家庭农场40家，其中种植类25家，养殖类20家。", "consistency")
    assert found("共有家庭农场40家，其中种植类25家，养殖类10家。", "consistency") == []


def test_it_counts_announced_enumerations():
    (f,) = found("主要做了三个方面的工作：一是学习；二是调研；三是视察；四是评议。", "arithmetic")
    assert "4项" in f.message
    assert found("主要做了三个方面的工作：一是学习；二是调研；三是视察。", "arithmetic") == []


def test_it_flags_same_sound_words_only_in_the_wrong_context():
    assert [f.text for f in found("截止目前已布署到位。", "typo")] == ["截止", "布署"]
    assert found("报名截止日期为3月15日，截至目前已完成部署。", "typo") == []
    assert found("及时向上级反应情况。", "typo")[0].suggestion == "反映"
    assert found("镇里反应迅速。", "typo") == []


def test_it_flags_doubled_characters_but_not_reduplication():
    assert [f.text for f in found("工作的的主动性", "typo")] == ["的的"]
    assert found("的的确确，问题不了了之，我们对情况进行了了解。", "typo") == []


def test_it_flags_spinner_swaps_and_leaves_legitimate_uses_alone():
    assert [f.text for f in found("会议审议透过了报告，办理代表推荐5件。", "spinner")] == [
        "透过",
        "推荐",
    ]
    clean = "透过现象看本质。会议审议通过了报告，按程序推荐代表候选人，代表提出建议5件。"
    assert found(clean, "spinner") == []


def test_several_spinner_swaps_raise_the_severity_and_add_a_document_finding():
    fs = found("个性是，透过召开会议，加强人大监视，完善轨制。", "spinner")
    assert any(f.rule == "spinner.density" for f in fs)
    assert all(f.severity == "错误" for f in fs)


def test_it_flags_web_junk_lines():
    text = "年终总结范文（精选8篇）\n正文。\n第1页 共3页\n客服QQ：1234567\n代表(dài biǎo)履职"
    assert len(found(text, "junk")) == 4


def test_it_flags_halfwidth_punctuation_but_not_numbers_or_urls():
    assert [f.suggestion for f in found("召开会议,研究工作:部署任务", "punctuation")] == [
        "，",
        "：",
    ]
    assert found("投资1,000万元，时间10:30。", "punctuation") == []


def test_it_flags_unpaired_quotes_and_brackets():
    assert [f.text for f in found("坚持“四个意识，做到（一岗双责。", "punctuation")] == ["“", "（"]


def test_it_flags_heading_forms_and_numbering():
    text = "一、学习\n1、加强学习\n3、改进作风\n"
    fs = found(text, "format")
    assert {f.rule for f in fs} == {"format.heading-form", "format.heading-number"}


def test_it_flags_nonstandard_forms_and_traditional_characters():
    fs = found("其它工作已交待清楚，全鎮完成了任务，各项工作有序推进。", "format")
    assert [f.suggestion for f in fs] == ["其他", "交代", "镇"]


def test_it_flags_a_word_broken_by_a_line_break():
    (f,) = found("全年组织代表开展视察活动并发挥了积极作\n用，取得了成效。", "format")
    assert f.text == "作\n用" and f.suggestion == "作用"


def test_it_flags_personal_data_of_petitioners():
    text = "信访人刘春生反映宅基地问题，电话13907321456。"
    assert [f.text for f in found(text, "pii")] == ["刘春生", "13907321456"]
    assert found("信访人刘某反映问题，信访事项已办结。", "pii") == []


def test_it_reports_a_number_that_contradicts_the_ledger():
    fact = SimpleNamespace(label="实到代表", value=53, unit="人", keywords=("实到",))
    (f,) = found("会议应到代表54人，实到54人。", "ledger", facts=[fact])
    assert f.text == "54" and "53" in f.message
    assert found("会议应到代表54人，实到53人。", "ledger", facts=[fact]) == []


def test_a_part_told_after_its_whole_is_not_read_as_the_whole():
    fact = SimpleNamespace(label="发放救助", value=4, unit="件", keywords=("已发放",))
    assert (
        found("审批救助6件，其中1件资金已发放，另有3件资金已发放。", "ledger", facts=[fact]) == []
    )
    (f,) = found("本年2件资金已发放。", "ledger", facts=[fact])
    assert f.text == "2" and "4" in f.message


def test_it_reports_missing_parts_of_a_duty_report():
    body = "本人2024年任民政助理员，认真学习，履行职责，廉洁自律。" * 12
    fs = [f for f in check(body, profile="duty") if f.category == "structure"]
    assert {f.message for f in fs} == {"缺少“存在的不足”部分", "缺少“今后打算”部分"}
