"""Every demo document of every kind and variant, for the writer tests."""

from __future__ import annotations

from taizhang.writer import compose_document as compose
from taizhang.writer.demo import (
    case_parts,
    deputy_facts,
    personal_facts,
    presidium_facts,
    put,
    refs,
)
from taizhang.writer.facts import Facts, Record
from taizhang.writer.model import Document

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
    """The demo year with ratings, petitions by tier, publicity by level and liaison."""
    f = presidium_facts()
    put(
        f.section("group:1"),
        "participants",
        "参加代表",
        30,
        "名",
        refs("meetings.Participant", 300, 30),
    )
    e = f.section("evaluation:1")
    put(e, "satisfied", "满意", 20, "票", ("meetings.Vote:1",))
    put(e, "basically_satisfied", "基本满意", 6, "票", ("meetings.Vote:2",))
    put(e, "unsatisfied", "不满意", 2, "票", ("meetings.Vote:3",))
    put(e, "rectified", "整改落实", 2, "条", refs("cases.Case", 20, 2))
    r = f.section("report_back:1")
    put(r, "deputies", "述职代表", 5, "名", refs("meetings.Participant", 500, 5))
    put(r, "voters", "参加选民", 80, "名", refs("meetings.Participant", 600, 80))
    put(r, "satisfied", "满意", 60, "票", ("meetings.Vote:11",))
    put(r, "basically_satisfied", "基本满意", 15, "票", ("meetings.Vote:12",))
    put(r, "unsatisfied", "不满意", 5, "票", ("meetings.Vote:13",))
    put(r, "opinions", "选民意见", 9, "条", refs("cases.Case", 700, 9))
    put(f.section("inspection:1"), "rectified", "已落实", 1, "条", refs("cases.Case", 30, 1))
    put(f.section("session"), "motions_satisfied", "满意", 1, "件", ("cases.Case:1",))
    p = f.section("petitions")
    put(p, "received", "受理信访", 14, "件", refs("cases.Case", 800, 14), ("信访",))
    put(p, "received_village", "村级受理", 9, "件", refs("cases.Case", 800, 9), ("村级",))
    put(p, "received_township", "乡级受理", 5, "件", refs("cases.Case", 809, 5), ("乡级",))
    put(p, "settled_in_village", "在村化解", 8, "件", refs("cases.Case", 800, 8), ("在村", "化解"))
    put(p, "closed_on_time", "按期办结", 12, "件", refs("cases.Case", 800, 12), ("按期",))
    pub = f.section("publicity")
    put(pub, "county", "县级采用", 6, "篇", refs("duty.Publicity", 3, 6))
    put(pub, "website_updates", "网站更新", 20, "次", refs("duty.Publicity", 30, 20))
    put(f.section("liaison"), "visits", "走访代表", 40, "人次", refs("duty.DutyEntry", 1, 40))
    return f


def sparse_presidium() -> Facts:
    """A town with no session date, unnamed participants and a single plan item."""
    f = presidium_facts("长集镇")
    f.section("session").attributes.pop("session_date")
    f.section("session").texts["reports"] = []
    f.section("evaluation:1").facts.pop("evaluation:1.deputies")
    f.section("inspection:1").facts.pop("inspection:1.deputies")
    f.section("plans").texts["plans"] = ["认真筹备开好下一次人代会"]
    f.section("plans").texts["shortcomings"] = []  # only the data point on open motions
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
    return f


def single_personal() -> Facts:
    """One shortcoming of the person's own and one plan: no list is announced."""
    f = personal_facts("family_planning")
    f.section("plans").texts["shortcomings"] = ["深入计生特殊家庭走访不够"]
    return f


def bare_deputy() -> Facts:
    """A deputy without a term, an expected count or own plans."""
    f = deputy_facts("刘卫东")
    f.attributes.pop("term")
    f.section("meetings").facts.pop("meetings.sessions_expected")
    a = f.section("activities")
    put(a, "research", "调研", 2, "次", refs("meetings.Participant", 90, 2))
    put(a, "trainings", "培训", 1, "次", refs("meetings.Participant", 95, 1))
    f.section("plans").texts["plans"] = []
    return f


def busy_deputy() -> Facts:
    """A deputy with several shortcomings and plans of their own."""
    f = deputy_facts("周海燕")
    f.section("plans").texts["plans"] = ["多走访选民", "提高建议质量"]
    f.section("plans").texts["shortcomings"] = ["走访不够", "建议质量不高"]
    return f


PROFILES = {("presidium", "summary"): "presidium", ("presidium", "report"): "presidium"}
PROFILES |= {("personal", v): v for v in ("summary", "duty")} | {("deputy", ""): "summary"}

SAMPLE = [
    *[
        ("presidium", v, make)
        for v in ("summary", "report")
        for make in (presidium_facts, rich_presidium, sparse_presidium)
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
            rich_personal,
            bare_personal,
        )
    ],
    *[("deputy", "", make) for make in (deputy_facts, bare_deputy, busy_deputy)],
]
