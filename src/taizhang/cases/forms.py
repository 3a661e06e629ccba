"""Case forms: registration per kind and one form per workflow action (input parsing only)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.urls import reverse
from django.utils import timezone

from taizhang.cases import selectors
from taizhang.cases.holiday_notice import NoticeError, parse_notice
from taizhang.cases.models import (
    CaseAction,
    CaseKind,
    Channel,
    Satisfaction,
    SupervisionMethod,
)
from taizhang.core.inputs import GuardedForm
from taizhang.core.models import OrgUnit
from taizhang.core.roles import Role
from taizhang.core.widgets import DATE
from taizhang.people.models import Deputy, Person

HANDLING_KINDS = ["village", "station", "department", "enterprise"]


NO_RECEIVER = "（暂无账号，交办后无人接收）"


class HandlingUnitChoice(forms.ModelChoiceField):
    """A handling-unit picker that marks units where no account would receive the case."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, label=kwargs.pop("label", "承办单位"), **kwargs)
        self.receiving = selectors.units_with_receivers(
            unit_ids=queryset.values_list("pk", flat=True)
        )
        if set(queryset.values_list("pk", flat=True)) - self.receiving:
            self.help_text = (
                f"标有“{NO_RECEIVER[1:-1]}”的单位还没有可登录的干部账号，交办给它的事项将"
                "无人签收办理。请先请系统管理员为该单位开通账号，或改交其他单位。"
            )

    def label_from_instance(self, obj) -> str:
        return obj.name if obj.pk in self.receiving else f"{obj.name}{NO_RECEIVER}"


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class PersonMultiChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class RegisterForm(GuardedForm):
    """登记: the common fields; ``kind`` decides which extra fields appear."""

    title = forms.CharField(label="标题", max_length=200)
    content = forms.CharField(
        label="内容", widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20000
    )
    registered = forms.DateField(label="登记日期", widget=DATE)

    def __init__(self, *args, kind: str, township, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.township, self.user = kind, township, user
        self.fields["registered"].initial = timezone.localdate()
        self.fields["title"].widget.attrs.update(
            {
                "hx-get": reverse("cases:similar"),
                "hx-trigger": "keyup changed delay:600ms, change",
                "hx-target": "#similar",
                "hx-include": "closest form",
            }
        )
        villages = OrgUnit.objects.filter(township=township, kind="village").order_by("name")
        if kind in (CaseKind.MOTION, CaseKind.SUGGESTION):
            deputies = Person.objects.filter(
                pk__in=Deputy.objects.filter(township=township)
                .in_office_on(timezone.localdate())
                .values("person_id")
            ).order_by("name")
            if user.role == Role.DEPUTY:
                self.fields["co_sponsors"] = PersonMultiChoice(
                    label="联名代表",
                    queryset=deputies.exclude(pk=user.person_id),
                    required=False,
                    widget=forms.SelectMultiple(attrs={"size": 8}),
                )
            else:
                self.fields["lead"] = PersonChoice(label="领衔代表", queryset=deputies)
                self.fields["co_sponsors"] = PersonMultiChoice(
                    label="联名代表",
                    queryset=deputies,
                    required=False,
                    widget=forms.SelectMultiple(attrs={"size": 8}),
                )
        if kind == CaseKind.PETITION:
            self.fields["channel"] = forms.ChoiceField(
                label="来源渠道",
                choices=[
                    (c, c) for c in (Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.ONLINE)
                ],
            )
            self.fields["petitioner_name"] = forms.CharField(label="信访人姓名", max_length=50)
            self.fields["petitioner_phone"] = forms.CharField(
                label="信访人电话", max_length=11, required=False
            )
            self.fields["petitioner_id_number"] = forms.CharField(
                label="信访人身份证号", max_length=18, required=False
            )
            self.fields["petitioner_address"] = forms.CharField(
                label="信访人住址", max_length=200, required=False
            )
            for name in ("petitioner_name",):
                self.fields[name].widget.attrs.update(self.fields["title"].widget.attrs)
        if kind in (CaseKind.PETITION, CaseKind.ASSISTANCE):
            if user.role == Role.VILLAGE:
                villages = villages.filter(pk=user.village_id)
            self.fields["village"] = forms.ModelChoiceField(
                label="所在村",
                queryset=villages,
                required=kind == CaseKind.ASSISTANCE or user.role == Role.VILLAGE,
            )
        if kind == CaseKind.ASSISTANCE:
            self.fields["petitioner_name"] = forms.CharField(label="申请人姓名", max_length=50)
            self.fields["handling_unit"] = HandlingUnitChoice(
                OrgUnit.objects.filter(
                    township=township, kind__in=["department", "station"]
                ).order_by("name"),
            )
        if kind in (CaseKind.EVALUATION, CaseKind.INSPECTION, CaseKind.REPORT_BACK):
            self.fields["handling_unit"] = HandlingUnitChoice(
                OrgUnit.objects.filter(township=township, kind__in=HANDLING_KINDS).order_by(
                    "kind", "name"
                ),
            )

    def service_kwargs(self) -> dict:
        """Split cleaned data into case_register keyword arguments."""
        data = dict(self.cleaned_data)
        if "co_sponsors" in data or "lead" in data:
            lead = data.pop("lead", None) or getattr(self.user, "person", None)
            co = [p for p in data.pop("co_sponsors", []) if p != lead]
            data["sponsors"] = [lead, *co] if lead else co
        return {k: v for k, v in data.items() if v not in (None, "")}


ACTION_FIELDS: dict[str, tuple[str, ...]] = {
    "交办": ("unit", "is_complex"),
    "申请延期": ("requested_due",),
    "答复": ("answer_text", "answer_signer", "answer_method", "files"),
    "反馈": ("answer_text", "files"),
    "评价": ("satisfaction",),
    "回访": ("satisfaction",),
    "发放": ("amount", "files"),
    "建档": ("files",),
    "核实": ("files",),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class ActionForm(GuardedForm):
    """One workflow step: the fields it needs, the business date, a note, the version."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label="办理日期", widget=DATE, required=False, help_text="不填则为今天")
    note = forms.CharField(
        label="说明", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, case, transition, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        wanted = ACTION_FIELDS.get(transition.action, ())
        is_petition = case.kind == CaseKind.PETITION
        if "unit" in wanted:
            units = OrgUnit.objects.filter(township_id=case.township_id, kind__in=HANDLING_KINDS)
            self.fields["unit"] = HandlingUnitChoice(units.order_by("kind", "name"))
        if "is_complex" in wanted and not is_petition:
            self.fields["is_complex"] = forms.BooleanField(
                label="复杂事项（办理期限六个月）", required=False
            )
        if "requested_due" in wanted:
            self.fields["requested_due"] = forms.DateField(label="申请延期至", widget=DATE)
        if "answer_text" in wanted:
            self.fields["answer_text"] = forms.CharField(
                label="答复内容" if transition.action == CaseAction.ANSWER else "整改反馈",
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=20000,
            )
        if "answer_signer" in wanted and not is_petition and transition.action == CaseAction.ANSWER:
            self.fields["answer_signer"] = forms.CharField(label="签发人", max_length=50)
        if "answer_method" in wanted and is_petition:
            self.fields["answer_method"] = forms.ChoiceField(
                label="办理方式", choices=[("答复", "答复"), ("调处", "调处")]
            )
        if "satisfaction" in wanted:
            self.fields["satisfaction"] = forms.ChoiceField(
                label="满意度", choices=Satisfaction.choices, widget=forms.RadioSelect
            )
        if "amount" in wanted:
            self.fields["amount"] = forms.DecimalField(
                label="金额（元）", max_digits=12, decimal_places=2, min_value=0.01
            )
        if "files" in wanted:
            self.fields["files"] = MultipleFileField(
                label="附件", required=False, widget=MultipleFileInput()
            )
        if "note" in transition.required:
            self.fields["note"].required = True
            self.fields["note"].label = (
                "理由" if transition.action != CaseAction.REQUEST_EXTENSION else "延期理由"
            )

    def service_kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        data["note"] = data.get("note") or ""
        data["files"] = data.pop("files", None) or ()
        return {k: v for k, v in data.items() if v is not None}


class RemindForm(GuardedForm):
    note = forms.CharField(label="催办内容", max_length=300)


class SuperviseForm(GuardedForm):
    method = forms.ChoiceField(label="督办方式", choices=SupervisionMethod.choices)
    on = forms.DateField(label="督办日期", widget=DATE)
    findings = forms.CharField(
        label="督办情况", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    follow_up = forms.CharField(label="后续要求", required=False, max_length=2000)


class AttachForm(GuardedForm):
    files = MultipleFileField(label="附件", widget=MultipleFileInput())


class HolidayForm(GuardedForm):
    """节假日调整: one day or a range of days, all days off or all make-up working days."""

    date = forms.DateField(label="开始日期", widget=DATE)
    end = forms.DateField(
        label="结束日期", widget=DATE, required=False, help_text="只录一天可不填。"
    )
    is_working_day = forms.BooleanField(label="上班（调休工作日）；不勾选为放假", required=False)
    note = forms.CharField(label="说明", max_length=100, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("date"), data.get("end") or data.get("date")
        if start and end:
            if end < start:
                self.add_error("end", "结束日期不能早于开始日期。")
            elif (end - start).days >= 31:
                self.add_error("end", "一次最多录入31天。")
            data["end"] = end
        return data

    def days(self) -> list:
        d = self.cleaned_data
        span = (d["end"] - d["date"]).days + 1
        return [
            (d["date"] + timedelta(days=i), d["is_working_day"], d["note"]) for i in range(span)
        ]


class HolidayNoticeForm(GuardedForm):
    """粘贴放假通知: the State Council's lines, one holiday a line, read into dated days."""

    year = forms.IntegerField(label="通知年度", min_value=2000, max_value=2100)
    notice = forms.CharField(
        label="放假通知原文",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="每个节日一行，如：春节：1月28日至2月4日放假调休，共8天。1月26日、2月8日上班。",
    )

    def clean(self):
        data = super().clean()
        if data.get("year") and data.get("notice"):
            try:
                data["days"] = parse_notice(data["notice"], year=data["year"])
            except NoticeError as exc:
                for number, message in exc.errors:
                    self.add_error("notice", f"第{number}行：{message}")
        return data

    def days(self) -> list:
        return [(d.day, d.is_working_day, d.note) for d in self.cleaned_data["days"]]


class NoticeSettingForm(GuardedForm):
    """通知方式: the app list is always on; email (each notice or a daily digest) and SMS."""

    email = forms.BooleanField(label="邮件通知", required=False)
    digest = forms.BooleanField(label="邮件改为每日汇总一封", required=False)
    email_address = forms.EmailField(label="邮箱", required=False, max_length=254)
    sms = forms.BooleanField(label="短信通知", required=False)
    phone = forms.CharField(label="接收短信的手机号", required=False, max_length=11)

    def clean(self):
        data = super().clean()
        if (data.get("email") or data.get("digest")) and not data.get("email_address"):
            self.add_error("email_address", "选择邮件通知须填写邮箱。")
        if data.get("sms") and not data.get("phone"):
            self.add_error("phone", "选择短信通知须填写手机号。")
        return data
