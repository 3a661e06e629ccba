"""Meetings: sessions, roll, agenda, elections, working groups, minutes (会议)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from taizhang.core.models import DeputyGroup, OrgUnit, VersionedModel
from taizhang.core.scope import ScopedQuerySet
from taizhang.people.models import Deputy, Person


class MeetingKind(models.TextChoices):
    CONGRESS = "人代会", "人代会"
    PRESIDIUM = "主席团会议", "主席团会议"
    GROUP = "代表小组会议", "代表小组会议"
    ASSIGNMENT = "交办会", "交办会"
    OTHER = "其他", "其他"


# Kinds whose deputies are called by roll: expected, present and the attendance rate make
# sense only for them (a presidium or assignment meeting has no roll of deputies).
ROLL_KINDS = (MeetingKind.CONGRESS, MeetingKind.GROUP)


class MeetingQuerySet(ScopedQuerySet):
    # Deputies see the meetings of the townships they are deputies of (once each, though
    # a deputy may hold several mandates there).
    scope_paths = {
        "township": "township",
        "county": "township__county",
        "person": "township__deputies__person",
    }
    scope_repeats = frozenset({"person"})

    def in_year(self, year: int) -> MeetingQuerySet:
        return self.filter(date__year=year)


class Meeting(VersionedModel):
    """会议: a congress session, presidium meeting, group meeting or assignment meeting."""

    code = models.CharField("编号", max_length=40, unique=True)
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField("类型", max_length=8, choices=MeetingKind.choices)
    name = models.CharField("名称", max_length=200)
    date = models.DateField("日期")
    window_start = models.DateTimeField("签到开始", null=True, blank=True)
    window_end = models.DateTimeField("签到结束", null=True, blank=True)
    term = models.CharField("届次", max_length=20, blank=True, help_text="如：第十四届")
    session = models.CharField("会次", max_length=20, blank=True, help_text="如：第七次")
    place = models.CharField("地点", max_length=200, blank=True)
    group = models.ForeignKey(
        DeputyGroup,
        verbose_name="代表小组",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="代表小组会议填写；应到代表为该小组在任代表",
    )
    opened = models.BooleanField("已宣布开会", default=False)
    minutes = models.TextField("会议纪要", blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "会议"
        verbose_name_plural = "会议"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["township", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(window_start__isnull=True)
                | Q(window_end__isnull=True)
                | Q(window_end__gt=models.F("window_start")),
                name="meeting_window_order",
            ),
        ]

    @property
    def keeps_roll(self) -> bool:
        """Whether deputies are called by roll at this kind of meeting (人代会, 代表小组会议)."""
        return self.kind in ROLL_KINDS

    def __str__(self) -> str:
        return self.name

    @property
    def full_title(self) -> str:
        """Return e.g. 第十四届人民代表大会第七次会议 for a session, else the name."""
        if self.kind == MeetingKind.CONGRESS and self.term and self.session:
            return f"{self.term}人民代表大会{self.session}会议"
        return self.name


class AttendanceStatus(models.TextChoices):
    PRESENT = "出席", "出席"
    LEAVE = "请假", "请假"
    ABSENT = "缺席", "缺席"


class CheckInMethod(models.TextChoices):
    CLERK = "clerk", "工作人员登记"
    QR = "qr", "扫码签到"
    IMPORT = "import", "导入"


class AttendanceQuerySet(ScopedQuerySet):
    scope_paths = {
        "township": "meeting__township",
        "county": "meeting__township__county",
        "person": "deputy__person",
    }

    def present(self) -> AttendanceQuerySet:
        return self.filter(status=AttendanceStatus.PRESENT)


class Attendance(VersionedModel):
    """出席: one deputy's status at one meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="attendances"
    )
    deputy = models.ForeignKey(
        Deputy, verbose_name="代表", on_delete=models.PROTECT, related_name="attendances"
    )
    status = models.CharField("状态", max_length=4, choices=AttendanceStatus.choices)
    reason = models.CharField("请假事由", max_length=200, blank=True)
    checked_in_at = models.DateTimeField("签到时间", null=True, blank=True)
    method = models.CharField(
        "签到方式", max_length=8, choices=CheckInMethod.choices, default=CheckInMethod.CLERK
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = "出席"
        verbose_name_plural = "出席"
        ordering = ["meeting", "deputy__person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "deputy"], name="attendance_unique"),
        ]
        indexes = [models.Index(fields=["deputy", "status"])]

    def __str__(self) -> str:
        return f"{self.meeting} {self.deputy.person.name} {self.status}"


class AgendaKind(models.TextChoices):
    REPORT = "报告", "报告"
    ELECTION = "选举", "选举"
    RESOLUTION = "决议", "决议"
    MOTION = "议案", "议案"
    OTHER = "其他", "其他"


class AgendaOutcome(models.TextChoices):
    PASSED = "通过", "通过"
    FAILED = "未通过", "未通过"
    ELECTED = "当选", "当选"
    NOT_ELECTED = "未当选", "未当选"


class AgendaItem(VersionedModel):
    """议程: one item on a meeting's agenda with its vote."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="agenda"
    )
    seq = models.PositiveIntegerField("序号")
    title = models.CharField("事项", max_length=200)
    kind = models.CharField("类型", max_length=4, choices=AgendaKind.choices, blank=True)
    outcome = models.CharField("结果", max_length=4, choices=AgendaOutcome.choices, blank=True)
    votes_for = models.PositiveIntegerField("赞成", null=True, blank=True)
    votes_against = models.PositiveIntegerField("反对", null=True, blank=True)
    votes_abstain = models.PositiveIntegerField("弃权", null=True, blank=True)

    class Meta:
        verbose_name = "议程"
        verbose_name_plural = "议程"
        ordering = ["meeting", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seq"], name="agenda_unique_seq"),
        ]

    def __str__(self) -> str:
        return f"{self.seq}. {self.title}"


class Election(VersionedModel):
    """选举: one office voted on at a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="elections"
    )
    office = models.CharField("职务", max_length=100)
    seats = models.PositiveIntegerField("应选人数", default=1)

    class Meta:
        verbose_name = "选举"
        verbose_name_plural = "选举"
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "office"], name="election_unique_office"),
        ]

    def __str__(self) -> str:
        return self.office


class Candidate(VersionedModel):
    """候选人: a candidate's votes; elected only with more than half of all deputies."""

    election = models.ForeignKey(
        Election, verbose_name="选举", on_delete=models.CASCADE, related_name="candidates"
    )
    name = models.CharField("候选人", max_length=50)
    person = models.ForeignKey(
        Person, verbose_name="人员", null=True, blank=True, on_delete=models.SET_NULL
    )
    votes = models.PositiveIntegerField("得票", default=0)
    elected = models.BooleanField("当选", default=False)

    class Meta:
        verbose_name = "候选人"
        verbose_name_plural = "候选人"
        ordering = ["election", "-votes", "id"]
        constraints = [
            models.UniqueConstraint(fields=["election", "name"], name="candidate_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class WorkingGroup(VersionedModel):
    """筹备工作组: 材料组, 会务组, 后勤组 of a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="working_groups"
    )
    name = models.CharField("组名", max_length=50)
    leader = models.ForeignKey(
        Person, verbose_name="组长", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = "筹备工作组"
        verbose_name_plural = "筹备工作组"
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "name"], name="workinggroup_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class WorkingTask(VersionedModel):
    """工作组任务 with its owner."""

    group = models.ForeignKey(
        WorkingGroup, verbose_name="工作组", on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField("任务", max_length=200)
    owner = models.ForeignKey(
        Person, verbose_name="负责人", null=True, blank=True, on_delete=models.SET_NULL
    )
    due = models.DateField("完成时限", null=True, blank=True)
    done = models.BooleanField("已完成", default=False)

    class Meta:
        verbose_name = "工作组任务"
        verbose_name_plural = "工作组任务"
        ordering = ["group", "id"]

    def __str__(self) -> str:
        return self.title


class MeetingAttachment(VersionedModel):
    """会议纪要附件."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField("标题", max_length=200)
    file = models.FileField("文件", upload_to="meetings/%Y/")

    class Meta:
        verbose_name = "会议附件"
        verbose_name_plural = "会议附件"
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.title
