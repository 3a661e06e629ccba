"""Duty, quota, liaison, publicity and spending forms: parse and validate, in Chinese."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from taizhang.core.inputs import GuardedForm, version_field
from taizhang.core.widgets import DATE
from taizhang.duty.models import DutyType, LiaisonWay, Period, PublicityLevel
from taizhang.people.models import Deputy, DeputyLevel


class ChineseForm(GuardedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = "此项为必填项。"
            field.error_messages.setdefault("invalid_choice", "请选择列表中的选项。")


def _deputy_field(township, label="代表"):
    field = forms.ModelChoiceField(
        label=label,
        queryset=Deputy.objects.filter(township=township, level=DeputyLevel.TOWNSHIP)
        .select_related("person")
        .order_by("person__name"),
    )
    field.label_from_instance = lambda d: d.person.name
    return field


class DutyEntryForm(ChineseForm):
    date = forms.DateField(label="日期", widget=DATE)
    type = forms.ChoiceField(label="类型", choices=DutyType.choices)
    content = forms.CharField(label="内容", max_length=500, required=False)
    quantity = forms.IntegerField(
        label="数量",
        min_value=1,
        initial=1,
        error_messages={"min_value": "数量必须是正整数。", "invalid": "请填写整数。"},
    )

    def __init__(self, *args, township=None, own=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not own:
            self.fields = {"deputy": _deputy_field(township), **self.fields}

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError("日期不能晚于今天。")
        return day


class QuotaForm(ChineseForm):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    type = forms.ChoiceField(label="类型", choices=DutyType.choices)
    required = forms.IntegerField(
        label="要求数量", min_value=0, error_messages={"min_value": "要求数量不能为负数。"}
    )
    period = forms.ChoiceField(label="周期", choices=Period.choices)
    version = version_field()


class LiaisonForm(ChineseForm):
    date = forms.DateField(label="日期", widget=DATE)
    way = forms.ChoiceField(label="联系方式", choices=LiaisonWay.choices)
    outcome = forms.CharField(
        label="联系结果", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, township=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"deputy": _deputy_field(township, "被联系代表"), **self.fields}


class PublicityForm(ChineseForm):
    date = forms.DateField(label="日期", widget=DATE)
    title = forms.CharField(label="标题", max_length=200)
    author = forms.CharField(label="作者", max_length=50, required=False)
    level = forms.ChoiceField(label="采用层级", choices=PublicityLevel.choices)
    outlet = forms.CharField(label="媒体", max_length=100, required=False)


class ExpenseForm(ChineseForm):
    date = forms.DateField(label="日期", widget=DATE)
    purpose = forms.CharField(label="用途", max_length=200)
    amount = forms.DecimalField(
        label="金额(元)",
        max_digits=12,
        decimal_places=2,
        min_value=0.01,
        error_messages={
            "min_value": "金额必须大于零。",
            "invalid": "金额必须是数字（单位：元）。",
            "max_decimal_places": "金额最多保留两位小数。",
        },
    )
