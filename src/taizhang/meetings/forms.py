"""Meeting and activity forms: parse and validate input, in Chinese."""

from __future__ import annotations

import re

from django import forms

from taizhang.core.inputs import GuardedForm, version_field
from taizhang.core.models import DeputyGroup, District, OrgUnit
from taizhang.core.widgets import DATE, DATETIME
from taizhang.meetings.models import (
    Activity,
    AgendaKind,
    AgendaOutcome,
    AttendanceStatus,
    Meeting,
)
from taizhang.meetings.selectors import eligible_deputies
from taizhang.people.forms import VersionedForm, chinese_errors
from taizhang.people.models import Deputy, DeputyLevel, Person

COUNT_ERRORS = {"min_value": "不能为负数。", "invalid": "请填写整数。"}


class MeetingForm(VersionedForm):
    code = forms.CharField(label="编号", required=False, help_text="留空则自动编号")

    class Meta:
        model = Meeting
        fields = [
            "code",
            "kind",
            "name",
            "date",
            "term",
            "session",
            "place",
            "group",
            "window_start",
            "window_end",
        ]
        widgets = {"date": DATE, "window_start": DATETIME, "window_end": DATETIME}
        help_texts = {"window_start": "扫码签到开放时间", "window_end": "扫码签到截止时间"}

    def __init__(self, *args, township=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = DeputyGroup.objects.filter(township=township)
        for name in ("window_start", "window_end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            self.fields["code"].disabled = True

    def clean_term(self):
        term = self.cleaned_data.get("term", "").strip()
        if term and not re.fullmatch(r"第[一二三四五六七八九十百零〇\d]+届", term):
            raise forms.ValidationError("届次格式应为“第十四届”。")
        return term

    def clean_session(self):
        session = self.cleaned_data.get("session", "").strip()
        if session and not re.fullmatch(r"第[一二三四五六七八九十百零〇\d]+次", session):
            raise forms.ValidationError("会次格式应为“第七次”。")
        return session

    def clean(self):
        data = super().clean()
        start, end = data.get("window_start"), data.get("window_end")
        if bool(start) != bool(end):
            self.add_error("window_end", "签到开始和结束时间须同时填写。")
        elif start and end and end <= start:
            self.add_error("window_end", "签到结束时间必须晚于开始时间。")
        return data


class MarkForm(GuardedForm):
    status = forms.ChoiceField(label="状态", choices=AttendanceStatus.choices)
    reason = forms.CharField(label="请假事由", required=False, max_length=200)
    # The leave form names its deputy in a list and sends each deputy's version as
    # version-<pk>; the roll's buttons send this field.
    version = version_field(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese_errors(self)


class AgendaForm(GuardedForm):
    seq = forms.IntegerField(
        label="序号", min_value=1, error_messages={"min_value": "序号从 1 开始。"}
    )
    title = forms.CharField(label="事项", max_length=200)
    kind = forms.ChoiceField(label="类型", choices=[("", "—")] + AgendaKind.choices, required=False)
    outcome = forms.ChoiceField(
        label="结果", choices=[("", "按票数计算")] + AgendaOutcome.choices, required=False
    )
    votes_for = forms.IntegerField(
        label="赞成", required=False, min_value=0, error_messages=COUNT_ERRORS
    )
    votes_against = forms.IntegerField(
        label="反对", required=False, min_value=0, error_messages=COUNT_ERRORS
    )
    votes_abstain = forms.IntegerField(
        label="弃权", required=False, min_value=0, error_messages=COUNT_ERRORS
    )
    version = version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese_errors(self)


class ElectionForm(GuardedForm):
    office = forms.CharField(label="职务", max_length=100)
    seats = forms.IntegerField(label="应选人数", min_value=1, initial=1)
    candidates = forms.CharField(
        label="候选人及得票",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="每行一名：姓名 得票，如“王某 50”",
    )
    version = version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese_errors(self)

    def clean_candidates(self):
        out = []
        for n, line in enumerate(self.cleaned_data["candidates"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            match = re.fullmatch(r"(\S+)\s+(-?\d+)\s*票?", line)
            if not match:
                raise forms.ValidationError(f"第{n}行格式应为“姓名 得票”。")
            votes = int(match.group(2))
            if votes < 0:
                raise forms.ValidationError(f"第{n}行得票不能为负数。")
            out.append((match.group(1), votes))
        if not out:
            raise forms.ValidationError("请至少填写一名候选人。")
        return out


class WorkingGroupForm(GuardedForm):
    name = forms.CharField(label="工作组", max_length=50, help_text="如：材料组、会务组、后勤组")
    leader = forms.ModelChoiceField(label="组长", queryset=Person.objects.none(), required=False)
    version = version_field()

    def __init__(self, *args, township=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = Person.objects.filter(township=township)
        chinese_errors(self)


class TaskForm(GuardedForm):
    group = forms.ModelChoiceField(label="工作组", queryset=None)
    title = forms.CharField(label="任务", max_length=200)
    owner = forms.ModelChoiceField(label="负责人", queryset=Person.objects.none(), required=False)
    due = forms.DateField(label="完成时限", required=False, widget=DATE)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = meeting.working_groups.all()
        self.fields["owner"].queryset = Person.objects.filter(township=meeting.township)
        chinese_errors(self)


class MinutesForm(GuardedForm):
    minutes = forms.CharField(
        label="会议纪要", required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    version = version_field()


class AttachmentForm(GuardedForm):
    title = forms.CharField(label="标题", max_length=200, required=False)
    file = forms.FileField(label="文件")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese_errors(self)


class ActivityForm(VersionedForm):
    code = forms.CharField(label="编号", required=False, help_text="留空则自动编号")
    participants = forms.ModelMultipleChoiceField(
        label="参加代表",
        queryset=Deputy.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        fields = ["code", "kind", "topic", "date", "unit", "district", "summary"]
        widgets = {"date": DATE, "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, township=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.township = township
        self.fields["unit"].queryset = OrgUnit.objects.filter(township=township)
        self.fields["district"].queryset = District.objects.filter(township=township)
        self.fields["participants"].queryset = (
            Deputy.objects.filter(township=township, level=DeputyLevel.TOWNSHIP)
            .select_related("person")
            .order_by("person__name")
        )
        self.fields["participants"].label_from_instance = lambda d: d.person.name
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["participants"].initial = list(
                self.instance.participations.values_list("deputy_id", flat=True)
            )

    def clean(self):
        data = super().clean()
        day, chosen = data.get("date"), data.get("participants")
        if day and chosen:
            ok = set(
                eligible_deputies(township=self.township, day=day).values_list("pk", flat=True)
            )
            stray = [d.person.name for d in chosen if d.pk not in ok]
            if stray:
                self.add_error(
                    "participants", f"以下人员在活动日期不是在任代表：{'、'.join(stray)}。"
                )
        return data


class RatingForm(GuardedForm):
    subject = forms.CharField(label="测评对象", max_length=100, required=False)
    subject_unit = forms.ModelChoiceField(
        label="对象单位", queryset=OrgUnit.objects.none(), required=False
    )
    subject_deputy = forms.ModelChoiceField(
        label="对象代表", queryset=Deputy.objects.none(), required=False
    )
    satisfied = forms.IntegerField(label="满意", min_value=0, error_messages=COUNT_ERRORS)
    basic = forms.IntegerField(label="基本满意", min_value=0, error_messages=COUNT_ERRORS)
    unsatisfied = forms.IntegerField(label="不满意", min_value=0, error_messages=COUNT_ERRORS)
    version = version_field()

    def __init__(self, *args, activity=None, **kwargs):
        super().__init__(*args, **kwargs)
        township = activity.township
        self.fields["subject_unit"].queryset = OrgUnit.objects.filter(township=township).exclude(
            kind="township"
        )
        self.fields["subject_deputy"].queryset = Deputy.objects.filter(
            township=township, level=DeputyLevel.TOWNSHIP
        ).select_related("person")
        self.fields["subject_deputy"].label_from_instance = lambda d: d.person.name
        chinese_errors(self)
        for name in ("satisfied", "basic", "unsatisfied"):
            self.fields[name].error_messages.update(COUNT_ERRORS)

    def clean(self):
        data = super().clean()
        if not (
            data.get("subject", "").strip()
            or data.get("subject_unit")
            or data.get("subject_deputy")
        ):
            self.add_error("subject", "请填写测评对象，或选择对象单位、对象代表。")
        return data


class OpinionForm(GuardedForm):
    title = forms.CharField(label="意见", max_length=200)
    content = forms.CharField(
        label="具体内容", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    unit = forms.ModelChoiceField(
        label="承办单位",
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text="留空则交活动对象单位",
    )

    def __init__(self, *args, activity=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(township=activity.township)
        self.activity = activity
        chinese_errors(self)

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not self.activity.unit_id:
            self.add_error("unit", "活动没有对象单位，请选择承办单位。")
        return data


class PhotoForm(GuardedForm):
    caption = forms.CharField(label="说明", max_length=200, required=False)
    file = forms.FileField(label="照片")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese_errors(self)
