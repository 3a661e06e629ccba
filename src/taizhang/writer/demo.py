"""Example Facts mirroring the demo county (DOMAIN.md), used by tests, bench and docs."""

from __future__ import annotations

from .facts import Fact, Facts, FactSection, Number


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


def presidium_facts(township: str = "烽火乡", year: int = 2025) -> Facts:
    """Return the 烽火乡 presidium year as Facts."""
    f = Facts(kind="presidium", subject=township, year=year)
    f.attributes.update(township=township, document_date=f"{year}-12-28")
    plan = f.section("plan")
    plan.texts["points"] = ["开好人代会", "抓好代表小组活动", "组织工作评议和专题视察"]
    plan.texts["purposes"] = ["代表培训", "视察调研", "代表小组活动"]
    put(plan, "presidium_meetings", "主席团会议", 6, "次", refs("meetings.Meeting", 100, 6))
    put(plan, "budget_spent", "人大工作经费", 10000, "元", refs("duty.BudgetItem", 1, 7))
    s = f.section("session")
    s.attributes.update(
        session_name="第十四届人民代表大会第七次会议",
        session_date=f"{year}-04-21",
        assignment_meeting_date=f"{year}-04-25",
    )
    s.texts["reports"] = ["政府工作报告", "财政工作报告", "主席团工作报告"]
    put(s, "expected", "应到代表", 54, "名", refs("meetings.Attendance", 1, 54), ("应到",))
    put(s, "present", "实到代表", 53, "名", refs("meetings.Attendance", 1, 53), ("实到",))
    put(s, "reports_approved", "审议通过报告", 3, "项", refs("meetings.AgendaItem", 1, 3))
    put(s, "motions_received", "收到议案", 5, "件", refs("cases.Case", 1, 5), ("议案",))
    put(s, "motions_registered", "立案", 1, "件", refs("cases.Case", 1, 1), ("立案",))
    put(s, "motions_converted", "作为建议处理", 4, "件", refs("cases.Case", 2, 4))
    put(s, "motions_closed", "办结", 1, "件", refs("cases.Case", 1, 1), ("办结",))
    g = f.section("group:1")
    g.attributes.update(date=f"{year}-05-20", topic="如何撰写议案和建议", activity="专题学习")
    put(g, "participants", "参加代表", 0, "名")  # not recorded: must produce no clause
    e = f.section("evaluation:1")
    e.attributes.update(date=f"{year}-06-16", unit="乡卫生院")
    put(e, "deputies", "参加评议代表", 28, "名", refs("meetings.Participant", 1, 28))
    put(e, "opinions", "评议意见", 3, "条", refs("cases.Case", 20, 3))
    r = f.section("report_back:1")
    r.attributes.update(date=f"{year}-11-18", district="第33选区")
    i = f.section("inspection:1")
    i.attributes.update(date=f"{year}-12-08", topic="农村人居环境和乡村建设")
    put(i, "deputies", "参加视察代表", 21, "名", refs("meetings.Participant", 40, 21))
    put(i, "opinions", "视察意见", 2, "条", refs("cases.Case", 30, 2))
    p = f.section("petitions")
    put(p, "officers", "信访信息员", 21, "名", refs("people.Deputy", 1, 21))
    p.texts["typical_case"] = [
        "某村一户群众因高速公路建设搬迁，反映宅基地划分问题，信访信息员及时了解情况并上报，"
        "经村、乡两级共同调解，约一个月后双方达成一致，矛盾得到妥善化解"
    ]
    pub = f.section("publicity")
    put(pub, "pieces", "人大工作信息", 12, "篇", refs("duty.Publicity", 1, 12))
    put(pub, "province", "省级采用", 1, "篇", refs("duty.Publicity", 1, 1))
    put(pub, "city", "市级采用", 1, "篇", refs("duty.Publicity", 2, 1))
    pl = f.section("plans")
    pl.texts["shortcomings"] = ["代表小组活动的形式还不够丰富", "监督工作的深度和实效有待加强"]
    pl.texts["plans"] = [
        "认真筹备开好下一次人代会",
        "加强代表学习培训，提高代表履职能力",
        "持续跟踪评议和视察意见的整改落实",
    ]
    return f
