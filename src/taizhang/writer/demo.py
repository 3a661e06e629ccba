"""Example Facts mirroring the demo county (DOMAIN.md), used by tests, bench and docs."""

from __future__ import annotations

from .facts import Fact, Facts, FactSection, Number, Record
from .posts import case_keywords, rank_move, voice_key


def refs(model: str, first: int, count: int) -> tuple[str, ...]:
    """Return ``count`` record references ``model:id`` starting at ``first``."""
    return tuple(f"{model}:{i}" for i in range(first, first + count))


def put(
    sec: FactSection,
    name: str,
    label: str,
    value: Number | None,
    unit: str,
    sources: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
) -> None:
    """Add a fact keyed ``<section>.<name>`` to a section."""
    sec.add(Fact(f"{sec.key}.{name}", label, value, unit, sources, keywords or (label,)))


# Words the problem sentences use next to an open count (the checker's ledger keywords).
OPEN_WORDS = (
    "未办结",
    "没有办结",
    "未整改",
    "没有整改",
    "尚未",
    "还有",
    "仍有",
    "尚有",
    "另有",
    "其余",
)
# Words next to the count of an activity's opinions still open.
OPEN_ITEM_WORDS = ("整改", "落实", "办理", "未办结", "还有", "其余", "另有", "尚有")
# Words next to a count of deputies taking part in a study or group activities.
RECTIFIED_WORDS = ("整改", "办结", "落实", "完成", "办理完毕")
JOINED_WORDS = ("参加", "参加代表", "参训", "到会", "到场", "参与", "累计")
WAY_WORDS = ("联系", "走访", "看望", "慰问", "上门", "入户", "电话", "短信")


def presidium_facts(township: str = "烽火乡", year: int = 2025) -> Facts:
    """Return the 烽火乡 presidium year as Facts (the schema of documents/facts/presidium.py)."""
    tier = "镇" if township.endswith("镇") else "乡"
    f = Facts(kind="presidium", subject=township, year=year)
    f.attributes.update(township=township, tier=tier, document_date=f"{year}-12-28",
                        reporter_post=f"{township}人大主席", reporter_name="李明远")  # fmt: skip
    plan = f.section("plan")
    put(plan, "presidium_meetings", "主席团会议", 6, "次", refs("meetings.Meeting", 100, 6))
    put(plan, "activities", "开展代表活动", 24, "次", refs("meetings.Activity", 1, 24), ("活动",))
    budget = f.section("budget")
    budget.texts["purposes"] = ["代表培训", "视察调研", "代表小组活动"]
    put(budget, "spent", "人大工作经费", 10000, "元", refs("duty.Expense", 1, 7))
    s = f.section("session")
    s.attributes.update(
        session_name="第十四届人民代表大会第七次会议",
        session_date=f"{year}-04-21",
        assignment_meeting_date=f"{year}-04-25",
        held="yes",
    )
    s.texts["reports"] = ["政府工作报告", "财政工作报告", "主席团工作报告"]
    s.texts["elections"] = [f"刘芳群当选为{township}人民代表大会主席团成员"]
    put(
        s,
        "expected",
        "应到代表",
        54,
        "名",
        refs("people.Deputy", 1, 54),
        ("应到", "应出席", "全体代表"),
    )
    put(s, "present", "实到代表", 53, "名", refs("meetings.Attendance", 1, 53),
        ("实到", "实际出席", "实际到会", "到会", "出席", "报到"))  # fmt: skip
    put(s, "reports_approved", "审议通过报告", 3, "项", refs("meetings.AgendaItem", 1, 3))
    put(s, "motions_received", "收到议案", 5, "件", refs("cases.Case", 1, 5), ("议案",))
    put(
        s,
        "motions_registered",
        "立案",
        1,
        "件",
        refs("cases.Case", 1, 1),
        ("立案", "议案", "立为议案"),
    )
    put(s, "motions_converted", "作为建议处理", 4, "件", refs("cases.Case", 2, 4), ("建议",))
    put(
        s,
        "motions_closed",
        "议案办结",
        1,
        "件",
        refs("cases.Case", 1, 1),
        ("议案办结", "办结", "议案"),
    )
    put(s, "motions_open", "尚未办结的议案", 4, "件", refs("cases.Case", 2, 4),
        ("仍在办理", "未办结", "尚在", "其余", "还有", "另有", "尚未"))  # fmt: skip
    sug = f.section("suggestions")
    put(sug, "others", "代表另行提出建议", 3, "件", refs("cases.Case", 40, 3), ("建议",))
    put(sug, "others_answered", "建议已答复", 2, "件", refs("cases.Case", 40, 2), ("答复",))
    put(sug, "others_closed", "建议已办结", 2, "件", refs("cases.Case", 40, 2), ("办结",))
    motions = [
        ("关于加快烽火至石桥公路硬化的议案", "yes", "closed", "满意", "财政所",
         "已将该路段硬化列入年度项目，安排资金并于九月底前完工"),
        ("关于改善乡卫生院就医条件的议案", "no", "answered", "", "卫生院", "已增设候诊座椅"),
        ("关于建设农产品冷链仓储点的议案", "no", "handling", "", "农技站", ""),
        ("关于整治柳塘村河道淤积的议案", "no", "assigned", "", "国土所", ""),
        ("关于增设农村公交站点的议案", "no", "redo", "", "派出所", ""),
    ]  # fmt: skip
    for i, (title, filed, outcome, sat, unit, answer) in enumerate(motions, start=1):
        m = f.section(f"motion:{i}")
        m.attributes.update(title=title, registered=filed, outcome=outcome, satisfaction=sat,
                            unit=unit, answer=answer)  # fmt: skip
        put(m, "record", title, 1, "件", (f"cases.Case:{i}",))
    topics = [
        ("交通出行", ["关于修复柳塘村机耕桥的建议", "关于在村道加装护栏的建议"], 2, 2),
        ("公共设施", ["关于在高岗村安装路灯的建议"], 1, 0),
    ]
    for n, (topic, titles, answered, closed) in enumerate(topics):
        t = f.section(f"suggestion_topic:{topic}")
        t.attributes["topic"] = topic
        t.texts["titles"] = titles
        t.texts["answers"] = ["财政所安排资金在急弯路段加装了护栏"] if n == 0 else []
        put(
            t,
            "count",
            f"{topic}建议",
            len(titles),
            "件",
            refs("cases.Case", 40 + 5 * n, 2),
            ("建议",),
        )
        put(t, "answered", f"{topic}建议答复", answered, "件", refs("cases.Case", 40, answered))
        put(t, "closed", f"{topic}建议办结", closed, "件", refs("cases.Case", 40, closed))
    g = f.section("group:1")
    g.attributes.update(date=f"{year}-05-20", topic="如何撰写议案和建议", activity="专题学习")
    put(g, "participants", "参加代表", 0, "名", (), JOINED_WORDS)  # not recorded: no clause
    e = f.section("evaluation:1")
    e.attributes.update(date=f"{year}-06-16", unit=f"{township}卫生院")
    put(e, "deputies", "参加评议代表", 28, "名", refs("people.Deputy", 1, 28))
    put(e, "opinions", "评议意见", 3, "条", refs("cases.Case", 20, 3), ("意见",))
    put(
        e,
        "open",
        "尚在整改",
        1,
        "条",
        refs("cases.Case", 22, 1),
        OPEN_ITEM_WORDS,
    )
    e.texts["opinions"] = ["门诊候诊时间偏长", "部分药品短缺", "夜间值班力量不足"]
    r = f.section("report_back:1")
    r.attributes.update(date=f"{year}-11-18", district="第33选区")
    i = f.section("inspection:1")
    i.attributes.update(date=f"{year}-12-08", topic="农村人居环境和乡村建设专题视察")
    put(i, "deputies", "参加视察代表", 21, "名", refs("people.Deputy", 40, 21))
    put(i, "opinions", "视察意见", 2, "条", refs("cases.Case", 30, 2), ("意见",))
    put(
        i,
        "open",
        "尚在整改",
        1,
        "条",
        refs("cases.Case", 31, 1),
        OPEN_ITEM_WORDS,
    )
    i.texts["opinions"] = ["部分村组道路养护不到位", "农村垃圾收运不及时"]
    lia = f.section("liaison")
    put(lia, "groups", "代表小组", 4, "个", refs("core.DeputyGroup", 1, 4))
    put(
        lia,
        "group_activities",
        "代表小组活动",
        15,
        "次",
        refs("meetings.Activity", 1, 15),
        ("活动",),
    )
    put(lia, "contacts", "联系代表", 46, "次", refs("duty.LiaisonContact", 1, 46), WAY_WORDS)
    put(lia, "contacted", "联系到的代表", 38, "名", refs("people.Deputy", 1, 38),
        ("联系到", "涉及代表", "覆盖代表", "共联系到"))  # fmt: skip
    put(
        lia,
        "way_presidium",
        "主席团成员联系",
        7,
        "次",
        refs("duty.LiaisonContact", 1, 7),
        WAY_WORDS,
    )
    p = f.section("petitions")
    put(p, "officers", "信访信息员", 21, "名", refs("people.Deputy", 1, 21))
    put(p, "received", "受理信访", 4, "件", refs("cases.Case", 800, 4), ("信访",))
    put(p, "received_village", "村级受理", 2, "件", refs("cases.Case", 800, 2))
    put(p, "received_township", f"{tier}级受理", 1, "件", refs("cases.Case", 802, 1))
    put(p, "received_other", "其他", 1, "件", refs("cases.Case", 803, 1))
    p.attributes.update(
        story_content="因高速公路建设搬迁，安置宅基地与邻户界址有争议，请求重新勘界",
        story_answer="国土所会同司法所、该村重新勘界，双方签订调解协议",
        story_closed=f"{year}-09-04",
        story_satisfied="yes",
    )
    pub = f.section("publicity")
    put(pub, "pieces", "人大工作信息", 12, "篇", refs("duty.Publicity", 1, 12))
    put(pub, "province", "省级采用", 1, "篇", refs("duty.Publicity", 1, 1))
    put(pub, "city", "市级采用", 1, "篇", refs("duty.Publicity", 2, 1))
    pub.texts["titles"] = ["探索代表小组家门口履职新模式"]
    pr = f.section("problems")
    put(pr, "open_cases", "尚未办结的议案建议", 4, "件", refs("cases.Case", 2, 4), OPEN_WORDS)
    put(pr, "open_opinions", "尚未整改到位的意见", 5, "条", refs("cases.Case", 20, 5), OPEN_WORDS)
    put(pr, "uncontacted", "全年未联系的代表", 14, "名", refs("people.Deputy", 41, 14),
        ("未联系", "没有联系", "没有被联系", *OPEN_WORDS))  # fmt: skip
    nxt = f.section("next")
    nxt.attributes["next_session"] = "第十四届人民代表大会第八次会议"
    nxt.texts["stations"] = [f"{township}国土所", f"{township}财政所"]
    nxt.texts["topics"] = ["交通出行"]
    pl = f.section("plans")
    pl.texts["shortcomings"] = ["代表小组活动的形式还不够丰富"]
    pl.texts["plans"] = ["持续跟踪评议和视察意见的整改落实"]
    return f


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
    """Study, talks, probity and diligence records every cadre of the demo keeps."""
    st = f.section("study")
    put(st, "study_entries", "学习记录", 2, "次", refs("ledger.WorkEntry", first, 2),
        ("学习活动", "学习记录", "学习"))  # fmt: skip
    _entries(st, first, [(f"{year}-03-06", "党委理论学习中心组专题学习", ""),
                         (f"{year}-09-12", "县委党校乡镇干部培训班", "")])  # fmt: skip
    t = f.section("talks")
    put(t, "talks_entries", "谈心谈话", 1, "次", refs("ledger.WorkEntry", first + 2, 1))
    _entries(t, first + 2, [(f"{year}-07-02", "与分管站所负责人谈心谈话", "")])
    g = f.section("integrity")
    put(g, "integrity_entries", "廉政活动", 1, "次", refs("ledger.WorkEntry", first + 3, 1))
    _entries(g, first + 3, [(f"{year}-11-20", "警示教育大会", "")])
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
    _entries(
        p,
        60,
        [(f"{year}-05-28", "计生服务进村入户", "组织计生服务所开展优生优育宣传和免费孕前检查")],
    )
    f.section("integrity").texts["text"] = ["自觉遵守廉洁从政各项规定"]
    return f


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
    put(t, "suggestions_closed", "议案建议办结", 2, "件", refs("cases.Case", 510, 2), ("办结",))
    for i, (name, state) in enumerate(
        [("年产5万吨大豆精深加工项目", "在建"), ("长集镇冷链物流中心", "在建")]
    ):
        t.records.append(Record(f"ledger.Project:{i + 1}", name, "项目", state=state))
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
        ("正在整改", "整改", "督办", "跟踪"))  # fmt: skip
    put(s, "evaluation_opinions", "评议意见", 3, "条", refs("cases.Case", 20, 3), ("评议意见",))
    s.records += [
        Record(
            "meetings.Meeting:7", "第十四届人民代表大会第七次会议", "人代会", date=f"{year}-04-21"
        ),
        Record("meetings.Activity:4", "农村人居环境和乡村建设", "视察", date=f"{year}-12-08"),
        Record("meetings.Activity:2", "乡卫生院", "站所评议", date=f"{year}-06-16"),
    ]
    return f


def deputy_facts(name: str = "陈桂兰", year: int = 2025) -> Facts:
    """Return one 烽火乡 deputy's duty record as Facts (documents/facts/deputy.py's schema)."""
    f = Facts(kind="deputy", subject=name, year=year)
    f.attributes.update(name=name, township="烽火乡", tier="乡", term="第十四届",
                        district="第33选区", since="2021-10-15", info_officer="yes",
                        document_date=f"{year}-11-18")  # fmt: skip
    m = f.section("meetings")
    m.attributes.update(session_name="第十四届人民代表大会第七次会议", session_date=f"{year}-04-21")
    put(m, "sessions_attended", "出席人代会", 1, "次", refs("meetings.Attendance", 7, 1))
    put(m, "sessions_expected", "应出席人代会", 1, "次", refs("meetings.Attendance", 7, 1))
    put(m, "group_meetings", "代表小组会议", 4, "次", refs("meetings.Attendance", 300, 4))
    a = f.section("activities")
    put(a, "joined", "参加活动", 6, "次", refs("meetings.Activity", 40, 6))
    put(a, "group_activities", "代表小组活动", 3, "次", refs("meetings.Activity", 80, 3))
    a.texts["named"] = ["6月16日|评议|乡卫生院工作评议", "12月8日|视察|农村人居环境"]
    mo = f.section("motion:1")
    mo.attributes.update(title="关于加快烽火至石桥公路硬化的议案", lead="", outcome="closed",
                         unit="财政所", answer="已列入年度项目并完工", satisfaction="满意")  # fmt: skip
    put(mo, "record", "关于加快烽火至石桥公路硬化的议案", 1, "件", ("cases.Case:1",))
    sg = f.section("suggestion:3")
    sg.attributes.update(title="关于在高岗村安装路灯的建议", lead="yes", outcome="answered",
                         unit="财政所", answer="已安排资金安装路灯", satisfaction="")  # fmt: skip
    put(sg, "record", "关于在高岗村安装路灯的建议", 1, "件", ("cases.Case:3",))
    s = f.section("suggestions")
    put(s, "motions_joined", "联名议案", 1, "件", refs("cases.Case", 1, 1))
    put(s, "registered", "交办建议", 1, "件", refs("cases.Case", 3, 1))
    put(s, "recorded", "履职记录中的建议", 3, "件", refs("duty.DutyEntry", 20, 3))
    put(
        s,
        "submitted",
        "提出建议",
        4,
        "件",
        refs("cases.Case", 3, 1) + refs("duty.DutyEntry", 20, 3),
        ("建议",),
    )
    s.texts["recorded"] = ["村组道路坑洼影响出行", "农田灌溉用水紧张"]
    v = f.section("voters")
    put(v, "visits", "走访选民", 12, "次", refs("duty.DutyEntry", 1, 12))
    put(v, "helped", "结对帮扶困难群众", 3, "户", refs("duty.DutyEntry", 15, 3))
    v.texts["visits"] = ["走访留守老人家庭，了解冬季取暖情况"]
    v.texts["helped"] = ["帮助独居老人申请居家养老服务"]
    put(v, "reflections", "撰写履职体会", 2, "篇", refs("duty.DutyEntry", 30, 2))
    v.texts["reflections"] = ["参加站所评议的体会", "走访选民的体会"]
    v.attributes["report_back_date"] = f"{year}-11-18"
    put(v, "satisfied", "满意", 41, "票", ("meetings.Rating:1",))
    put(v, "basically_satisfied", "基本满意", 6, "票", ("meetings.Rating:1",))
    put(v, "unsatisfied", "不满意", 0, "票", ("meetings.Rating:1",))
    f.section("plans").texts["plans"] = ["继续当好信访信息员，把矛盾化解在村里"]
    return f
