"""Example facts of cadres for the writer's tests and benches (invented persons)."""

from __future__ import annotations

from .demo_common import put, refs
from .facts import Facts, FactSection, Record
from .posts import OPEN_CASE_WORDS, case_keywords, rank_move, voice_key


def _person(name: str, year: int, township: str = "长集镇") -> Facts:
    f = Facts(kind="personal", subject=name, year=year)
    f.attributes.update(name=name, township=township, document_date=f"{year}-12-26")
    return f


def _post(f: Facts, n: int, title: str, unit: str, portfolios: list[str], since: str) -> None:
    s = f.section(f"post:{n}")
    s.attributes.update(
        title=title,
        voice=voice_key(title, f.attributes["township"]) or "",
        unit=unit,
        township=f.attributes["township"],
        since=since,
        portfolios="、".join(portfolios),
    )
    s.records.append(Record(f"people.CadrePost:{n}", title, kind="职务"))


def _entries(s: FactSection, first: int, rows: list[tuple[str, str, str]]) -> None:
    for i, (day, matter, content) in enumerate(rows):
        s.records.append(
            Record(f"ledger.WorkEntry:{first + i}", matter, "工作记录", date=day, detail=content)
        )


def _indicator(f: Facts, pk: int, portfolio: str, name: str, unit: str, **values) -> None:
    i = f.section(f"indicator:{pk}")
    i.attributes.update(name=name, portfolio=portfolio, unit=unit)
    for key, value in values.items():
        if key == "rank_change":
            key, value, words = rank_move(value)
        else:
            words = ("排名", "第") if key == "rank" else (name,)
        unit_of = "位" if key.startswith("rank") else unit
        put(i, key, name, value, unit_of, (f"ledger.Indicator:{pk}",), words)
    i.records.append(Record(f"ledger.Indicator:{pk}", name, "指标"))


def _common(f: Facts, year: int, first: int) -> None:
    """Study, talks, probity and diligence records every cadre of the demo keeps; from
    ``first`` 300 on the records carry their own words (what was done there)."""
    worded = first >= 300
    study = [
        (f"{year}-03-06", "党委理论学习中心组专题学习", "围绕乡村振兴开展集中学习研讨"),
        (f"{year}-09-12", "县委党校乡镇干部培训班", "系统学习基层治理和依法行政课程"),
        (f"{year}-11-05", "安全生产法规学习", "明确分管领域的安全监管责任"),
    ]
    talks = [
        (f"{year}-07-02", "与分管站所负责人谈心谈话", "听取对工作分工的想法"),
        (f"{year}-12-03", "年终个别谈话", "听取联系村干部对本人工作的意见"),
    ]
    probity = [
        (f"{year}-11-20", "警示教育大会", "观看警示教育片，对照案例检视自身"),
        (f"{year}-07-30", "廉洁从政集体约谈", "听取廉政提醒，签订廉政承诺书"),
    ]
    if not worded:
        study, talks, probity = (
            [(d, m, "") for d, m, _ in rows[:n]]
            for rows, n in ((study, 2), (talks, 1), (probity, 1))
        )
    st = f.section("study")
    put(st, "study_entries", "学习记录", len(study), "次", refs("ledger.WorkEntry", first, 2),
        ("学习活动", "学习记录", "学习"))  # fmt: skip
    _entries(st, first, study)
    t = f.section("talks")
    put(t, "talks_entries", "谈心谈话", len(talks), "次", refs("ledger.WorkEntry", first + 5, 1))
    _entries(t, first + 5, talks)
    g = f.section("integrity")
    put(
        g,
        "integrity_entries",
        "廉政活动",
        len(probity),
        "次",
        refs("ledger.WorkEntry", first + 7, 1),
    )
    _entries(g, first + 7, probity)
    d = f.section("diligence")
    put(d, "entries", "工作记录", 24, "条", refs("ledger.WorkEntry", first, 24))
    put(d, "village_days", "深入村组", 15, "天", refs("ledger.WorkEntry", first + 4, 15))
    d.texts["villages"] = ["东岭村", "西岭村", "北坡村"]


def case_parts(f: Facts, key: str, kind: str, post: str, first: int, **parts: int) -> FactSection:
    """Add a ``cases:`` section: parts given as counts over consecutive case ids."""
    s = f.section(key)
    s.attributes.update(kind=kind, post=post)
    unit = "条" if kind.endswith("意见") else "件"
    for name, n in parts.items():
        if name == "amount":
            put(
                s,
                name,
                "救助资金",
                n,
                "元",
                refs("cases.Case", first, 3),
                case_keywords(kind, name),
            )
        else:
            put(s, name, f"{kind}{name}", n, unit, refs("cases.Case", first, n),
                case_keywords(kind, name))  # fmt: skip
    return s


def personal_facts(who: str = "investment", year: int = 2025) -> Facts:
    """Return one cadre's year: "investment", "league", "family_planning", "head" or "chair"."""
    return {
        "investment": _investment,
        "league": _league,
        "family_planning": _family_planning,
        "head": _head,
        "chair": _chair,
    }[who](year)


def _investment(year: int) -> Facts:
    f = _person("李明远", year)
    _post(f, 1, "副镇长", "长集镇", ["招商引资", "交通道路", "油坊产业"], f"{year - 2}-06-01")
    _common(f, year, 100)
    p = f.section("portfolio:招商引资")
    p.attributes.update(name="招商引资", post="post:1")
    ids = refs("ledger.Project", 1, 5)
    put(p, "projects", "项目", 5, "个", ids, ("项目",))
    put(p, "funds_intended", "签约（意向）资金", 8000, "万元", ids, ("意向资金", "签约"))
    put(p, "funds_arrived", "实际到位资金", 3500, "万元", ids, ("到位资金", "实际到位"))
    put(p, "output", "产值", 15700, "万元", ids, ("产值",))
    put(p, "taxes", "利税", 680, "万元", ids, ("利税",))
    put(p, "project.1.intended", "签约（意向）资金", 3000, "万元", ids[:1], ("签约",))
    put(
        p,
        "project.1.arrived",
        "实际到位资金",
        1500,
        "万元",
        ids[:1],
        ("到位资金", "实际到位", "到位"),
    )
    for i, (name, state) in enumerate(
        [("年产5万吨大豆精深加工项目", "在建"), ("长集镇冷链物流中心", "在建"),
         ("食用油小包装生产线", "投产"), ("农机装备维修服务站", "签约"), ("电商直播基地", "签约")]
    ):  # fmt: skip
        p.records.append(Record(f"ledger.Project:{i + 1}", name, "项目", state=state))
    _entries(p, 10, [(f"{year}-03-12", "赴外地招商推介", "带队赴沿海地区开展招商推介，洽谈项目3个"),
                     (f"{year}-05-20", "项目用地协调",
                      "坚持领导包项目、专人跟进服务，协调解决项目用地、用电等问题")])  # fmt: skip
    r = f.section("portfolio:交通道路")
    r.attributes.update(name="交通道路", post="post:1")
    _indicator(f, 1, "交通道路", "新修村组道路", "公里", target=60, actual=63)
    _entries(r, 20, [(f"{year}-04-18", "东岭村至西岭村村组道路竣工验收", ""),
                     (f"{year}-08-22", "北坡村环村道路竣工验收", ""),
                     (f"{year}-10-15", "李庄村至长集社区连接线竣工验收", "")])  # fmt: skip
    o = f.section("portfolio:油坊产业")
    o.attributes.update(name="油坊产业", post="post:1")
    _indicator(f, 2, "油坊产业", "发展油坊", "家", actual=50)
    _indicator(f, 3, "油坊产业", "加工大豆", "吨", actual=32000)
    _indicator(f, 4, "油坊产业", "油坊产业产值", "万元", actual=13000)
    _entries(o, 30, [(f"{year}-07-08", "油坊产业集群调度",
                      "组织油坊专业合作社统一质量标准，推动小油坊连片发展")])  # fmt: skip
    f.section("plans").texts["plans"] = ["盯紧在谈项目，力争更多项目落地开工"]
    return f


def _league(year: int) -> Facts:
    f = _person("王晓燕", year)
    _post(f, 1, "团委书记", "长集镇", ["共青团工作", "驻村联络"], f"{year - 4}-10-20")
    _post(f, 2, "民政专干", "民政办", ["民政救助"], f"{year - 4}-10-20")
    _common(f, year, 200)
    v = f.section("portfolio:驻村联络")
    v.attributes.update(name="驻村联络", post="post:1")
    _indicator(f, 11, "驻村联络", "危房改造", "户", actual=45)
    _indicator(f, 12, "驻村联络", "新建牛棚", "座", actual=18)
    _indicator(f, 13, "驻村联络", "改建厕所", "座", actual=18)
    _entries(v, 40, [(f"{year}-04-09", "危房改造入户核查", "逐户核查危房改造对象，督促施工进度并拍照存档"),
                     (f"{year}-09-16", "牛棚和改厕验收", "会同村两委验收新建牛棚和改建厕所")])  # fmt: skip
    m = f.section("portfolio:民政救助")
    m.attributes.update(name="民政救助", post="post:2")
    _entries(
        m, 50, [(f"{year}-06-03", "低保对象年审", "参与低保对象年度审核，做到应保尽保、应退尽退")]
    )
    cs = case_parts(f, "cases:2:救助", "救助", "post:2", 300, count=4, closed=2, open=2, paid=3,
                    amount=48000)  # fmt: skip
    for i, (title, state) in enumerate([("东岭村危房改造", "已建档"), ("西岭村危房改造", "已建档"),
                                         ("南湾村临时救助", "已发放"), ("北坡村危房改造", "已上报")]):  # fmt: skip
        cs.records.append(Record(f"cases.Case:{300 + i}", title, "救助", state=state))
    return f


def _family_planning(year: int) -> Facts:
    f = _person("赵建国", year)
    _post(f, 1, "副镇长", "长集镇", ["计划生育"], f"{year - 3}-03-01")
    _common(f, year, 300)
    p = f.section("portfolio:计划生育")
    p.attributes.update(name="计划生育", post="post:1")
    _indicator(f, 21, "计划生育", "人口和计划生育目标管理考核", "", rank=3, rank_change=23)
    _entries(p, 60, [
        (f"{year}-01-14", "计生工作年度部署", "召开全镇计生专干会议，分解全年目标任务到村"),
        (f"{year}-03-18", "奖励扶助对象资格确认", "逐村审核奖励扶助对象，张榜公示后上报"),
        (f"{year}-05-28", "计生服务进村入户", "组织计生服务所开展优生优育宣传和免费孕前检查"),
        (f"{year}-07-09", "计生特殊家庭签约服务", "协调卫生院家庭医生与东岭村计生特殊家庭签约"),
        (f"{year}-09-23", "优生优育知识讲座", "邀请县妇幼保健院医生到西岭村讲解孕期保健知识"),
        (f"{year}-12-09", "计生协会换届指导", "指导北坡村计生协会换届，配齐会长和会员小组长"),
        (f"{year}-12-18", "年度工作总结会", "召开计生专干总结会，梳理考核失分点"),
    ])  # fmt: skip
    f.section("integrity").texts["text"] = ["自觉遵守廉洁从政各项规定"]
    return f


# What is still open, and opinions not yet rectified, as the facts layer names them.
FIXING = ("尚未整改到位", "未整改到位", "尚未整改")
DONE = ("整改", "办结", "整改到位", "整改完成")


def _head(year: int) -> Facts:
    f = _person("周海涛", year)
    _post(f, 1, "镇长", "长集镇", ["政府全面工作"], f"{year - 4}-10-20")
    _common(f, year, 400)
    t = f.section("township")
    t.attributes.update(post="post:1", name="长集镇")
    ids = refs("ledger.Project", 1, 5)
    put(t, "projects", "项目", 5, "个", ids, ("项目",))
    put(t, "funds_intended", "签约（意向）资金", 8000, "万元", ids, ("意向资金", "签约"))
    put(t, "funds_arrived", "实际到位资金", 3500, "万元", ids, ("到位资金", "实际到位"))
    put(t, "output", "产值", 15700, "万元", ids, ("产值",))
    put(t, "taxes", "利税", 680, "万元", ids, ("利税",))
    put(t, "petitions", "信访", 6, "件", refs("cases.Case", 500, 6), ("信访",))
    put(t, "suggestions", "代表建议", 5, "件", refs("cases.Case", 510, 5), ("建议",))
    put(t, "motions", "议案", 1, "件", refs("cases.Case", 520, 1), ("议案",))
    put(t, "suggestions_closed", "议案建议办结", 2, "件", refs("cases.Case", 510, 2), ("办结",))
    put(t, "petitions_settled", "信访办结", 5, "件", refs("cases.Case", 500, 5), ("办结",))
    put(t, "petitions_rejected", "依法不予受理的信访", 1, "件", refs("cases.Case", 505, 1),
        ("不予受理",))  # fmt: skip
    put(t, "inspection_opinions", "视察意见", 4, "条", refs("cases.Case", 530, 4), ("视察意见",))
    put(t, "inspection_closed", "视察意见整改办结", 2, "条", refs("cases.Case", 530, 2), DONE)
    put(t, "evaluation_opinions", "评议意见", 2, "条", refs("cases.Case", 540, 2), ("评议意见",))
    put(t, "evaluation_closed", "评议意见整改办结", 2, "条", refs("cases.Case", 540, 2), DONE)
    for i, (name, state) in enumerate(
        [("年产5万吨大豆精深加工项目", "在建"), ("长集镇冷链物流中心", "在建")]
    ):
        t.records.append(Record(f"ledger.Project:{i + 1}", name, "项目", state=state))
    _head_log(f, year)
    i = f.section("indicator:21")
    i.attributes.update(name="人口和计划生育目标管理考核", portfolio="", township="1")
    put(
        i,
        "rank",
        "人口和计划生育目标管理考核全县排名",
        3,
        "位",
        ("ledger.Indicator:21",),
        ("排名",),
    )
    return f


def _head_log(f: Facts, year: int) -> None:
    """A head's year of the whole government's work: told with the township, field by field."""
    g = f.section("portfolio:政府全面工作")
    g.attributes.update(name="政府全面工作", post="post:1")
    _entries(g, 450, [
        (f"{year}-01-08", "政府常务会议部署全年工作", "主持召开政府常务会议，把全年目标任务分解到站所"),
        (f"{year}-02-18", "全镇重点项目调度会", "逐个项目听取进度汇报，明确节点和责任人"),
        (f"{year}-03-14", "冷链物流中心现场办公", "召集施工、供电等单位现场办公，解决临时用电接入问题"),
        (f"{year}-03-31", "向镇人大主席团通报政府工作", "通报一季度项目建设情况，听取代表对征地补偿的意见"),
        (f"{year}-04-03", "春季森林防火检查", "到东岭村、西岭村检查林区防火值守和扑火物资"),
        (f"{year}-04-29", "在谈招商项目梳理", "逐个梳理在谈项目的投资意向，明确专人对接"),
        (f"{year}-05-19", "人居环境整治推进", "到南湾村查看垃圾清运和改厕进度，督促补齐短板"),
        (f"{year}-06-05", "电商直播基地签约洽谈", "与投资方商谈场地租赁和培训安排"),
        (f"{year}-06-25", "防汛检查", "到南湾村、北坡村检查堤防和转移预案"),
        (f"{year}-07-08", "赴外地招商推介", "带队赴沿海地区推介长集镇，洽谈食品加工项目"),
        (f"{year}-07-16", "审核代表建议答复", "逐件审核代表建议答复意见，对答复笼统的退回重写"),
        (f"{year}-08-27", "秋季开学校舍安全检查", "会同中心学校检查校舍和校车，督促开学前整改隐患"),
        (f"{year}-09-26", "大豆精深加工项目用地协调", "协调解决项目用地报批中的难点，推动项目按期开工"),
        (f"{year}-10-10", "秋收秋种调度", "到北坡村、李庄村查看秋收进度，协调农机跨村作业"),
        (f"{year}-10-27", "信访接待日", "在镇信访接待室接待来访群众，当场协调解决一起工资拖欠问题"),
        (f"{year}-11-18", "冬季安全生产检查", "到东岭村、西岭村检查油坊和学校安全"),
        (f"{year}-12-01", "签约项目跟踪服务", "到农机装备维修服务站项目现场，协调办理施工手续"),
        (f"{year}-12-12", "年度目标考核自查", "逐项对照年度考核指标自查，安排班子成员补齐短板"),
        (f"{year}-12-19", "企业用工座谈", "走访已投产企业，听取用工和物流方面的困难"),
        (f"{year}-12-26", "留守儿童过冬走访", "到长集社区看望留守儿童，检查取暖安全"),
    ])  # fmt: skip


def _chair(year: int) -> Facts:
    f = _person("陈国栋", year, "烽火乡")
    _post(f, 1, "人大主席", "烽火乡", ["人大工作"], f"{year - 4}-10-20")
    _common(f, year, 500)
    s = f.section("presidium")
    s.attributes.update(post="post:1", name="烽火乡", session_name="第十四届人民代表大会第七次会议",
                        session_date=f"{year}-04-21")  # fmt: skip
    put(s, "expected", "应到代表", 54, "名", refs("people.Deputy", 1, 54), ("应到",))
    put(s, "present", "实到代表", 53, "名", refs("meetings.Attendance", 1, 53), ("实到",))
    put(s, "reports_approved", "审议通过报告", 3, "项", refs("meetings.AgendaItem", 1, 3))
    put(s, "presidium_meetings", "主席团会议", 6, "次", refs("meetings.Meeting", 10, 6))
    put(s, "motions", "收到议案", 5, "件", refs("cases.Case", 1, 5), ("议案",))
    put(s, "suggestions", "代表建议", 4, "件", refs("cases.Case", 6, 4), ("建议",))
    put(s, "closed", "议案建议办结", 2, "件", refs("cases.Case", 1, 2), ("办结",))
    put(s, "inspection_opinions", "视察意见", 2, "条", refs("cases.Case", 30, 2), ("视察意见",))
    put(s, "inspection_opinions_closed", "视察意见办结", 1, "条", refs("cases.Case", 30, 1),
        ("办结", "整改"))  # fmt: skip
    put(s, "inspection_opinions_open", "视察意见正在整改", 1, "条", refs("cases.Case", 31, 1),
        ("正在整改", "整改", "督办", "跟踪", *FIXING))  # fmt: skip
    put(s, "evaluation_opinions", "评议意见", 3, "条", refs("cases.Case", 20, 3), ("评议意见",))
    put(s, "open", "议案建议尚未办结", 7, "件", refs("cases.Case", 3, 7), OPEN_CASE_WORDS)
    s.records += [
        Record(
            "meetings.Meeting:7", "第十四届人民代表大会第七次会议", "人代会", date=f"{year}-04-21"
        ),
        Record("meetings.Activity:4", "农村人居环境和乡村建设", "视察", date=f"{year}-12-08"),
        Record("meetings.Activity:2", "乡卫生院", "站所评议", date=f"{year}-06-16"),
    ]
    return f
