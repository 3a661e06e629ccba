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


def _person(name: str, post: str, year: int) -> Facts:
    f = Facts(kind="personal", subject=name, year=year)
    f.attributes.update(
        name=name,
        unit="长集镇人民政府",
        township="长集镇",
        post=post,
        document_date=f"{year}-12-26",
    )
    return f


def personal_facts(who: str = "investment", year: int = 2025) -> Facts:
    """Return one 长集镇 cadre's year: "investment", "league" or "family_planning"."""
    if who == "investment":
        f = _person("李明远", "副镇长", year)
        f.attributes["since"] = f"{year - 2}-06-01"
        st = f.section("study")
        put(st, "trainings", "参加培训", 4, "次", refs("meetings.Participant", 500, 4))
        put(st, "study_sessions", "集中学习", 12, "次", refs("meetings.Participant", 520, 12))
        st.texts["topics"] = ["党的路线方针政策", "招商引资和项目建设业务知识"]
        p = f.section("portfolio:招商引资")
        p.attributes["name"] = "招商引资"
        put(p, "projects", "招商项目", 5, "个", refs("ledger.Project", 1, 5))
        put(p, "funds_intended", "意向投资", 80_000_000, "元", refs("ledger.Project", 1, 5))
        put(p, "funds_arrived", "到位资金", 35_000_000, "元", refs("ledger.Project", 1, 5))
        p.texts["highlights"] = ["坚持领导包项目、专人跟进服务，协调解决用地、用电等问题"]
        r = f.section("portfolio:交通建设")
        r.attributes["name"] = "交通建设"
        put(r, "roads", "新修村组道路", 63, "公里", refs("ledger.WorkEntry", 10, 9))
        o = f.section("portfolio:油坊产业")
        o.attributes["name"] = "油坊产业"
        put(o, "mills", "发展油坊", 50, "家", refs("ledger.Enterprise", 1, 50))
        put(o, "soybeans", "加工大豆", 32_000, "吨", refs("ledger.WorkEntry", 30, 12))
        put(o, "output", "产值", 130_000_000, "元", refs("ledger.WorkEntry", 30, 12))
        cs = f.section("cases")
        put(cs, "handled", "受理事项", 0, "件")
        f.section("integrity").texts["text"] = [
            "严格执行中央八项规定精神，不接受项目单位的宴请和礼品",
            "在项目审批和资金使用中坚持按程序办事",
        ]
        f.section("plans").texts["plans"] = ["盯紧在谈项目，力争更多项目落地开工"]
        return f
    if who == "league":
        f = _person("王晓燕", "团委书记", year)
        st = f.section("study")
        put(st, "trainings", "参加培训", 2, "次", refs("meetings.Participant", 600, 2))
        cs = f.section("cases")
        cs.attributes["unit"] = "民政办"
        cs.texts["kinds"] = ["低保审核", "临时救助", "危房改造"]
        put(cs, "handled", "受理事项", 36, "件", refs("cases.Case", 200, 36))
        put(cs, "closed", "办结事项", 34, "件", refs("cases.Case", 200, 34))
        put(cs, "on_time", "按时办结", 32, "件", refs("cases.Case", 200, 32))
        put(cs, "overdue", "超期事项", 2, "件", refs("cases.Case", 232, 2))
        v = f.section("portfolio:村级联系")
        v.attributes["name"] = "驻村联系"
        put(v, "houses", "完成危房改造", 45, "户", refs("ledger.WorkEntry", 100, 45))
        put(v, "sheds", "新建牛棚", 18, "座", refs("ledger.WorkEntry", 150, 18))
        put(v, "toilets", "改建厕所", 18, "座", refs("ledger.WorkEntry", 170, 18))
        m = f.section("meetings")
        put(m, "meetings", "参加会议", 24, "次", refs("meetings.Attendance", 900, 24))
        put(m, "activities", "参加活动", 0, "次")
        f.section("plans").texts["shortcomings"] = ["深入群众调查研究不够"]
        return f
    f = _person("赵建国", "副镇长", year)
    p = f.section("portfolio:计划生育")
    p.attributes["name"] = "人口和计划生育"
    i = f.section("indicator:计划生育考核")
    i.attributes.update(name="人口和计划生育目标管理考核", portfolio="人口和计划生育")
    put(i, "rank", "全县排名", 3, "位", refs("ledger.Ranking", 7, 1))
    put(i, "rank_change", "排名变化", 23, "位", refs("ledger.Ranking", 6, 2))
    f.section("integrity").texts["text"] = ["自觉遵守廉洁从政各项规定"]
    return f


def deputy_facts(name: str = "陈桂兰", year: int = 2025) -> Facts:
    """Return one 烽火乡 deputy's duty record as Facts."""
    f = Facts(kind="deputy", subject=name, year=year)
    f.attributes.update(
        name=name,
        township="烽火乡",
        term="第十四届",
        district="第33选区",
        document_date=f"{year}-11-18",
    )
    m = f.section("meetings")
    put(m, "sessions_attended", "出席人代会", 1, "次", refs("meetings.Attendance", 7, 1))
    put(m, "sessions_expected", "应出席人代会", 1, "次", refs("meetings.Meeting", 7, 1))
    put(m, "group_meetings", "代表小组会议", 4, "次", refs("meetings.Attendance", 300, 4))
    put(m, "group_meetings_required", "小组会议年度要求", 4, "次", ("duty.Quota:1",))
    a = f.section("activities")
    put(a, "inspections", "专题视察", 1, "次", refs("meetings.Participant", 45, 1))
    put(a, "evaluations", "工作评议", 1, "次", refs("meetings.Participant", 5, 1))
    put(a, "research", "调研", 0, "次")
    put(a, "group_activities", "代表小组活动", 2, "次", refs("meetings.Participant", 80, 2))
    s = f.section("suggestions")
    s.texts["topics"] = ["村组道路维修", "农村饮水安全"]
    put(s, "submitted", "提出建议", 2, "件", refs("cases.Case", 3, 2))
    put(s, "motions_joined", "联名议案", 1, "件", refs("cases.Case", 1, 1))
    put(s, "answered", "已答复", 2, "件", refs("cases.Case", 3, 2))
    put(s, "satisfied", "满意", 2, "件", refs("cases.Case", 3, 2))
    d = f.section("duties")
    put(d, "visits", "走访选民", 12, "次", refs("duty.DutyEntry", 1, 12))
    put(d, "reflections", "撰写社情民意", 2, "篇", refs("duty.DutyEntry", 13, 2))
    put(d, "reflections_required", "年度要求", 2, "篇", ("duty.Quota:2",))
    put(d, "households_helped", "结对帮扶困难户", 3, "户", refs("duty.DutyEntry", 15, 3))
    f.section("plans").texts["plans"] = ["继续当好信访信息员，把矛盾化解在村里"]
    return f
