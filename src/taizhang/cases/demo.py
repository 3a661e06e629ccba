"""Demo cases: 烽火乡 motions, suggestions and petitions of the demo year; 长集镇 assistance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from taizhang.cases.models import Case, CaseAction
from taizhang.cases.services import case_register, case_transition

D = date


def demo_case(township, code: str, steps=(), **register) -> Case:
    """Register ``code`` with its steps once; an existing code is left as it is."""
    existing = Case.objects.filter(township=township, code=code).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        case = case_register(township=township, code=code, **register)
        for action, on, data in steps:
            case = case_transition(case=case, action=action, actor=None, on=on, **data)
    return case


def demo_answered(unit, on_assign, on_sign, on_answer, text, signer):
    return [
        ("交办", on_assign, {"unit": unit}),
        ("签收", on_sign, {}),
        ("答复", on_answer, {"answer_text": text, "answer_signer": signer}),
    ]


def load(ctx) -> None:
    fh = ctx.townships["烽火乡"]
    st = {
        name: ctx.stations[("烽火乡", name)]
        for name in ("卫生院", "国土所", "财政所", "农技站", "司法所", "派出所")
    }
    people = [d.person for d in ctx.deputies["烽火乡"]]
    meeting = D(2025, 4, 21)  # 第十四届人民代表大会第七次会议
    assign = D(2025, 4, 25)  # 交办会
    motions = [
        ("议2025-0001", "关于加快烽火至石桥公路硬化的议案", people[0:6]),
        ("议2025-0002", "关于改善乡卫生院就医条件的议案", people[6:11]),
        ("议2025-0003", "关于建设农产品冷链仓储点的议案", people[11:17]),
        ("议2025-0004", "关于整治柳塘村河道淤积的议案", people[17:22]),
        ("议2025-0005", "关于增设农村公交站点的议案", people[22:27]),
    ]
    # Motion 1 is filed (立案) and closed with a written answer; 2–5 become suggestions.
    demo_case(
        fh,
        motions[0][0],
        kind="议案",
        title=motions[0][1],
        registered=meeting,
        sponsors=motions[0][2],
        channel="会议",
        content="烽火至石桥公路路面破损严重，群众出行困难，建议列入年度交通项目。",
        steps=[
            ("立案", D(2025, 4, 22), {}),
            *demo_answered(
                st["财政所"],
                assign,
                D(2025, 4, 28),
                D(2025, 7, 10),
                "已将该路段硬化列入年度项目，安排资金并于9月底前完工。",
                "乡长",
            ),
            ("评价", D(2025, 7, 15), {"satisfaction": "满意"}),
            ("办结", D(2025, 7, 16), {}),
        ],
    )
    converted_steps = [
        [
            ("交办", assign, {"unit": st["卫生院"]}),
            ("签收", D(2025, 4, 29), {}),
            (
                "答复",
                D(2025, 7, 20),
                {"answer_text": "已增设候诊座椅并延长门诊时间。", "answer_signer": "卫生院院长"},
            ),
        ],
        [("交办", assign, {"unit": st["农技站"], "is_complex": True}), ("签收", D(2025, 5, 6), {})],
        [("交办", assign, {"unit": st["国土所"]})],
        [
            ("交办", assign, {"unit": st["派出所"]}),
            ("签收", D(2025, 4, 30), {}),
            (
                "答复",
                D(2025, 7, 1),
                {"answer_text": "已协调县公交公司增设两处站点。", "answer_signer": "派出所所长"},
            ),
            ("评价", D(2025, 7, 5), {"satisfaction": "不满意"}),
            ("重办", D(2025, 7, 8), {}),
        ],
    ]
    for (code, title, sponsors), steps in zip(motions[1:], converted_steps, strict=True):
        demo_case(
            fh,
            code,
            kind="议案",
            title=title,
            registered=meeting,
            sponsors=sponsors,
            channel="会议",
            steps=[("转为建议", D(2025, 4, 22), {"note": "主席团决定作为建议处理"}), *steps],
        )
    lead = ctx.people["deputy"]  # demo-daibiao
    demo_case(
        fh,
        "建2025-0001",
        kind="建议",
        title="关于在高岗村安装路灯的建议",
        registered=D(2025, 9, 3),
        sponsors=[lead],
        channel="活动",
        steps=demo_answered(
            st["财政所"],
            D(2025, 9, 10),
            D(2025, 9, 12),
            D(2025, 11, 20),
            "已安排资金安装路灯二十盏。",
            "财政所所长",
        ),
    )
    demo_case(
        fh,
        "建2025-0009",
        kind="建议",
        title="关于新田村饮水管网改造的建议",
        registered=D(2025, 9, 1),
        sponsors=[people[30]],
        channel="来信",
        steps=[("交办", D(2025, 9, 4), {"unit": st["农技站"]})],
    )
    demo_case(
        fh,
        "建2025-0010",
        kind="建议",
        title="关于加强学校周边交通安全的建议",
        registered=D(2025, 11, 3),
        sponsors=[people[31], people[32]],
        channel="活动",
    )
    demo_case(
        fh,
        "建2025-0011",
        kind="建议",
        title="关于双河村文化广场维修的建议",
        registered=D(2025, 8, 20),
        sponsors=[lead],
        channel="活动",
        steps=[("交办", D(2025, 8, 26), {"unit": st["财政所"]}), ("签收", D(2025, 8, 28), {})],
    )
    # Waiting for 交办 to 卫生院, whose account demo-zhansuo signs and answers; the lead
    # sponsor is demo-daibiao, who rates the answer (the chain the README walks through).
    demo_case(
        fh,
        "建2025-0012",
        kind="建议",
        title="关于烽火村卫生室增设夜间值班的建议",
        registered=D(2025, 12, 1),
        sponsors=[lead],
        channel="活动",
        content="烽火村距乡卫生院较远，村民夜间急病就医不便，建议村卫生室安排夜间值班。",
    )
    _petitions(ctx, fh, st)
    _assistance(ctx)
    from taizhang.cases import demo_more

    demo_more.fenghuo(ctx)
    demo_more.changji(ctx)


def _petitions(ctx, fh, st) -> None:
    shiqiao = ctx.villages["石桥村"]
    household = ctx.person(unit=shiqiao)
    demo_case(
        fh,
        "访2025-0001",
        kind="信访",
        title="高速公路征地搬迁户宅基地安置纠纷",
        registered=D(2025, 8, 4),
        channel="来访",
        village=shiqiao,
        petitioner=household,
        petitioner_name=household.name,
        petitioner_phone=household.phone,
        petitioner_address=household.address,
        content="因高速公路建设搬迁，安置宅基地与邻户界址有争议，请求重新勘界。",
        steps=[
            ("受理", D(2025, 8, 5), {}),
            ("交办", D(2025, 8, 6), {"unit": st["国土所"]}),
            ("调查", D(2025, 8, 8), {}),
            (
                "答复",
                D(2025, 9, 3),
                {
                    "answer_method": "调处",
                    "answer_text": "国土所会同司法所、石桥村重新勘界，双方签订调解协议。",
                },
            ),
            ("办结", D(2025, 9, 4), {}),
            ("回访", D(2025, 9, 18), {"satisfaction": "满意"}),
        ],
    )
    villagers = [ctx.person(unit=shiqiao) for _ in range(3)]
    demo_case(
        fh,
        "访2025-0002",
        kind="信访",
        title="灌溉水渠堵塞影响农田用水",
        registered=D(2025, 5, 12),
        channel="电话",
        village=shiqiao,
        petitioner_name=villagers[0].name,
        steps=[
            ("受理", D(2025, 5, 13), {}),
            ("交办", D(2025, 5, 13), {"unit": shiqiao}),
            ("调查", D(2025, 5, 14), {}),
            (
                "答复",
                D(2025, 5, 20),
                {"answer_method": "答复", "answer_text": "村组织清淤，已恢复通水。"},
            ),
            ("办结", D(2025, 5, 21), {}),
        ],
    )
    demo_case(
        fh,
        "访2025-0003",
        kind="信访",
        title="邻里院墙纠纷",
        registered=D(2025, 10, 9),
        channel="来信",
        village=shiqiao,
        petitioner_name=villagers[1].name,
        steps=[
            ("受理", D(2025, 10, 10), {}),
            ("交办", D(2025, 10, 10), {"unit": shiqiao}),
            ("调查", D(2025, 10, 15), {}),
        ],
    )
    demo_case(
        fh,
        "访2025-0005",
        kind="信访",
        title="反映低保评定不公",
        registered=D(2025, 11, 20),
        channel="网上",
        village=shiqiao,
        petitioner_name=villagers[2].name,
    )
    demo_case(
        fh,
        "访2025-0004",
        kind="信访",
        title="重复反映征地补偿标准",
        registered=D(2025, 6, 2),
        channel="来信",
        petitioner_name=villagers[0].name,
        steps=[("不予受理", D(2025, 6, 5), {"note": "已依法终结，不再受理"})],
    )


# Relief cases (救助), handled by each township's 民政办 (its civil-affairs cadre):
# code, title, village, amount paid, steps done of 核实/上报/审批/发放/建档
RELIEF = {
    "长集镇": [
        ("助2025-0001", "东岭村危房改造", "东岭村", Decimal("25000"), 5),
        ("助2025-0002", "西岭村危房改造", "西岭村", Decimal("20000"), 5),
        ("助2025-0003", "南湾村临时救助", "南湾村", Decimal("3000"), 4),
        ("助2025-0004", "北坡村危房改造", "北坡村", None, 2),
        ("助2025-0005", "李庄村医疗救助", "李庄村", None, 0),
    ],
    "烽火乡": [
        ("助2025-0001", "马鞍村临时救助", "马鞍村", Decimal("2000"), 5),
        ("助2025-0002", "青龙村危房改造", "青龙村", Decimal("22000"), 4),
        ("助2025-0003", "双河村医疗救助", "双河村", None, 3),
        ("助2025-0004", "高岗村临时救助", "高岗村", Decimal("1500"), 5),
        ("助2025-0005", "新田村危房改造", "新田村", Decimal("20000"), 5),
    ],
}


def _assistance(ctx) -> None:
    flow = ["核实", "上报", "审批", "发放", "建档"]
    for tname, plans in RELIEF.items():
        township = ctx.townships[tname]
        office = ctx.stations[(tname, "民政办")]
        for code, title, village_name, amount, done in plans:
            village = ctx.villages[village_name]
            applicant = ctx.person(unit=village)
            year = int(code[1:5])
            steps = []
            for i, action in enumerate(flow[:done]):
                data = {"amount": amount} if action == CaseAction.DISBURSE else {}
                steps.append((action, D(year, 5 + i, 10), data))
            demo_case(
                township,
                code,
                kind="救助",
                title=title,
                registered=D(year, 4, 20),
                village=village,
                handling_unit=office,
                petitioner=applicant,
                petitioner_name=applicant.name,
                content="申请人住房经鉴定为危房，申请改造补助。" if "危房" in title else "",
                steps=steps,
            )
