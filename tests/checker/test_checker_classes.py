"""Rules for defect classes beyond the corpus: each wrong form fires, its correct use stays silent."""

from __future__ import annotations

import pytest

from taizhang.checker import check


def _cats(text: str) -> set[tuple[str, str]]:
    return {(f.category, f.text) for f in check(text, profile="generic")}


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        ("我们坚持即讲原则又讲方法。", "typo", "即讲"),
        ("全镇确保安全渡汛。", "typo", "渡汛"),
        ("村里制订了产业扶持政策。", "typo", "制订"),
        ("卫生室配备了必须的常用药品。", "typo", "必须"),
        ("工作之余认真的学习文件精神。", "typo", "认真的学习"),
        ("把各项工作做的更加扎实。", "typo", "做的"),
        ("抓好各项工作的落实工作工作。", "typo", "工作工作"),
        ("对代表提出的推荐，逐件研究办理。", "spinner", "推荐"),
        ("人们大众的满意度明显提高。", "spinner", "人们大众"),
        ("增强对重点企业的监管。", "spinner", "增强"),
        ("代表每户走访选民3-5户。", "number", "3-5"),
        ("收集意见二、三十条。", "number", "二、三十"),
        ("当事人刘建国（身份证号430521680315123）多次上访。", "pii", "430521680315123"),
        ("其家属联系电话：0734-5218867。", "pii", "0734-5218867"),
        ("我是第○选区选出的代表。", "placeholder", "○"),
        ("村集体经济底子薄；少数村民 环境卫生意识不强。", "format", "民 环"),
        ("全年获得表彰 ，代表的积极性进一步提高。", "punctuation", " "),
    ],
)
def test_wrong_form_is_found(text, category, span):
    assert (category, span) in _cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "我们既抓当前又谋长远，立即要求整改。",
        "帮助受灾企业渡过难关，帮助困难家庭度过寒冬。",
        "协助制定了全镇财政预算草案，制订了年度工作计划。",
        "为困难群众购买生活必需品，我们必须坚持。",
        "认真的工作态度值得学习。",
        "我们做的很多工作得到了群众认可。",
        "人大代表代表人民行使权力，一步一步推进。",
        "推荐县人大代表候选人的工作依法进行；推荐2名代表参加培训。",
        "透过现象看本质；透过评议发现的问题看，还有改进空间。",
        "增强“四个意识”，增强对党的创新理论的认同。",
        "座谈时踊跃发言，群众踊跃参加。",
        "全村现有党员46名，其中女党员9名，35岁以下党员8名。",
        "乡信访办值班电话0734-5211234，12345政务服务便民热线。",
        "手册第1页列出了补贴名称。扎根基层已有25年。",
        "每次参加代表20～25人，年均增长10%～15%。",
        "石门村党支部  石门村村民委员会",
        "二〇二五年十二月",
    ],
)
def test_correct_use_stays_silent(text):
    assert check(text, profile="generic") == []


def test_near_miss_typo_in_word_position_is_found_and_real_words_stay_silent():
    from taizhang.checker import check

    bad = check("对分管站所的经废使用严格把关，在全县季度考合中位列第一。")
    found = [f.text for f in bad if f.rule == "typo.near-miss"]
    assert any("经废" in x for x in found) and any("考合" in x for x in found)
    good = check("已经废除的制度不再执行，人大代表依法行使权力和权利，每次约35人参加。")
    assert [f for f in good if f.rule == "typo.near-miss"] == []


def test_growth_completion_and_written_out_percentages_are_recomputed():
    from taizhang.checker import check

    text = (
        "人均纯收入同比增长8.6%，由上年的12500元增加到13800元。"
        "新建高标准农田1.2万亩，完成率为120%（县下达任务1.2万亩）。"
        "排查矛盾纠纷213起，化解205起，化解率达到百分之九十八点六。"
    )
    rules = {f.rule for f in check(text) if f.category in ("arithmetic", "consistency")}
    assert {"arithmetic.growth", "arithmetic.completion", "consistency.rate"} <= rules
    ok = "受理87件，同比下降12.1%（上年99件）。门诊量3.6万人次，同比增长9.1%（上年3.3万人次）。"
    assert [f for f in check(ok) if f.category in ("arithmetic", "consistency")] == []


def test_spun_collocation_heads_are_flagged_and_correct_heads_are_not():
    from taizhang.checker import check

    spun = check("不停提高依法履职能力，仔细落实一岗双责，透过周例会化解难题。")
    assert {f.text for f in spun if f.category == "spinner"} >= {"不停", "仔细", "透过"}
    clean = check("增强监督实效，不断提高能力，透过现象看本质。")
    assert [f for f in clean if f.category == "spinner"] == []
