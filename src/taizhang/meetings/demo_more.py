"""Demo meetings and activities beyond DOMAIN.md's figures: 长集镇's year, 烽火乡's extras."""

from __future__ import annotations

from datetime import date

from taizhang.core.models import District
from taizhang.core.versioning import NEW
from taizhang.meetings import services
from taizhang.meetings.demo import (
    GROUP_TOPICS,
    demo_activity,
    demo_mark,
    demo_meeting,
    demo_opinions,
)
from taizhang.meetings.models import AgendaItem

T = "长集镇"
REPORTS = [("政府工作报告", 36, 0, 1), ("财政工作报告", 35, 1, 1), ("主席团工作报告", 37, 0, 0)]


def _report_back(township, code: str, district_name: str, day: date, deputies, votes) -> None:
    """A report-back in one district: its deputies take part and each is rated."""
    district = District.objects.filter(township=township, name=district_name).first()
    local = [d for d in deputies if district and d.district_id == district.pk]
    if district is None or not local:
        return
    activity = demo_activity(
        township,
        code,
        local,
        kind="述职测评",
        topic=f"代表向{district_name}选民述职",
        date=day,
        district=district,
        summary="代表报告一年来参加会议、提出建议和联系选民的情况，选民当场测评。",
    )
    if not activity.ratings.exists():
        for d in local:
            services.rating_save(activity=activity, subject_deputy=d, satisfied=votes[0],
                                 basic=votes[1], unsatisfied=votes[2], expected_version=NEW)  # fmt: skip


def fenghuo_extras(ctx, township, deputies) -> None:
    """烽火乡: a water-supply inspection and report-backs in the two showcase districts."""
    inspection = demo_activity(
        township,
        "FH-2025-HD-07",
        deputies[0:18],
        kind="调研",
        topic="农村饮水安全工程专题调研",
        date=date(ctx.year, 9, 18),
        unit=ctx.stations[("烽火乡", "农技站")],
        summary="调研组察看了新田村、马鞍村的集中供水点，听取农技站情况汇报。",
    )
    demo_opinions(inspection, ["部分村供水管网老化漏水", "农村饮水水质检测频次偏低"])
    law = demo_activity(
        township,
        "FH-2025-HD-10",
        deputies[20:36],
        kind="执法检查",
        topic="农村土地承包法执法检查",
        date=date(ctx.year, 10, 14),
        unit=ctx.stations[("烽火乡", "国土所")],
        summary="检查组查阅土地流转合同，走访承包户，听取国土所情况汇报。",
    )
    demo_opinions(law, ["部分土地流转合同不规范", "承包经营权证发放不及时"])
    shown = ctx.deputies["烽火乡"]
    for code, deputy, day, votes in (
        ("FH-2025-HD-08", shown[5], date(ctx.year, 11, 20), (44, 5, 0)),
        ("FH-2025-HD-09", shown[6], date(ctx.year, 11, 22), (39, 7, 1)),
    ):
        _report_back(township, code, deputy.district.name, day, deputies, votes)


def _session(ctx, township, deputies) -> None:
    day = date(ctx.year, 3, 26)
    session = demo_meeting(
        township,
        "CJ-2025-RDH-07",
        kind="人代会",
        name="长集镇第十四届人民代表大会第七次会议",
        date=day,
        term="第十四届",
        session="第七次",
        place="长集镇人民政府二楼会议室",
    )
    away = {deputies[13].pk, deputies[27].pk, deputies[34].pk}
    for d in deputies:
        demo_mark(
            session, d, "请假" if d.pk in away else "出席", "外出务工" if d.pk in away else ""
        )
    if not session.opened:
        services.meeting_open(meeting=session, expected_version=session.version)
    for seq, (title, yes, no, abstain) in enumerate(REPORTS, start=1):
        if not AgendaItem.objects.filter(meeting=session, seq=seq).exists():
            services.agenda_item_save(meeting=session, seq=seq, title=f"审议{title}", kind="报告",
                                      votes_for=yes, votes_against=no, votes_abstain=abstain, expected_version=NEW)  # fmt: skip
    if not session.elections.exists():
        services.election_record(
            meeting=session,
            office="长集镇人民代表大会主席团成员（补选）",
            candidates=[(deputies[4].person.name, 35), (deputies[9].person.name, 2)],
            expected_version=NEW,
        )


def _changji_activities(ctx, township, deputies) -> None:
    year = ctx.year
    demo_activity(township, "CJ-2025-HD-01", deputies[:32], kind="学习培训",
              topic="代表依法履职专题培训", date=date(year, 5, 12),
              summary="请县人大常委会代表工委同志讲解代表建议的提出和督办。")  # fmt: skip
    oil = demo_activity(
        township,
        "CJ-2025-HD-02",
        deputies[2:20],
        kind="视察",
        topic="油坊产业发展专题视察",
        date=date(year, 7, 15),
        unit=ctx.stations[("长集镇", "农技站")],
        summary="视察组走访油坊专业合作社和部分油坊，听取产业发展情况汇报。",
    )
    demo_opinions(oil, ["油坊废水处理设施不足", "大豆收购价格信息发布不及时"])
    grain = demo_activity(
        township,
        "CJ-2025-HD-07",
        deputies[10:26],
        kind="调研",
        topic="秋粮收购和储存专题调研",
        date=date(year, 9, 24),
        unit=ctx.stations[("长集镇", "财政所")],
        summary="调研组走访收购点和种粮大户，了解秋粮收购价格和储存条件。",
    )
    demo_opinions(grain, ["部分收购点烘干能力不足", "种粮大户贷款渠道不畅"])
    law = demo_activity(
        township,
        "CJ-2025-HD-08",
        deputies[20:36],
        kind="执法检查",
        topic="农产品质量安全法执法检查",
        date=date(year, 6, 24),
        unit=ctx.stations[("长集镇", "农技站")],
        summary="检查组走访农资门店和农产品收购点，查阅进货台账和检测记录。",
    )
    demo_opinions(law, ["部分农资门店进货台账不全", "农产品快速检测设备使用率低"])
    demo_activity(township, "CJ-2025-HD-10", deputies[:30], kind="代表小组活动",
              topic="代表建议撰写专题学习", date=date(year, 8, 28),
              summary="邀请县人大常委会工委同志结合本镇的建议讲解怎样把建议写具体、写准确。")  # fmt: skip
    demo_activity(township, "CJ-2025-HD-11", deputies[:28], kind="学习培训",
              topic="预算审查监督专题培训", date=date(year, 11, 6),
              summary="请县人大常委会预算工委同志讲解乡镇预算草案的审查重点和方法。")  # fmt: skip
    clinic = ctx.stations[("长集镇", "卫生院")]
    health = demo_activity(
        township,
        "CJ-2025-HD-09",
        deputies[18:38],
        kind="站所评议",
        topic="镇卫生院工作评议",
        date=date(year, 6, 10),
        unit=clinic,
        summary="评议组到卫生院和村卫生室查看服务台账，走访慢病患者家庭，开展满意度测评。",
    )
    if not health.ratings.exists():
        services.rating_save(activity=health, subject_unit=clinic, satisfied=14, basic=5,
                             unsatisfied=1, expected_version=NEW)  # fmt: skip
    demo_opinions(health, ["乡村医生上门随访不够", "慢病常用药品配备不全"])
    police = ctx.stations[("长集镇", "派出所")]
    evaluation = demo_activity(
        township,
        "CJ-2025-HD-03",
        deputies[:22],
        kind="站所评议",
        topic="镇派出所工作评议",
        date=date(year, 10, 20),
        unit=police,
        summary="评议组走访群众、查看户籍窗口服务台账，开展满意度测评。",
    )
    if not evaluation.ratings.exists():
        services.rating_save(activity=evaluation, subject_unit=police, satisfied=16, basic=5,
                             unsatisfied=1, expected_version=NEW)  # fmt: skip
    demo_opinions(evaluation, ["户籍窗口午间不办理业务", "集镇夜间巡逻不够"])
    demo_activity(township, "CJ-2025-HD-04", deputies[::2], kind="走访选民",
              topic="代表进村入户走访选民", date=date(year, 8, 22))  # fmt: skip
    groups = sorted({d.group for d in deputies if d.group_id}, key=lambda g: g.name)
    for gi, group in enumerate(groups):
        members = [d for d in deputies if d.group_id == group.pk]
        for n in range(4):
            demo_activity(township, f"CJ-2025-XZHD-{gi + 1}-{n + 1}", members, kind="代表小组活动",
                      topic=GROUP_TOPICS[(gi + 2 * n) % len(GROUP_TOPICS)],
                      date=date(year, 2 + 3 * n, 12 + gi))  # fmt: skip
        for q in (1, 2, 3, 4):
            meeting = demo_meeting(township, f"CJ-2025-XZ-{gi + 1}-{q}", kind="代表小组会议",
                               name=f"{group.name}{q}季度小组会议", group=group,
                               date=date(year, 3 * q - 1, 20 + gi), place="村委会会议室")  # fmt: skip
            for i, d in enumerate(members):
                demo_mark(meeting, d, "缺席" if (i + q) % 9 == 0 else "出席")
    shown = ctx.deputies[T]
    for code, deputy, day, votes in (
        ("CJ-2025-HD-05", shown[1], date(year, 11, 25), (38, 4, 0)),
        ("CJ-2025-HD-06", shown[2], date(year, 11, 27), (35, 6, 1)),
    ):
        _report_back(township, code, deputy.district.name, day, deputies, votes)


def _chairman(ctx, township) -> None:
    """长集镇's 人大主席 (a deputy, as in 烽火乡): reports to the session, keeps liaison."""
    from taizhang.people.models import CadrePost

    person = ctx.deputies[T][0].person
    CadrePost.objects.get_or_create(
        person=person, unit=township, title="人大主席", start=date(2021, 10, 20),
        defaults={"portfolios": ["人大工作"]},
    )  # fmt: skip
    ctx.people["chairman_changji"] = person


def changji(ctx) -> None:
    """长集镇's 2025: session, presidium meetings, assignment meeting, activities."""
    township = ctx.townships[T]
    _chairman(ctx, township)
    deputies = [d for d in ctx.deputies[T] if d.in_office(date(ctx.year, 3, 26))]
    _session(ctx, township, deputies)
    demo_meeting(township, "CJ-2025-JBH-01", kind="交办会", name="代表议案建议交办会",
             date=date(ctx.year, 3, 31), place="长集镇人民政府二楼会议室")  # fmt: skip
    for n, (month, day) in enumerate([(1, 15), (3, 12), (6, 18), (9, 10), (12, 16)], start=1):
        demo_meeting(township, f"CJ-2025-ZXT-{n}", kind="主席团会议",
                 name=f"长集镇人大主席团{ctx.year}年第{n}次会议", date=date(ctx.year, month, day),
                 place="人大主席办公室")  # fmt: skip
    _changji_activities(ctx, township, deputies)
