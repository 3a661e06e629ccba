"""Example Facts mirroring the demo county (DOMAIN.md), used by tests, bench and docs."""

from __future__ import annotations

from .demo_common import (
    JOINED_WORDS,
    OPEN_ITEM_WORDS,
    OPEN_WORDS,
    RECTIFIED_WORDS,
    WAY_WORDS,
    presidium_records,
    put,
    refs,
)
from .demo_personal import case_parts, personal_facts
from .facts import Facts


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
         "已将该路段硬化列入年度项目，安排资金并于9月底前完工"),
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
    presidium_records(f)
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
    for key, day, act, topic, summary, opinions, done in (
        ("joined:41", "06-16", "评议", "乡卫生院工作评议", "评议组走访就诊群众，查阅服务台账",
         ["候诊时间偏长", "夜间急诊力量不足"], ["卫生院推行分时段预约挂号"]),
        ("joined:42", "12-08", "视察", "农村人居环境", "视察组察看村庄道路和垃圾收运设施",
         ["垃圾收运不及时"], []),
    ):  # fmt: skip
        j = f.section(key)
        j.attributes.update(date=f"{year}-{day}", act=act, topic=topic)
        j.texts.update(summary=[summary], opinions=opinions, rectification=done)
        if len(done) < len(opinions):
            j.attributes["open"] = "yes"
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


__all__ = [
    "JOINED_WORDS",
    "OPEN_ITEM_WORDS",
    "OPEN_WORDS",
    "RECTIFIED_WORDS",
    "WAY_WORDS",
    "case_parts",
    "deputy_facts",
    "personal_facts",
    "presidium_facts",
    "put",
    "refs",
]
