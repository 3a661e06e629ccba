"""Every demo document of every kind and variant, for the writer tests."""

from __future__ import annotations

from taizhang.writer import compose_document as compose
from taizhang.writer.demo import (
    JOINED_WORDS,
    OPEN_WORDS,
    RECTIFIED_WORDS,
    WAY_WORDS,
    case_parts,
    deputy_facts,
    personal_facts,
    presidium_facts,
    put,
    refs,
)
from taizhang.writer.demo_personal import FIXING
from taizhang.writer.facts import Facts, Record
from taizhang.writer.model import Document
from taizhang.writer.posts import OPEN_CASE_WORDS as OPEN

CASES = [
    ("presidium", "summary", lambda: presidium_facts()),
    ("presidium", "report", lambda: presidium_facts()),
    ("personal", "summary", lambda: personal_facts("investment")),
    ("personal", "duty", lambda: personal_facts("investment")),
    ("personal", "summary", lambda: personal_facts("league")),
    ("personal", "duty", lambda: personal_facts("league")),
    ("personal", "summary", lambda: personal_facts("family_planning")),
    ("personal", "duty", lambda: personal_facts("family_planning")),
    ("deputy", "", lambda: deputy_facts()),
]


def all_documents() -> list[Document]:
    return [compose(make(), variant=variant) for _, variant, make in CASES]


# -- Facts that reach every slot of the phrase banks (rare branches included) ----------------


def rich_presidium() -> Facts:
    """The demo year with ratings, every problem, rectification and every motion outcome."""
    f = presidium_facts()
    put(f.section("group:1"), "participants", "参加代表", 30, "名",
        refs("meetings.Participant", 300, 30), JOINED_WORDS)  # fmt: skip
    e = f.section("evaluation:1")
    put(e, "satisfied", "满意", 20, "票", ("meetings.Rating:1",))
    put(e, "basically_satisfied", "基本满意", 6, "票", ("meetings.Rating:1",))
    put(e, "unsatisfied", "不满意", 2, "票", ("meetings.Rating:1",))
    put(e, "rectified", "评议意见整改办结", 2, "条", refs("cases.Case", 20, 2), RECTIFIED_WORDS)
    e.texts["rectification"] = ["卫生院推行分时段预约挂号", "短缺药品已经补齐"]
    r = f.section("report_back:1")
    put(r, "deputies", "述职代表", 5, "名", refs("people.Deputy", 500, 5))
    put(r, "satisfied", "满意", 60, "票", ("meetings.Rating:11",))
    put(r, "basically_satisfied", "基本满意", 15, "票", ("meetings.Rating:11",))
    put(r, "opinions", "述职意见", 3, "条", refs("cases.Case", 700, 3), ("意见",))
    put(r, "rectified", "述职意见办结", 3, "条", refs("cases.Case", 700, 3), RECTIFIED_WORDS)
    r.texts["opinions"] = ["村卫生室夜间无人值守"]
    r.texts["rectification"] = ["村卫生室安排了夜间值班"]
    i = f.section("inspection:1")
    put(i, "rectified", "视察意见整改办结", 1, "条", refs("cases.Case", 30, 1), RECTIFIED_WORDS)
    put(i, "satisfied", "满意", 15, "票", ("meetings.Rating:5",))
    put(i, "basically_satisfied", "基本满意", 6, "票", ("meetings.Rating:5",))
    i.texts["rectification"] = ["破损道路已经修补"]
    i2 = f.section("inspection:2")
    i2.attributes.update(date="2025-09-18", topic="农村饮水安全")
    put(i2, "opinions", "视察意见", 2, "条", refs("cases.Case", 33, 2), ("意见",))
    put(i2, "satisfied", "满意", 12, "票", ("meetings.Rating:6",))
    put(i2, "basically_satisfied", "基本满意", 5, "票", ("meetings.Rating:6",))
    put(i2, "unsatisfied", "不满意", 1, "票", ("meetings.Rating:6",))
    e2 = f.section("evaluation:2")
    e2.attributes.update(date="2025-10-20", unit="烽火乡派出所")
    put(e2, "opinions", "评议意见", 1, "条", refs("cases.Case", 60, 1), ("意见",))
    put(e2, "satisfied", "满意", 18, "票", ("meetings.Rating:7",))
    put(e2, "basically_satisfied", "基本满意", 4, "票", ("meetings.Rating:7",))
    r2 = f.section("report_back:2")
    r2.attributes.update(date="2025-11-20", district="第36选区")
    put(r2, "opinions", "选民意见", 2, "条", refs("cases.Case", 710, 2), ("意见",))
    r2.texts["opinions"] = ["村道路灯损坏", "饮水管网水压不足"]  # both named: no 等
    f.section("motion:2").attributes["satisfaction"] = "基本满意"
    f.section("motion:6").attributes.update(title="关于修缮村部的议案", registered="no",
                                            outcome="registered")  # fmt: skip
    put(f.section("motion:6"), "record", "关于修缮村部的议案", 1, "件", ("cases.Case:6",))
    # Four reports approved, three named: 等 after them.
    put(f.section("session"), "reports_approved", "审议通过报告", 4, "项",
        refs("meetings.AgendaItem", 1, 4))  # fmt: skip
    # Two of the five 农田水利 suggestions are named: a partial list (等).
    w = f.section("suggestion_topic:农田水利")
    w.attributes["topic"] = "农田水利"
    w.texts["titles"] = ["关于疏通新田村灌溉渠的建议", "关于维修柳塘村提灌站的建议"]
    put(w, "count", "农田水利建议", 5, "件", refs("cases.Case", 91, 5), ("建议",))
    t = f.section("suggestion_topic:其他")
    t.attributes["topic"] = "其他"
    t.texts["titles"] = ["关于规范集镇摊点的建议"]
    put(t, "count", "其他建议", 1, "件", ("cases.Case:90",), ("建议",))
    p = f.section("petitions")
    put(p, "settled_in_village", "在村化解", 2, "件", refs("cases.Case", 800, 2))
    pub = f.section("publicity")
    put(pub, "county", "县级采用", 10, "篇", refs("duty.Publicity", 3, 10))
    f.section("liaison").texts["group_topics"] = ["学习代表法", "走访困难群众"]
    f.section("liaison").attributes["group_topic_count"] = "2"  # all listed: no 等
    pr = f.section("problems")
    pr.texts["open_titles"] = ["关于建设农产品冷链仓储点的议案"]
    pr.texts["open_opinions"] = ["农村垃圾收运不及时"]
    put(pr, "redo", "代表不满意重办", 1, "件", ("cases.Case:5",), ("不满意", "重办", *OPEN_WORDS))
    put(pr, "open_petitions", "尚未办结的信访", 1, "件", ("cases.Case:803",), OPEN_WORDS)
    put(pr, "behind", "未完成履职要求的代表", 9, "名", refs("people.Deputy", 60, 9),
        ("未完成", "没有完成", "参加活动", "履职要求", *OPEN_WORDS))  # fmt: skip
    lia = f.section("liaison")
    for way, n in (("group_leader", 7), ("activity", 6), ("phone", 8), ("home_visit", 5),
                   ("hardship", 3)):  # fmt: skip
        put(lia, f"way_{way}", way, n, "次", refs("duty.LiaisonContact", 100, n), WAY_WORDS)
    put(
        lia,
        "group_person_times",
        "参加小组活动人次",
        228,
        "人次",
        refs("meetings.Participant", 1, 9),
        JOINED_WORDS,
    )
    put(lia, "voter_visits", "走访选民活动", 2, "次", refs("meetings.Activity", 70, 2),
        ("走访选民", *WAY_WORDS))  # fmt: skip
    return f


def sparse_presidium() -> Facts:
    """A town whose session was not held, with nothing closed and few records."""
    f = presidium_facts("长集镇")
    s = f.section("session")
    s.attributes["held"] = "no"
    s.facts.pop("session.motions_closed")
    f.section("evaluation:1").facts.pop("evaluation:1.deputies")
    f.section("inspection:1").facts.pop("inspection:1.deputies")
    for key in list(f.sections):
        if key.startswith("suggestion_topic:"):
            f.sections[key].facts.pop(f"{key}.answered", None)
            f.sections[key].facts.pop(f"{key}.closed", None)
    f.section("motion:1").attributes.update(outcome="registered", registered="yes")
    for name in ("others_answered", "others_closed"):
        f.section("suggestions").facts.pop(f"suggestions.{name}")
    f.section("plans").texts["plans"] = []
    f.section("plans").texts["shortcomings"] = []
    f.sections.pop("next")
    return f


def closed_presidium() -> Facts:
    """A town whose session had no date and whose motions were all closed."""
    f = presidium_facts("青石乡")
    s = f.section("session")
    s.attributes.pop("session_date")
    s.texts["reports"] = []
    s.texts["elections"] = []
    put(s, "motions_closed", "办结", 5, "件", refs("cases.Case", 1, 5), ("办结",))
    s.facts.pop("session.motions_open")
    lia = f.section("liaison")  # six topics, three listed: 等 after them
    lia.texts["group_topics"] = ["学习代表法", "走访困难群众", "视察村道建设"]
    lia.attributes["group_topic_count"] = "6"
    return f


def rich_personal() -> Facts:
    """The investment cadre with an indicator short of target and falling, petitions with an
    overdue one, an unhappy rating and a story, deputy meetings and trainings."""
    f = personal_facts("investment")
    i = f.section("indicator:9")
    i.attributes.update(name="招商引资目标考核", portfolio="招商引资", unit="万元")
    put(i, "target", "招商引资目标", 10000, "万元", ("ledger.Indicator:9",), ("目标",))
    put(i, "actual", "招商引资完成", 8000, "万元", ("ledger.Indicator:9",), ("完成",))
    put(i, "rank", "全县排名", 5, "位", ("ledger.Indicator:9",), ("排名",))
    put(i, "rank_down", "排名变化", 2, "位", ("ledger.Indicator:9",), ("后退", "下降", "后移"))
    f.section("post:1").attributes["portfolios"] += "、信访维稳"
    cs = case_parts(f, "cases:1:信访", "信访", "post:1", 200, count=6, closed=4, open=2,
                    overdue=1, on_time=3, rated=3, satisfied=2, unsatisfied=1)  # fmt: skip
    cs.records += [
        Record("cases.Case:200", "反映宅基地界址纠纷", "信访", "已办结",
               detail="国土所会同司法所重新勘界，双方签订调解协议"),
        Record("cases.Case:204", "灌溉水渠堵塞", "信访", "调查中"),
    ]  # fmt: skip
    d = f.section("diligence")
    put(d, "meetings", "参加会议", 30, "次", refs("meetings.Attendance", 900, 30), ("会议",))
    put(d, "activities", "参加活动", 8, "次", refs("meetings.Activity", 10, 8), ("活动",))
    st = f.section("study")
    put(st, "trainings", "参加学习培训", 2, "次", refs("meetings.Activity", 40, 2), ("培训",))
    st.texts["topics"] = ["代表法", "预算审查监督"]
    f.section("plans").texts["plans"] = ["盯紧在谈项目", "做好项目跟踪服务"]
    return f


def bare_personal() -> Facts:
    """A cadre with no portfolio: an indicator of its own, suggestions partly answered."""
    f = personal_facts("family_planning")
    f.sections.pop("portfolio:计划生育")
    f.section("indicator:21").attributes.pop("portfolio")
    case_parts(f, "cases:1:建议", "建议", "post:1", 300, count=5, closed=1, open=4)
    case_parts(f, "cases:1:视察意见", "视察意见", "post:1", 320, count=2, open=2)
    case_parts(f, "cases:1:议案", "议案", "post:1", 330, count=1, closed=1)
    f.section("post:1").attributes.pop("since")
    f.section("plans").texts["shortcomings"] = ["调查研究不够深入"]
    return f


def busy_head() -> Facts:
    """The 镇长 with the township's suggestions and a civil-affairs post of their own."""
    f = personal_facts("head")
    f.subject = f.attributes["name"] = "方振华"
    f.section("post:1").attributes["portfolios"] += "、民政救助"
    m = f.section("portfolio:民政救助")
    m.attributes.update(name="民政救助", post="post:1")
    case_parts(f, "cases:1:救助", "救助", "post:1", 600, count=2, closed=2, paid=2, amount=3000)
    t = f.section("township")  # no motion this year; items still open
    t.facts.pop("township.motions")
    put(t, "suggestions_open", "议案建议尚未办结", 3, "件", refs("cases.Case", 512, 3),
        OPEN)  # fmt: skip
    put(t, "petitions_settled", "信访办结", 4, "件", refs("cases.Case", 500, 4), ("办结",))
    put(t, "petitions_open", "信访尚未办结", 1, "件", refs("cases.Case", 504, 1), OPEN)
    put(t, "inspection_open", "视察意见尚未整改到位", 2, "条", refs("cases.Case", 532, 2),
        FIXING)  # fmt: skip
    return f


def open_chair() -> Facts:
    """The 人大主席 with inspections rectified and evaluations partly rectified."""
    f = personal_facts("chair")
    s = f.section("presidium")
    s.facts.pop("presidium.inspection_opinions_closed")
    s.facts.pop("presidium.inspection_opinions_open")
    put(s, "evaluation_opinions_closed", "评议意见办结", 2, "条", refs("cases.Case", 20, 2),
        ("办结", "整改"))  # fmt: skip
    put(s, "evaluation_opinions_open", "评议意见正在整改", 1, "条", refs("cases.Case", 22, 1),
        ("正在整改", "整改", "督办", "跟踪"))  # fmt: skip
    f.section("post:1").attributes.pop("since")
    st = f.section("study")  # four trainings, three named: 等 after them
    put(st, "trainings", "参加学习培训", 4, "次", refs("meetings.Activity", 40, 4), ("培训",))
    st.texts["topics"] = ["代表法", "预算审查监督", "议案建议撰写"]
    return f


def converted_chair(all_of_them: bool = False) -> Facts:
    """The 人大主席 whose presidium handled motions as suggestions: two registered and three
    converted, or (``all_of_them``) all five converted; the deputies' own suggestions apart."""
    f = open_chair()
    s = f.section("presidium")
    if all_of_them:
        put(s, "motions_converted", "议案转为建议", 5, "件", refs("cases.Case", 1, 5),
            ("作为建议", "转为建议"))  # fmt: skip
    else:
        put(s, "motions_registered", "议案立案", 2, "件", refs("cases.Case", 1, 2), ("立案",))
        put(s, "motions_converted", "议案转为建议", 3, "件", refs("cases.Case", 3, 3),
            ("作为建议", "转为建议"))  # fmt: skip
    put(s, "suggestions_own", "代表另行提出建议", 4, "件", refs("cases.Case", 6, 4), ("建议",))
    # As the registry counts them: every suggestion handled, converted motions included.
    put(s, "suggestions", "代表建议", 4 + (5 if all_of_them else 3), "件",
        refs("cases.Case", 6 - (5 if all_of_them else 3), 4 + (5 if all_of_them else 3)),
        ("建议",))  # fmt: skip
    return f


def long_logs() -> Facts:
    """The league secretary with a log of four entries in one portfolio (told entry by
    entry) and longer ones summed up field by field, with fields of one entry each."""
    f = personal_facts("league")
    y = f.year
    rows = {
        "驻村联络": [(f"{y}-03-22", "联系村改厕动员", "到东岭村召开群众会，动员农户参与改厕"),
                   (f"{y}-12-11", "改厕回访", "到东岭村回访改厕户，督促维修渗漏的化粪池")],
        "共青团工作": [(f"{y}-05-04", "五四青年节主题团日", "组织全镇团员开展主题团日活动"),
                    (f"{y}-06-21", "青年创业座谈会", "组织返乡创业青年座谈，收集贷款需求"),
                    (f"{y}-11-26", "团支部规范化建设", "指导村团支部整理组织关系"),
                    (f"{y}-07-18", "暑期留守儿童关爱活动", "到南湾村陪伴留守儿童"),
                    (f"{y}-10-13", "重阳节敬老活动", "到北坡村为独居老人打扫卫生")],
        "民政救助": [(f"{y}-09-09", "低保边缘家庭排查", "到西岭村入户排查低保边缘家庭"),
                   (f"{y}-05-13", "低保资金发放核对", "逐户核对低保资金发放记录"),
                   (f"{y}-11-14", "临时救助入户核实", "到南湾村入户核实临时救助申请"),
                   (f"{y}-05-26", "医疗救助资料审核", "审核大病患者医疗救助申请，补齐结算单据"),
                   (f"{y}-04-26", "危房改造对象评议", "组织西岭村召开评议会，评定危房改造对象")],
    }  # fmt: skip
    rows["志愿服务"] = [(f"{y}-03-05", "学雷锋志愿服务", "组织团员志愿者为孤寡老人理发"),
                    (f"{y}-06-01", "六一志愿活动", "组织志愿者陪伴留守儿童过节"),
                    (f"{y}-08-20", "青年志愿者招募", "在长集社区招募青年志愿者"),
                    (f"{y}-11-09", "消防志愿宣传", "组织青年志愿者进村讲解用火用电常识"),
                    (f"{y}-09-28", "国庆文艺演出排练", "组织村里年轻人排练文艺节目")]  # fmt: skip
    for i, (name, entries) in enumerate(rows.items()):
        s = f.section(f"portfolio:{name}")
        s.attributes.update(name=name, post="post:2" if name == "民政救助" else "post:1")
        s.records += [Record(f"ledger.WorkEntry:{700 + 10 * i + j}", matter, "工作记录",
                             date=day, detail=what) for j, (day, matter, what) in enumerate(entries)]  # fmt: skip
    return f


def single_personal() -> Facts:
    """One shortcoming of the person's own and one plan: no list is announced."""
    f = personal_facts("family_planning")
    f.section("plans").texts["shortcomings"] = ["深入计生特殊家庭走访不够"]
    return f


def bare_deputy() -> Facts:
    """A deputy who missed the session, with only recorded suggestions and no visits."""
    f = deputy_facts("刘卫东")
    f.attributes.pop("since")
    f.attributes.pop("info_officer")
    m = f.section("meetings")
    m.facts.pop("meetings.sessions_attended")
    for key in ("suggestion:3", "motion:1"):
        f.sections.pop(key)
    s = f.section("suggestions")
    s.facts.pop("suggestions.registered")
    s.facts.pop("suggestions.motions_joined")
    put(s, "submitted", "提出建议", 3, "件", refs("duty.DutyEntry", 20, 3), ("建议",))
    v = f.section("voters")
    v.facts.pop("voters.visits")
    put(v, "unsatisfied", "不满意", 2, "票", ("meetings.Rating:1",))
    f.section("plans").texts["plans"] = []
    return f


WAITING = "关于在村口设置公交站牌的建议"


def busy_deputy() -> Facts:
    """A deputy with every outcome of a proposal and shortcomings and plans of their own."""
    f = deputy_facts("周海燕")
    outcomes = [("redo", "", "关于维修渠道的议案"), ("handling", "yes", "关于村道拓宽的议案"),
                ("assigned", "", "关于增设公交的议案"), ("answered", "yes", "关于建设广场的议案")]  # fmt: skip
    for n, (outcome, lead, title) in enumerate(outcomes, start=10):
        sec = f.section(f"motion:{n}")
        sec.attributes.update(title=title, lead=lead, outcome=outcome, unit="农技站",
                              answer="已列入计划" if outcome == "answered" else "")  # fmt: skip
        put(sec, "record", title, 1, "件", (f"cases.Case:{n}",))
    sg = f.section("suggestion:20")
    sg.attributes.update(title="关于清理河道的建议", lead="yes", outcome="closed", unit="国土所",
                         answer="河道已清理", satisfaction="满意")  # fmt: skip
    put(sg, "record", "关于清理河道的建议", 1, "件", ("cases.Case:20",))
    joint = f.section("suggestion:21")
    joint.attributes.update(
        title="关于修建村级广场的建议", lead="", outcome="handling", unit="财政所"
    )
    put(joint, "record", "关于修建村级广场的建议", 1, "件", ("cases.Case:21",))
    basic = f.section("suggestion:22")
    basic.attributes.update(title="关于整修村级水塘的建议", lead="yes", outcome="closed",
                            unit="农技站", answer="水塘已清淤", satisfaction="基本满意")  # fmt: skip
    put(basic, "record", "关于整修村级水塘的建议", 1, "件", ("cases.Case:22",))
    waiting = f.section("suggestion:23")
    waiting.attributes.update(title=WAITING, lead="yes", outcome="registered", unit="", answer="")
    put(waiting, "record", WAITING, 1, "件", ("cases.Case:23",))
    f.section("activities").texts["named"].append("9月18日|调研|农村饮水安全")
    f.section("plans").texts["plans"] = ["多走访选民", "提高建议质量"]
    f.section("plans").texts["shortcomings"] = ["走访不够", "建议质量不高"]
    return f


PROFILES = {("presidium", "summary"): "presidium", ("presidium", "report"): "presidium"}
PROFILES |= {("personal", v): v for v in ("summary", "duty")} | {("deputy", ""): "summary"}

SAMPLE = [
    *[
        ("presidium", v, make)
        for v in ("summary", "report")
        for make in (presidium_facts, rich_presidium, sparse_presidium, closed_presidium)
    ],
    *[
        ("personal", v, make)
        for v in ("summary", "duty")
        for make in (
            lambda: personal_facts("investment"),
            lambda: personal_facts("league"),
            lambda: personal_facts("family_planning"),
            lambda: personal_facts("head"),
            lambda: personal_facts("chair"),
            open_chair,
            busy_head,
            long_logs,
            converted_chair,
            lambda: converted_chair(all_of_them=True),
            rich_personal,
            bare_personal,
        )
    ],
    *[("deputy", "", make) for make in (deputy_facts, bare_deputy, busy_deputy)],
]
