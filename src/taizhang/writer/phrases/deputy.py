"""Phrase bank of a deputy's report to voters (代表向选民述职报告)."""

from __future__ import annotations

P: dict[str, tuple[str, ...]] = {
    "title": ("人大代表述职报告", "代表向选民述职报告"),
    "subtitle": ("{district}{township}人大代表　{name}",),
    "salutation": ("各位选民：", "各位选民、同志们："),
    "intro": (
        "我是{district}选出的{township}{term}人民代表大会代表{name}",
        "我叫{name}，是由{district}选民选出的{township}{term}人民代表大会代表",
    ),
    "intro.noterm": (
        "我是{district}选出的{township}人大代表{name}",
        "我叫{name}，是{district}选民选出的{township}人大代表",
    ),
    "intro.body": (
        "按照代表向选民述职的有关要求，现将本人{year}年的履职情况报告如下，请予评议。",
        "一年来，在{township}人大主席团的组织和指导下，本人认真履行代表职责。现将{year}年履职情况向各位选民汇报，请大家评议。",
        "{year}年，我始终牢记选民的重托，努力当好群众的代言人。下面向各位选民报告一年来的履职情况，请予评议。",
    ),
    "h.meetings": ("认真参加会议，依法行使代表职权", "按时出席会议，认真审议各项报告"),
    "h.activities": ("积极参加闭会期间活动", "投身闭会期间活动，提升履职能力"),
    "h.suggestions": ("认真提出建议，反映群众呼声", "用心提出意见建议，当好群众代言人"),
    "h.duties": ("密切联系选民，为群众办实事", "扎根群众，尽力解决急难愁盼问题"),
    "h.plans": ("存在的不足和今后打算", "不足之处和努力方向"),
    "meet.sessions": (
        "全年出席人民代表大会会议{attended}",
        "应出席人民代表大会会议{expected}，实际出席{attended}",
    ),
    "meet.rate": ("出席率{rate}", "出席率为{rate}"),
    "meet.review": (
        "会上认真审议各项报告，依法参加表决",
        "会议期间认真听取和审议各项工作报告，慎重行使表决权",
    ),
    "meet.group": ("参加代表小组会议{n}", "参加所在代表小组的会议{n}"),
    "meet.group_required": ("年度要求{n}",),
    "act.lead": (
        "闭会期间，本人积极参加主席团组织的各项活动",
        "闭会期间，本人按照主席团的安排参加代表活动",
    ),
    "act.inspections": ("参加专题视察{n}", "参与视察{n}"),
    "act.evaluations": ("参加工作评议{n}", "参与站所评议{n}"),
    "act.research": ("参加调研{n}", "参与专题调研{n}"),
    "act.trainings": ("参加代表培训{n}", "参加学习培训{n}"),
    "act.group_activities": ("参加代表小组活动{n}", "参加小组活动{n}"),
    "sug.submitted": ("全年提出建议{n}", "一年来共提出意见建议{n}"),
    "sug.topics": ("内容涉及{topics}等方面", "主要反映了{topics}等问题"),
    "sug.motions": ("联名提出议案{n}", "与其他代表联名提出议案{n}"),
    "sug.answered": ("已得到答复{n}", "承办单位已答复{n}"),
    "sug.satisfied": ("本人表示满意{n}", "对办理结果满意的{n}"),
    "sug.rate": ("满意率{rate}",),
    "duty.lead": ("本人注重联系选民，经常深入群众了解情况", "我始终把选民的事当作自己的事来办"),
    "duty.item": ("{label}{x}",),
    "duty.required": ("{label}{x}（年度要求{req}）",),
    "short.lead": (
        "回顾一年来的履职情况，本人还存在一些不足：",
        "对照选民的期望，我的工作还有不少差距：",
    ),
    "plan.lead": ("{next}年，我将努力做到：", "今后，我将在以下方面继续努力："),
    "short.default": ("联系选民的方式还不够多，反映群众意见还不够及时",),
    "plan.default": ("加强学习，经常深入选民之中，及时反映群众的意见和要求",),
    "closing": (
        "以上是我的述职报告，请各位选民评议。",
        "我的述职报告完毕，恳请各位选民提出宝贵意见。",
    ),
}
