"""Demo cases beyond DOMAIN.md's figures: suggestions by topic, rectified opinions, 长集镇's year."""

from __future__ import annotations

from datetime import date

from taizhang.cases.demo import demo_answered, demo_case
from taizhang.cases.models import Case, CaseState
from taizhang.cases.services import case_transition

D = date


def _suggestion(town, code, title, sponsors, registered, unit=None, answer="", closed=None,
                satisfaction="满意", signer="所长") -> None:  # fmt: skip
    """A suggestion assigned to ``unit``; answered with ``answer``; rated and closed on ``closed``."""
    steps = []
    if unit is not None:
        assigned = D(registered.year, registered.month, min(registered.day + 5, 28))
        if answer:
            answered = D(assigned.year, min(assigned.month + 2, 12), 10)
            steps = demo_answered(unit, assigned, assigned, answered, answer, signer)
            if closed is not None:
                steps += [("评价", closed, {"satisfaction": satisfaction}), ("办结", closed, {})]
        else:
            steps = [("交办", assigned, {"unit": unit}), ("签收", assigned, {})]
    demo_case(town, code, kind="建议", title=title, registered=registered, sponsors=sponsors,
          channel="活动", steps=steps)  # fmt: skip


def rectify(town, title: str, on: date, answer: str, close: bool = True) -> None:
    """Report an opinion's rectification (and close it) once; later loads change nothing."""
    case = Case.objects.filter(township=town, title=title).first()
    if case is None or case.state != CaseState.ASSIGNED:
        return
    case = case_transition(case=case, action="整改", actor=None, on=on)
    if answer:
        case = case_transition(case=case, action="反馈", actor=None, on=on, answer_text=answer)
        if close:
            case_transition(case=case, action="办结", actor=None, on=on)


def fenghuo(ctx) -> None:
    fh = ctx.townships["烽火乡"]
    st = {
        n: ctx.stations[("烽火乡", n)] for n in ("卫生院", "国土所", "财政所", "农技站", "司法所")
    }
    people = [d.person for d in ctx.deputies["烽火乡"]]
    year = ctx.year
    _suggestion(fh, "建2025-0002", "关于修复柳塘村机耕桥的建议", [people[6], people[7]],
                D(year, 5, 8), st["国土所"], "国土所已会同柳塘村完成机耕桥加固，农机可以正常通行",
                D(year, 8, 20))  # fmt: skip
    _suggestion(fh, "建2025-0003", "关于疏通马鞍村灌溉水渠的建议", [people[12]], D(year, 4, 16),
                st["农技站"], "农技站组织清淤疏浚马鞍村干渠，春灌用水得到保障", D(year, 7, 2))  # fmt: skip
    _suggestion(fh, "建2025-0004", "关于为青龙村幼儿园开通接送车的建议", [people[15]],
                D(year, 6, 3), st["财政所"])  # fmt: skip
    _suggestion(fh, "建2025-0005", "关于搬迁烽火村垃圾转运点的建议", [people[5]], D(year, 6, 20),
                st["国土所"], "国土所已为垃圾转运点另行选址，新址远离居民区", D(year, 10, 9))  # fmt: skip
    _suggestion(fh, "建2025-0006", "关于在石桥村至新田村村道加装护栏的建议", [people[6]],
                D(year, 7, 11), st["财政所"], "财政所安排资金在急弯和临水路段加装了护栏",
                D(year, 11, 6))  # fmt: skip
    _suggestion(fh, "建2025-0007", "关于扩建乡农贸市场的建议", [people[20], people[21]],
                D(year, 8, 14))  # fmt: skip
    _suggestion(fh, "建2025-0008", "关于新田村排涝沟清淤的建议", [people[6]], D(year, 9, 2),
                st["农技站"], "农技站已组织对新田村排涝沟进行清淤", None)  # fmt: skip
    rectify(fh, "门诊候诊时间偏长，建议优化挂号流程", D(year, 8, 12),
            "卫生院推行分时段预约挂号，群众候诊时间明显缩短")  # fmt: skip
    rectify(fh, "部分药品短缺，建议完善药品供应", D(year, 9, 5),
            "卫生院与县医药公司签订常用药品保障协议，短缺药品已经补齐")  # fmt: skip
    rectify(fh, "部分村组道路养护不到位", D(year, 12, 22),
            "乡政府安排专项资金对破损的村组道路进行了修补")  # fmt: skip
    rectify(fh, "部分村供水管网老化漏水", D(year, 11, 10), "农技站更换了新田村老化的供水管网")
    rectify(
        fh, "部分土地流转合同不规范", D(year, 12, 2), "国土所组织各村统一使用规范的流转合同文本"
    )


def changji(ctx) -> None:
    """长集镇's motions, suggestions, petitions and rectified opinions of the demo year."""
    cj = ctx.townships["长集镇"]
    st = {
        n: ctx.stations[("长集镇", n)] for n in ("国土所", "财政所", "农技站", "派出所", "司法所")
    }
    people = [d.person for d in ctx.deputies["长集镇"]]
    year = ctx.year
    meeting, assign = D(year, 3, 26), D(year, 3, 31)
    demo_case(cj, "议2025-0001", kind="议案", title="关于建设油坊产业园污水处理设施的议案",
          registered=meeting, sponsors=people[1:7], channel="会议",
          steps=[("立案", D(year, 3, 27), {}),
                 *demo_answered(st["农技站"], assign, D(year, 4, 2), D(year, 6, 25),
                            "污水处理设施已列入县级项目库，一期工程年内开工", "农技站站长"),
                 ("评价", D(year, 6, 30), {"satisfaction": "基本满意"}),
                 ("办结", D(year, 7, 1), {})])  # fmt: skip
    demo_case(cj, "议2025-0002", kind="议案", title="关于拓宽长集镇区主干道的议案",
          registered=meeting, sponsors=people[7:13], channel="会议",
          steps=[("转为建议", D(year, 3, 27), {"note": "主席团决定作为建议处理"}),
                 ("交办", assign, {"unit": st["国土所"], "is_complex": True}),
                 ("签收", D(year, 4, 3), {})])  # fmt: skip
    demo_case(cj, "议2025-0003", kind="议案", title="关于在东岭村建设便民桥的议案",
          registered=meeting, sponsors=[people[2], *people[13:18]], channel="会议",
          steps=[("转为建议", D(year, 3, 27), {"note": "主席团决定作为建议处理"}),
                 *demo_answered(st["财政所"], assign, D(year, 4, 2), D(year, 7, 18),
                            "东岭村便民桥已完成设计，资金纳入下年度预算", "财政所所长")])  # fmt: skip
    _suggestion(cj, "建2025-0001", "关于在长集社区增设停车位的建议", [people[1]], D(year, 4, 22),
                st["国土所"], "国土所在社区东侧划定临时停车区，缓解了停车难", D(year, 8, 1))  # fmt: skip
    _suggestion(cj, "建2025-0002", "关于改造西岭村小学厕所的建议", [people[2]], D(year, 5, 6),
                st["财政所"], "财政所安排资金完成西岭村小学厕所改造", D(year, 9, 15))  # fmt: skip
    _suggestion(cj, "建2025-0003", "关于扶持大豆种植合作社的建议", [people[1], people[3]],
                D(year, 6, 10), st["农技站"], "农技站为合作社提供良种和技术指导", D(year, 10, 8))  # fmt: skip
    _suggestion(cj, "建2025-0004", "关于南湾村饮水管网延伸的建议", [people[2]], D(year, 7, 2),
                st["农技站"])  # fmt: skip
    _suggestion(cj, "建2025-0005", "关于规范油坊排污的建议", [people[20]], D(year, 8, 5),
                st["国土所"], "国土所会同环保部门对油坊排污口逐一登记整治", None)  # fmt: skip
    _petitions(ctx, cj, st)
    rectify(cj, "油坊废水处理设施不足", D(year, 10, 9),
            "农技站指导合作社建成沉淀池，油坊废水不再直排")  # fmt: skip
    rectify(
        cj, "户籍窗口午间不办理业务", D(year, 11, 20), "派出所实行午间轮岗，户籍窗口中午照常办理"
    )
    rectify(cj, "部分收购点烘干能力不足", D(year, 11, 5), "财政所协调合作社增添了粮食烘干设备")
    rectify(cj, "慢病常用药品配备不全", D(year, 8, 12),
            "卫生院按慢病患者名单补齐常用药品，村卫生室每月配送一次")  # fmt: skip
    rectify(cj, "部分农资门店进货台账不全", D(year, 9, 2),
            "农技站督促农资门店建立进货台账，逐户检查登记")  # fmt: skip
    rectify(cj, "集镇夜间巡逻不够", D(year, 12, 1), "派出所增加集镇夜间巡逻频次，群众安全感增强")


def _petitions(ctx, cj, st) -> None:
    year = ctx.year
    nanwan = ctx.villages["南湾村"]
    neighbour = ctx.person(unit=nanwan)
    demo_case(cj, "访2025-0001", kind="信访", title="邻户建房占用排水沟引发纠纷",
          registered=D(year, 6, 9), channel="来访", village=nanwan, petitioner=neighbour,
          petitioner_name=neighbour.name, petitioner_address=neighbour.address,
          content="邻户新建房屋占用了屋后排水沟，雨天积水倒灌，请求恢复排水沟",
          steps=[("受理", D(year, 6, 10), {}), ("交办", D(year, 6, 10), {"unit": st["司法所"]}),
                 ("调查", D(year, 6, 12), {}),
                 ("答复", D(year, 7, 2), {"answer_method": "调处",
                                          "answer_text": "司法所会同村调委会现场调解，邻户拆除占用部分，排水沟恢复畅通"}),
                 ("办结", D(year, 7, 3), {}),
                 ("回访", D(year, 7, 20), {"satisfaction": "满意"})])  # fmt: skip
    dongling = ctx.villages["东岭村"]
    demo_case(cj, "访2025-0002", kind="信访", title="村道路灯损坏夜间出行不便",
          registered=D(year, 9, 3), channel="电话", village=dongling, tier="村",
          petitioner_name=ctx.person(unit=dongling).name,
          steps=[("受理", D(year, 9, 3), {}), ("交办", D(year, 9, 4), {"unit": dongling}),
                 ("调查", D(year, 9, 5), {}),
                 ("答复", D(year, 9, 12), {"answer_method": "答复",
                                           "answer_text": "村里已更换损坏的路灯"}),
                 ("办结", D(year, 9, 13), {})])  # fmt: skip
    demo_case(cj, "访2025-0003", kind="信访", title="反映土地流转租金拖欠",
          registered=D(year, 11, 18), channel="来信", village=dongling,
          petitioner_name=ctx.person(unit=dongling).name,
          steps=[("受理", D(year, 11, 19), {}), ("交办", D(year, 11, 20), {"unit": st["司法所"]})])  # fmt: skip
