"""Sheets 会议, 出席, 议程, 活动, 测评."""

from __future__ import annotations

from django.utils import timezone

from taizhang.exchange.sheets.base import Col, RowError, SheetSpec
from taizhang.exchange.sheets.related import replace_links

MEETING_KINDS = ("人代会", "主席团会议", "代表小组会议", "交办会", "其他")
ACTIVITY_KINDS = ("视察", "调研", "执法检查", "站所评议", "述职测评", "学习培训", "代表小组活动",
                  "走访选民", "其他")  # fmt: skip


def scoped(ctx, qs, township="township", year="date"):
    if ctx.user is not None:
        qs = qs.for_user(ctx.user)
    if ctx.township is not None:
        qs = qs.filter(**{township: ctx.township})
    if ctx.year:
        qs = qs.filter(**{f"{year}__year": ctx.year})
    return qs


def deputy_in_office(ctx, name, unit, township, day, column="姓名"):
    """Resolve a person among the township's deputies and check the mandate on ``day``."""
    only = {pid for pid, rows in ctx.deputies.items() if any(r[4] == township for r in rows)}
    person = ctx.person(name, unit, column=column, township=township, only=only)
    row = ctx.deputy_on(person, township, day, level=None)
    if row is None:
        raise RowError(column, f"“{name}”在{day.isoformat()}不是本乡镇在任代表")
    return row[0]


class MeetingSheet(SheetSpec):
    name = "会议"
    permission = "congress.edit"
    permission_text = "登记或修改会议"
    model_label = "meetings.Meeting"
    columns = [
        Col("编号", True, max_length=40, example="HY2025-01"),
        Col("乡镇", True, example="示例乡"),
        Col("类型", True, "enum", MEETING_KINDS, example="人代会"),
        Col("名称", True, example="第十四届人民代表大会第七次会议"),
        Col("日期", True, "date", example="2025-04-21"),
        Col("届次", max_length=20, example="第十四届"),
        Col("会次", max_length=20, example="第七次"),
        Col("地点", example="乡政府会议室"),
    ]
    key = ("code",)
    fields = ("township_id", "kind", "name", "date", "term", "session", "place")
    sources = {"term": "届次", "session": "会次", "place": "地点"}
    key_text = "编号"
    scope_field = ("township_id", "编号")

    def build(self, ctx, row, number):
        return {"code": row["编号"], "township_id": ctx.township_pk(row["乡镇"], "乡镇"),
                "kind": row["类型"], "name": row["名称"], "date": row["日期"],
                "term": row["届次"], "session": row["会次"], "place": row["地点"]}  # fmt: skip

    def after_write(self, ctx, planned, pks):
        ctx.invalidate("meetings")

    def export_rows(self, ctx):
        from taizhang.meetings.models import Meeting

        for m in (
            scoped(ctx, Meeting.objects.all())
            .order_by("date", "code")
            .values_list("code", "township_id", "kind", "name", "date", "term", "session", "place")
        ):
            yield [m[0], ctx.unit_text(m[1]), m[2], m[3], m[4].isoformat(), *m[5:]]


class AttendanceSheet(SheetSpec):
    name = "出席"
    permission = "congress.edit"
    permission_text = "登记会议出席"
    model_label = "meetings.Attendance"
    columns = [
        Col("会议编号", True, example="HY2025-01"),
        Col("姓名", True, example="王小明"),
        Col("所在单位", example="示例乡示例村"),
        Col("状态", True, "enum", ("出席", "请假", "缺席"), example="出席"),
        Col("签到时间", kind="datetime", example="2025-04-21 08:30"),
    ]
    key = ("meeting_id", "deputy_id")
    fields = ("status", "checked_in_at")
    sources = {"checked_in_at": "签到时间"}
    key_text = "会议+人员"

    def build(self, ctx, row, number):
        _, meeting, day, township = ctx.meeting(row["会议编号"], "会议编号")
        ctx.require_scope(township, "会议编号", f"会议“{row['会议编号']}”")
        deputy = deputy_in_office(ctx, row["姓名"], row["所在单位"], township, day)
        at = row["签到时间"]
        if at is not None:
            at = timezone.make_aware(at) if timezone.is_naive(at) else at
            if at > timezone.now():
                raise RowError("签到时间", "签到时间晚于当前时间")
        return {"meeting_id": meeting, "deputy_id": deputy, "status": row["状态"],
                "checked_in_at": at, "method": "import"}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.meetings.models import Attendance

        qs = scoped(ctx, Attendance.objects.all(), "meeting__township", "meeting__date")
        for code, person, status, at in qs.order_by("meeting__date", "meeting__code",
                                                    "deputy__person__name").values_list(
            "meeting__code", "deputy__person_id", "status", "checked_in_at"
        ):  # fmt: skip
            name, unit = ctx.person_label(person)
            when = timezone.localtime(at).strftime("%Y-%m-%d %H:%M") if at else None
            yield [code, name, unit, status, when]


class AgendaSheet(SheetSpec):
    name = "议程"
    permission = "congress.edit"
    permission_text = "登记会议议程"
    model_label = "meetings.AgendaItem"
    columns = [
        Col("会议编号", True, example="HY2025-01"),
        Col("序号", True, "count", example=1),
        Col("事项", True, example="听取和审议政府工作报告"),
        Col("类型", kind="enum", choices=("报告", "选举", "决议", "议案", "其他"), example="报告"),
        Col("结果", kind="enum", choices=("通过", "未通过", "当选", "未当选"), example="通过"),
        Col("赞成", kind="count", example=50),
        Col("反对", kind="count", example=1),
        Col("弃权", kind="count", example=2),
    ]
    key = ("meeting_id", "seq")
    fields = ("title", "kind", "outcome", "votes_for", "votes_against", "votes_abstain")
    sources = {"kind": "类型", "outcome": "结果", "votes_for": "赞成", "votes_against": "反对",
               "votes_abstain": "弃权"}  # fmt: skip
    key_text = "会议+序号"

    def build(self, ctx, row, number):
        _, meeting, _, township = ctx.meeting(row["会议编号"], "会议编号")
        ctx.require_scope(township, "会议编号", f"会议“{row['会议编号']}”")
        return {"meeting_id": meeting, "seq": row["序号"], "title": row["事项"],
                "kind": row["类型"], "outcome": row["结果"], "votes_for": row["赞成"],
                "votes_against": row["反对"], "votes_abstain": row["弃权"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.meetings.models import AgendaItem

        qs = AgendaItem.objects.filter(meeting__in=scoped(ctx, _meetings()))
        for a in qs.order_by("meeting__date", "meeting__code", "seq").values_list(
            "meeting__code", "seq", "title", "kind", "outcome", "votes_for", "votes_against",
            "votes_abstain",
        ):  # fmt: skip
            yield list(a)


def _meetings():
    from taizhang.meetings.models import Meeting

    return Meeting.objects.all()


class ActivitySheet(SheetSpec):
    name = "活动"
    permission = "congress.edit"
    permission_text = "登记或修改代表活动"
    model_label = "meetings.Activity"
    columns = [
        Col("编号", True, max_length=40, example="HD2025-01"),
        Col("乡镇", True, example="示例乡"),
        Col("类型", True, "enum", ACTIVITY_KINDS, example="视察"),
        Col("主题", True, example="视察农村人居环境整治"),
        Col("日期", True, "pastdate", example="2025-06-16"),
        Col("对象单位", example="示例乡卫生院"),
        Col("选区", example="第1选区"),
        Col("参加人", kind="list", example="王小明、李小红"),
        Col("情况", max_length=5000, example="提出意见2条"),
    ]
    key = ("code",)
    fields = ("township_id", "kind", "topic", "date", "unit_id", "district_id", "summary")
    sources = {"unit_id": "对象单位", "district_id": "选区", "summary": "情况"}
    key_text = "编号"
    scope_field = ("township_id", "编号")

    def build(self, ctx, row, number):
        from taizhang.core.models import District

        township = ctx.township_pk(row["乡镇"], "乡镇")
        unit = ctx.unit(row["对象单位"], "对象单位", within=township) if row["对象单位"] else None
        district = None
        if row["选区"]:
            district, _ = District.objects.get_or_create(township_id=township, name=row["选区"])
        participants = None
        if "参加人" in row and row["参加人"]:
            participants = [deputy_in_office(ctx, name, "", township, row["日期"], "参加人")
                            for name in row["参加人"]]  # fmt: skip
        return {"code": row["编号"], "township_id": township, "kind": row["类型"],
                "topic": row["主题"], "date": row["日期"], "unit_id": unit,
                "district_id": district and district.pk, "summary": row["情况"],
                "_related": participants}  # fmt: skip

    def after_write(self, ctx, planned, pks):
        from taizhang.meetings.models import Participant

        ctx.invalidate("activities")
        return replace_links(Participant, "activity_id", "deputy_id", planned, pks)

    def export_rows(self, ctx):
        from taizhang.meetings.models import Activity, Participant

        qs = scoped(ctx, Activity.objects.all()).select_related("district")
        names = {}
        for activity, person in (
            Participant.objects.filter(activity__in=qs)
            .order_by("pk")
            .values_list("activity_id", "deputy__person_id")
        ):
            names.setdefault(activity, []).append(ctx.person_label(person)[0])
        for a in qs.order_by("date", "code"):
            yield [a.code, ctx.unit_text(a.township_id), a.kind, a.topic, a.date.isoformat(),
                   ctx.unit_text(a.unit_id), a.district.name if a.district else None,
                   "、".join(names.get(a.pk, [])), a.summary]  # fmt: skip


class RatingSheet(SheetSpec):
    name = "测评"
    permission = "congress.edit"
    permission_text = "登记活动测评"
    model_label = "meetings.Rating"
    columns = [
        Col("活动编号", True, example="HD2025-01"),
        Col("对象", True, max_length=100, example="示例乡卫生院"),
        Col("满意", True, "count", example=25),
        Col("基本满意", True, "count", example=3),
        Col("不满意", True, "count", example=0),
    ]
    key = ("activity_id", "subject")
    fields = ("subject_unit_id", "subject_deputy_id", "satisfied", "basic", "unsatisfied")
    key_text = "活动+对象"

    def build(self, ctx, row, number):
        _, activity, day, township = ctx.activity(row["活动编号"], "活动编号")
        ctx.require_scope(township, "活动编号", f"活动“{row['活动编号']}”")
        unit = deputy = None
        try:
            unit = ctx.unit(row["对象"], "对象", within=township)
        except RowError:
            only = {p for p, rows in ctx.deputies.items() if any(r[4] == township for r in rows)}
            try:
                person = ctx.person(row["对象"], column="对象", township=township, only=only)
            except RowError:
                raise RowError(
                    "对象", f"“{row['对象']}”既不是已登记的单位，也不是本乡镇代表"
                ) from None
            found = ctx.deputy_on(person, township, day, level=None)
            deputy = found[0] if found else None
        return {"activity_id": activity, "subject": row["对象"], "subject_unit_id": unit,
                "subject_deputy_id": deputy, "satisfied": row["满意"], "basic": row["基本满意"],
                "unsatisfied": row["不满意"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.meetings.models import Activity, Rating

        qs = Rating.objects.filter(activity__in=scoped(ctx, Activity.objects.all()))
        for r in qs.order_by("activity__date", "activity__code", "subject").values_list(
            "activity__code", "subject", "satisfied", "basic", "unsatisfied"
        ):
            yield list(r)
