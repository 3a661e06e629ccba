"""Filters of the broad spelling rule (checker/spelling/filters.py): kinds of correct text that
read like slips to a word-frequency model stay silent, slips next to them are still found.

All sentences were written for these tests.
"""

from __future__ import annotations

import pytest

from taizhang.checker import spelling
from taizhang.checker.spelling import filters


def _found(text: str, threshold: float = spelling.HINT_GAIN) -> list[tuple[str, str]]:
    return [(c.wrong, c.right) for c in spelling.find(text, threshold=threshold)]


def _penalty(text: str, wrong: str, right: str, kind: str = "同音") -> float:
    s = text.index(wrong)
    return filters.penalty(text, s, s + len(wrong), right, kind, spelling.lexicon())


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # two-slot slogans: 凡X必Y, 有X必Y, 逢X必Y, and an opener repeated before each slot
        ("对群众来信做到逢信必回、有访必接。", "有访", "有方"),
        ("对群众来信做到逢信必回、有访必接。", "信必", "信心"),
        ("把服务做得更细更实。", "更实", "更始"),
        ("既抓日常巡查，又抓源头治理。", "既抓", "狠抓"),
        # a character after a number or an ordinal (二是多调研), a determiner before a measure
        ("学习方面，一是多读书，二是多调研。", "二是多", "二十多"),
        ("排出的矛盾纠纷该件由司法所牵头。", "该件", "改建"),
        # an administrative level as a modifier, a modifier before a level noun
        ("协调县住建部门派员到村指导。", "县住", "显著"),
        ("全镇新建通村道路8公里。", "通村", "同村"),
        # a title, a surname, then a given name
        ("镇人大主席团主任李振华主持会议。", "振华", "正华"),
        ("信访人张秀兰反映宅基地纠纷。", "人张", "人长"),
        # phrases of one-character words: particle, postposition, adverb, complement
        ("在办的建议还有3件。", "办的", "般的"),
        ("轮到值班时坚守岗位。", "值班时", "值班室"),
        ("该建议已交县交通局办理。", "已交", "移交"),
        ("该建议已由县政府书面答复。", "已由", "已有"),
        ("今年新修机耕道3公里。", "新修", "新秀"),
        ("把政策讲透，把问题找准。", "讲透", "讲述"),
        ("把政策讲透，把问题找准。", "找准", "批准"),
        # a preposition before a common word of its own
        ("立案与否经集体研究决定。", "经集体", "经济体"),
    ],
)
def test_constructions_and_names_are_no_candidates(text, wrong, right):
    assert _penalty(text, wrong, right) >= filters.DROP
    assert all(c.wrong != wrong for c in spelling.find(text, threshold=-50.0))


@pytest.mark.parametrize(
    ("text", "wrong", "right", "kind"),
    [
        # a whole-word homophone that forms no longer word with its neighbours
        ("走访种粮大户，了解秋粮收购价格。", "种粮", "重量", "同音词"),
        ("逐户复核低保对象家庭收入。", "复核", "符合", "同音词"),
        # the span straddles a word boundary: 代表 of 柳塘代表, 偏少 of 记录偏少
        ("组织代表到柳塘代表小组开展活动。", "塘代", "唐代", "同音"),
        ("提醒履职记录偏少的代表。", "记录偏", "记录片", "同音"),
        # two frequent one-character words coin a phrase (专人盯办)
        ("签约项目实行专人盯办。", "盯办", "承办", "音近"),
        # just before the name of a body
        ("推介湖滨百货的本地特产。", "湖滨", "湖边", "同音"),
    ],
)
def test_weak_candidates_pay_more_and_stay_under_the_hint_floor(text, wrong, right, kind):
    assert 0 < _penalty(text, wrong, right, kind) < filters.DROP
    assert all(w != wrong for w, _ in _found(text))


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # next to a complement, but the span is no listed word: still a slip (标准)
        ("完善检测表准体系。", "表准", "标准"),
        # next to a number, but the slipped character is no measure word after it
        ("新建道路三条，改造桥量两座。", "桥量", "桥梁"),
        ("推动城乡融合发展，深化乡村治理创心。", "创心", "创新"),
        ("镇政府加大对食品安全的篮管力度。", "篮管", "监管"),
        ("村两委班子团结协作，工作作风扎食。", "扎食", "扎实"),
    ],
)
def test_slips_next_to_the_filtered_kinds_are_still_found(text, wrong, right):
    assert (wrong, right) in _found(text)


def test_a_repeated_character_that_opens_no_slogan_is_still_tried():
    """共 is no opener of one-character slots: 共建共想 keeps its candidate (for 共享)."""
    assert _penalty("坚持共建共想，推进社区治理。", "共想", "共享") == 0.0
