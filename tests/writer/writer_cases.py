"""Every demo document of every kind and variant, for the writer tests."""

from __future__ import annotations

from taizhang.writer import compose_document as compose
from taizhang.writer.demo import deputy_facts, personal_facts, presidium_facts, put, refs
from taizhang.writer.facts import Facts
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
    """The investment cadre with an indicator that fell, overdue cases and meetings."""
    f = personal_facts("investment")
    p = f.section("portfolio:招商引资")
    put(p, "area", "占地", 120, "亩", refs("ledger.Project", 1, 5))
    put(p, "output", "产值", 50_000_000, "元", refs("ledger.Project", 1, 5))
    put(p, "taxes", "税收", 3_000_000, "元", refs("ledger.Project", 1, 5))
    i = f.section("indicator:招商考核")
    i.attributes.update(name="招商引资目标考核", portfolio="招商引资")
    put(i, "target", "目标任务", 100_000_000, "元", ("ledger.Indicator:1",))
    put(i, "actual", "完成", 80_000_000, "元", ("ledger.Indicator:1",))
    put(i, "rank", "全县排名", 5, "位", ("ledger.Ranking:1",), ("排名",))
    put(i, "rank_change", "排名变化", -2, "位", ("ledger.Ranking:2",), ("排名",))
    cs = f.section("cases")
    cs.attributes["unit"] = "党政办"
    cs.texts["kinds"] = ["项目服务", "用地协调"]
    put(cs, "handled", "受理事项", 20, "件", refs("cases.Case", 200, 20), ("事项",))
    put(cs, "closed", "办结事项", 18, "件", refs("cases.Case", 200, 18), ("办结",))
    put(cs, "on_time", "按时办结", 17, "件", refs("cases.Case", 200, 17), ("按期",))
    put(cs, "satisfied", "满意", 15, "件", refs("cases.Case", 200, 15), ("满意",))
    put(cs, "overdue", "超期事项", 1, "件", refs("cases.Case", 219, 1), ("超期",))
    m = f.section("meetings")
    put(m, "meetings", "参加会议", 30, "次", refs("meetings.Attendance", 900, 30), ("会议",))
    put(m, "activities", "参加活动", 8, "次", refs("meetings.Activity", 10, 8), ("活动",))
    m.texts["names"] = ["项目推进会", "招商工作调度会"]
    f.section("plans").texts["plans"] = ["盯紧在谈项目", "做好项目跟踪服务"]
    return f


def bare_personal() -> Facts:
    """A cadre with no portfolio: an indicator of its own, cases without a unit."""
    f = personal_facts("family_planning")
    f.sections.pop("portfolio:计划生育")
    i = f.section("indicator:计划生育考核")
    i.attributes.pop("portfolio")
    cs = f.section("cases")
    put(cs, "handled", "受理事项", 6, "件", refs("cases.Case", 300, 6), ("事项",))
    put(cs, "overdue", "超期事项", 1, "件", refs("cases.Case", 305, 1), ("超期",))
    f.section("plans").texts["shortcomings"] = ["调查研究不够深入"]
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
            rich_personal,
            bare_personal,
        )
    ],
    *[("deputy", "", make) for make in (deputy_facts, bare_deputy, busy_deputy)],
]
