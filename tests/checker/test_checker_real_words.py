"""Real words used wrongly (反应/反映, 权力/权利, 象/像 …) are flagged; their correct uses are not."""

from __future__ import annotations

import pytest

from taizhang.checker import check


def _typos(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.suggestion) for f in check(text) if f.category in ("typo", "placeholder")]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("代表们围绕群众反应强烈的问题开展调研。", "反应"),
        ("村民多次向村委会反应道路积水。", "反应"),
        ("依法保障选民的选举权力。", "权力"),
        ("公民的权力和义务是统一的。", "权力"),
        ("大家象一家人一样团结。", "象"),
        ("代表们即关注资金总量，又关注使用效益。", "即"),
        ("群众满意的说，办得好。", "满意的说"),
        ("该项目以于6月建成。", "以于"),
        ("乡政府以经安排资金10万元。", "以经"),
        ("再此基础上建立台账。", "再此"),
        ("下一步将在次完善制度。", "在次"),
        ("工人没有带安全帽。", "带"),
        ("满足群众的须要。", "须要"),
        ("资料早己归档，村委会均己采纳。", "早己"),
        ("经反复做工作，己签订协议。", "己"),
        ("现将有关情况报告如下，请审阅。\n2025年 月 日", "2025年 月"),
        ("特此报告。\n12月  日", "12月  日"),
    ],
)
def test_wrong_real_word_is_flagged(text, wrong):
    assert any(wrong in found for found, _ in _typos(text)), _typos(text)


@pytest.mark.parametrize(
    "text",
    [
        "督促企业完善化学反应监测装置，应急分队反应迅速，群众纷纷反映问题。",
        "制定监管权力清单，规范权力运行，依法行使权力，保障当事人的申辩权利。",
        "这次处置就像一场实战演练，树立了良好形象，对象明确，现象一样普遍。",
        "乡政府既抓日常监管，又抓隐患治理；执法人员随即责令整改，当天即整改到位。",
        "坚持以经济建设为中心，以经验促提高，以经过审核的数据为准。",
        "在此基础上再次补充物资，在次日召开会议。",
        "干部带头参加演练，携带安全帽进场，学生佩戴口罩。",
        "应急物资储备还需要进一步充实，主席团自身建设必须要加强。",
        "安全员以守护群众平安为己任，自己经常骑车巡查，己亥年的旧账已清。",
        "报名截止日期为每季度末，截止时间以公告为准，截至目前已有12家报名。",
        "本方案自2025年12月26日起施行。",
    ],
)
def test_correct_use_stays_silent(text):
    assert _typos(text) == []
