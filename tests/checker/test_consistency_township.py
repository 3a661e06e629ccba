"""乡 and 镇 within one document, and organs that do not exist."""

from __future__ import annotations

from taizhang.checker import ClaimFacts, check_consistency

ZHEN_DOC = (
    "2025年长集镇人大主席团工作总结\n"
    "2025年，长集镇人大主席团在镇党委的领导下，紧紧围绕全镇中心工作，依法履行职责。\n"
    "主席团聘请21名代表担任信访信息员，经村、乡两级共同调解，矛盾得到化解。\n"
    "6月16日，主席团组织代表对乡卫生院工作进行评议，并在乡党委的领导下推动整改。\n"
)


def kinds(text: str, **kw) -> list[tuple[str, str, str]]:
    return [
        (f.text, f.suggestion or "", f.severity)
        for f in check_consistency(text, **kw)
        if f.rule == "consistency.township-kind"
    ]


def test_a_zhen_document_that_says_xiang_is_flagged_from_its_own_majority():
    assert kinds(ZHEN_DOC) == [
        ("村、乡两级", "村、镇两级", "警告"),
        ("乡卫生院", "镇卫生院", "警告"),
        ("乡党委", "镇党委", "警告"),
    ]


def test_the_township_kind_from_facts_makes_it_an_error():
    found = kinds(ZHEN_DOC, facts=ClaimFacts(township_kind="镇"))
    assert [s for _, _, s in found] == ["错误"] * 3
    assert kinds(ZHEN_DOC, facts=ClaimFacts(township_name="长集镇"))[0][2] == "错误"


def test_the_reverse_a_xiang_document_that_says_zhen():
    text = "烽火乡人大主席团在乡党委领导下工作，全乡上下一心。镇一级信访信息员共21名。"
    assert kinds(text) == [("镇一级", "乡一级", "警告")]


def test_the_own_name_with_the_wrong_kind_is_flagged():
    facts = ClaimFacts(township_name="长集镇")
    found = kinds("长集乡人民政府研究部署了全年工作。", facts=facts)
    assert [t for t, _, _ in found] == ["长集乡人民政府"]


def test_generic_words_and_other_townships_stay_silent():
    text = (
        "长集镇人大主席团在镇党委的领导下，推进乡村振兴和城乡融合，学习借鉴烽火乡党委的经验，"
        "参加县乡两级人大换届选举培训，指导乡镇人大工作，落实乡（镇）人大工作条例，回到家乡。"
        "全镇村干部积极参与，本乡本土的人才回流，村镇银行提供贷款。"
    )
    assert kinds(text) == []
    assert kinds(text, facts=ClaimFacts(township_kind="镇")) == []


def test_a_document_with_no_clear_majority_is_left_alone():
    assert kinds("全乡和全镇的干部都参加了培训。") == []


def test_an_organ_that_does_not_exist_is_flagged():
    found = check_consistency("作为长集镇人民政府团委书记，本人分管驻村联系工作。")
    assert [(f.rule, f.text) for f in found] == [("consistency.organ", "人民政府团委书记")]
    assert check_consistency("作为共青团长集镇委员会书记，本人带领镇团委开展青年工作。") == []
