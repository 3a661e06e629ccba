"""Demo meetings and activities of 烽火乡 2025 (DOMAIN.md); loading twice changes nothing."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from taizhang.core.models import District
from taizhang.core.versioning import NEW
from taizhang.meetings import services
from taizhang.meetings.models import (
    Activity,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
)

T = "烽火乡"
REPORTS = [("政府工作报告", 52, 0, 1), ("财政工作报告", 51, 1, 1), ("主席团工作报告", 53, 0, 0)]
GROUP_TOPICS = [
    "学习代表法和地方组织法",
    "走访困难群众",
    "察看村级道路养护",
    "收集春耕生产意见",
    "座谈农村养老服务",
    "宣传信访工作条例",
]
PRESIDIUM_DATES = [(1, 10), (3, 18), (4, 10), (6, 5), (9, 12), (12, 20)]


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hh, mm)))


def demo_meeting(township, code: str, **values) -> Meeting:
    meeting = Meeting.objects.filter(code=code).first()
    return meeting or services.meeting_create(township=township, code=code, **values)


def demo_activity(township, code: str, participants, **values) -> Activity:
    activity = Activity.objects.filter(code=code).first()
    return activity or services.activity_create(
        township=township, code=code, participants=participants, **values
    )


def demo_mark(meeting: Meeting, deputy, status: str, reason: str = "") -> None:
    if Attendance.objects.filter(meeting=meeting, deputy=deputy).exists():
        return
    checked = (
        meeting.window_start
        if status == AttendanceStatus.PRESENT and meeting.window_start
        else None
    )
    Attendance.objects.create(
        meeting=meeting,
        deputy=deputy,
        status=status,
        reason=reason,
        checked_in_at=checked
        or (_at(meeting.date, 9) if status == AttendanceStatus.PRESENT else None),
        method="qr" if status == AttendanceStatus.PRESENT and meeting.window_start else "clerk",
    )


def _session(ctx, township, deputies) -> Meeting:
    day = date(ctx.year, 4, 21)
    session = demo_meeting(
        township,
        "FH-2025-RDH-07",
        kind="人代会",
        name="烽火乡第十四届人民代表大会第七次会议",
        date=day,
        term="第十四届",
        session="第七次",
        place="烽火乡人民政府三楼会议室",
        window_start=_at(day, 8, 0),
        window_end=_at(day, 9, 30),
    )
    on_leave = deputies[37]
    for d in deputies:
        if d.pk == on_leave.pk:
            demo_mark(session, d, "请假", "外出务工未能返乡")
        else:
            demo_mark(session, d, "出席")
    if not session.opened:
        services.meeting_open(meeting=session, expected_version=session.version)
    for seq, (title, yes, no, abstain) in enumerate(REPORTS, start=1):
        if not AgendaItem.objects.filter(meeting=session, seq=seq).exists():
            services.agenda_item_save(
                meeting=session,
                seq=seq,
                title=f"审议{title}",
                kind="报告",
                votes_for=yes,
                votes_against=no,
                votes_abstain=abstain,
                expected_version=NEW,
            )
    if not session.elections.exists():
        services.election_record(
            meeting=session,
            office="烽火乡人民代表大会主席团成员（补选）",
            candidates=[(deputies[3].person.name, 50), (deputies[11].person.name, 21)],
            expected_version=NEW,
        )
    if not session.working_groups.exists():
        secretary = ctx.people["renda_secretary"]
        chairman = ctx.people["chairman"]
        plans = {
            "材料组": (secretary, ["起草主席团工作报告", "印制大会文件"]),
            "会务组": (chairman, ["布置会场", "组织代表报到签到"]),
            "后勤组": (None, ["安排代表食宿", "会场安全保障"]),
        }
        for name, (leader, tasks) in plans.items():
            group = services.working_group_save(
                meeting=session, name=name, leader=leader, expected_version=NEW
            )
            for title in tasks:
                task = services.working_task_add(group=group, title=title, owner=leader)
                services.working_task_toggle(task=task, expected_version=task.version)
    if not session.minutes:
        services.minutes_save(
            meeting=session,
            minutes=(
                "会议应到代表54名，实到53名，符合法定人数。会议听取并审议通过了政府工作报告、"
                "财政工作报告和主席团工作报告，补选了主席团成员。"
            ),
            expected_version=session.version,
        )
    return session


def _group_meetings(ctx, township, deputies) -> None:
    groups = sorted({d.group for d in deputies if d.group_id}, key=lambda g: g.name)
    for gi, group in enumerate(groups):
        quarters = (1, 2, 3) if gi == 0 else (1, 2, 3, 4)  # the first group skipped Q4
        for q in quarters:
            day = date(ctx.year, 3 * q - 1, 10 + gi)
            meeting = demo_meeting(
                township,
                f"FH-2025-XZ-{gi + 1}-{q}",
                kind="代表小组会议",
                name=f"{group.name}{q}季度小组会议",
                date=day,
                group=group,
                place="村委会会议室",
            )
            for i, d in enumerate(deputies):
                if d.group_id != group.pk:
                    continue
                demo_mark(meeting, d, "缺席" if (i + q) % 7 == 0 else "出席")


def _presidium_meetings(ctx, township) -> None:
    for n, (month, day) in enumerate(PRESIDIUM_DATES, start=1):
        demo_meeting(
            township,
            f"FH-2025-ZXT-{n}",
            kind="主席团会议",
            name=f"烽火乡人大主席团{ctx.year}年第{n}次会议",
            date=date(ctx.year, month, day),
            place="人大主席办公室",
        )


def demo_opinions(activity: Activity, titles: list[str], unit=None) -> None:
    from taizhang.meetings.selectors import activity_opinions

    have = activity_opinions(activity)["assigned"]
    for title in titles[have:]:
        services.opinion_record(activity=activity, title=title, unit=unit)


def _activities(ctx, township, deputies) -> None:
    year = ctx.year
    demo_activity(
        township,
        "FH-2025-HD-01",
        deputies[:40],
        kind="代表小组活动",
        topic="如何撰写议案和建议专题学习",
        date=date(year, 5, 20),
        summary="邀请县人大常委会工委同志讲解议案建议的撰写要求和常见问题。",
    )
    clinic = ctx.stations[(T, "卫生院")]
    evaluation = demo_activity(
        township,
        "FH-2025-HD-02",
        deputies[:28],
        kind="站所评议",
        topic="乡卫生院工作评议",
        date=date(year, 6, 16),
        unit=clinic,
        summary="评议组听取卫生院工作汇报，走访群众，开展满意度测评。",
    )
    if not evaluation.ratings.exists():  # a second demo load changes nothing
        services.rating_save(
            activity=evaluation,
            subject_unit=clinic,
            satisfied=19,
            basic=7,
            unsatisfied=2,
            expected_version=NEW,
        )
    demo_opinions(
        evaluation,
        [
            "门诊候诊时间偏长，建议优化挂号流程",
            "部分药品短缺，建议完善药品供应",
            "建议加强夜间值班力量",
        ],
    )
    district = District.objects.get(township=township, name="第33选区")
    local = [d for d in deputies if d.district_id == district.pk] or deputies[20:21]
    report_back = demo_activity(
        township,
        "FH-2025-HD-03",
        local,
        kind="述职测评",
        topic="代表向第33选区选民述职",
        date=date(year, 11, 18),
        district=district,
        summary="代表向选民报告履职情况，选民进行满意度测评。",
    )
    for d in local if not report_back.ratings.exists() else []:
        services.rating_save(
            activity=report_back,
            subject_deputy=d,
            satisfied=41,
            basic=6,
            unsatisfied=1,
            expected_version=NEW,
        )
    inspection = demo_activity(
        township,
        "FH-2025-HD-04",
        deputies[10:31],
        kind="视察",
        topic="农村人居环境和乡村建设专题视察",
        date=date(year, 12, 8),
        unit=township,
        summary="视察组实地察看村庄道路、改厕和垃圾收运设施。",
    )
    demo_opinions(inspection, ["部分村组道路养护不到位", "农村垃圾收运不及时"], unit=township)
    groups = sorted({d.group for d in deputies if d.group_id}, key=lambda g: g.name)
    for gi, group in enumerate(groups):
        members = [d for d in deputies if d.group_id == group.pk]
        for n in range(2 + gi):  # groups hold 2 to 5 activities: some deputies fall behind
            demo_activity(
                township,
                f"FH-2025-XZHD-{gi + 1}-{n + 1}",
                members,
                kind="代表小组活动",
                topic=GROUP_TOPICS[(gi + n) % len(GROUP_TOPICS)],
                date=date(year, 3 + 2 * n, 15 + gi),
            )
    demo_activity(
        township,
        "FH-2025-HD-05",
        deputies[::3],
        kind="走访选民",
        topic="代表进村入户走访选民",
        date=date(year, 9, 6),
    )


def load(ctx) -> None:
    """Add 烽火乡's 2025 meetings and activities."""
    township = ctx.townships[T]
    deputies = [d for d in ctx.deputies[T] if d.in_office(date(ctx.year, 4, 21))]
    _session(ctx, township, deputies)
    demo_meeting(
        township,
        "FH-2025-JBH-01",
        kind="交办会",
        name="代表议案建议交办会",
        date=date(ctx.year, 4, 25),
        place="烽火乡人民政府三楼会议室",
    )
    _presidium_meetings(ctx, township)
    _group_meetings(ctx, township, deputies)
    _activities(ctx, township, deputies)
    from taizhang.meetings import demo_more

    demo_more.fenghuo_extras(ctx, township, deputies)
    demo_more.changji(ctx)
