"""Person, deputy and post forms: parse and validate input, in Chinese."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils import timezone

from taizhang.core.inputs import GuardedModelForm, version_field
from taizhang.core.models import DeputyGroup, District, OrgUnit
from taizhang.core.orgnames import LABEL_RELATED, unit_choices_label
from taizhang.core.widgets import date_input
from taizhang.people.models import CadrePost, Deputy, Person
from taizhang.people.services import DEPUTY_FIELDS, PERSON_FIELDS, POST_FIELDS
from taizhang.people.validators import id_number_problem

LIST_SPLIT = re.compile(r"[、；;,，\s]+")
REQUIRED = {"required": "此项为必填项。"}


class MonthField(forms.CharField):
    """Accept 1985-03, 1985.3 or 1985年3月 and store the first day of the month."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = re.fullmatch(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?", value.strip())
        if not match:
            raise forms.ValidationError("出生年月格式应为 1985-03 或 1985年3月。")
        year, month = int(match.group(1)), int(match.group(2))
        if not (1900 <= year <= timezone.localdate().year and 1 <= month <= 12):
            raise forms.ValidationError("出生年月超出合理范围。")
        return date(year, month, 1)

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, date) else value


def chinese_errors(form: forms.Form) -> None:
    """Give every field of ``form`` the Chinese required and invalid-choice messages."""
    for field in form.fields.values():
        field.error_messages["required"] = "此项为必填项。"
        field.error_messages.setdefault("invalid_choice", "请选择列表中的选项。")


class VersionedForm(GuardedModelForm):
    """A model form carrying the row's version for optimistic locking."""

    version = version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:  # a new row has no version yet
            self.fields["version"].required = False
        chinese_errors(self)


class PersonForm(VersionedForm):
    birth_month = MonthField(label="出生年月", required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            OrgUnit.objects.for_user(user).exclude(kind="county").select_related(LABEL_RELATED)
        )
        self.fields["unit"].label_from_instance = unit_choices_label(user)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("请填写姓名。")
        return name

    def clean_id_number(self):
        value = self.cleaned_data.get("id_number", "").strip().upper()
        if value:
            problem = id_number_problem(value)
            if problem:
                raise forms.ValidationError(problem + "。")
            clash = Person.objects.filter(id_number=value).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError("该身份证号已登记在其他人员名下。")
        return value


class DeputyForm(VersionedForm):
    class Meta:
        model = Deputy
        fields = DEPUTY_FIELDS
        widgets = {
            "start": date_input(),
            "end": date_input(),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        townships = OrgUnit.objects.for_user(user).filter(kind="township")
        self.fields["township"].queryset = townships
        self.fields["district"].queryset = District.objects.filter(township__in=townships)
        self.fields["group"].queryset = DeputyGroup.objects.filter(township__in=townships)

    def clean_term(self):
        term = self.cleaned_data["term"].strip()
        if not re.fullmatch(r"第[一二三四五六七八九十百零〇\d]+届", term):
            raise forms.ValidationError("届次格式应为“第十四届”。")
        return term

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "任职止不能早于任职起。")
        for name in ("district", "group"):
            item = data.get(name)
            if item and data.get("township") and item.township_id != data["township"].pk:
                self.add_error(name, "必须属于所选乡镇。")
        return data


class PortfolioField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value) or ""
        return [p for p in LIST_SPLIT.split(value) if p]

    def prepare_value(self, value):
        return "、".join(value) if isinstance(value, list) else value


class PostForm(VersionedForm):
    portfolios = PortfolioField(label="分管工作", required=False, help_text="多项用“、”分隔")

    class Meta:
        model = CadrePost
        fields = POST_FIELDS
        widgets = {
            "start": date_input(),
            "end": date_input(),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            OrgUnit.objects.for_user(user).exclude(kind="group").select_related(LABEL_RELATED)
        )
        self.fields["unit"].label_from_instance = unit_choices_label(user)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "任职止不能早于任职起。")
        return data
