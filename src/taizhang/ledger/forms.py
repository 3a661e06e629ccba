"""Ledger forms: parse and validate input, in Chinese."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from taizhang.core.models import OrgUnit
from taizhang.core.widgets import DATE
from taizhang.ledger.models import Indicator, Project, WorkEntry
from taizhang.people.forms import VersionedForm
from taizhang.people.models import Person


class _LedgerForm(VersionedForm):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.for_user(user).select_related("unit")
        for name in ("responsible", "person"):
            if name in self.fields:
                self.fields[name].queryset = people
        if "township" in self.fields:
            self.fields["township"].queryset = OrgUnit.objects.for_user(user).townships()
        for field in self.fields.values():
            field.error_messages["invalid"] = "格式不正确。"
            field.error_messages["min_value"] = "不能为负数。"


class ProjectForm(_LedgerForm):
    class Meta:
        model = Project
        fields = [
            "code", "year", "township", "name", "kind", "status", "responsible", "portfolio",
            "intended_funds", "arrived_funds", "area", "annual_output", "taxes",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].help_text = "台账按年度登记；跨年续建的项目在新年度另起一行。"
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        data = super().clean()
        code, year = (data.get("code") or "").strip(), data.get("year")
        if code and year:
            data["code"] = code
            clash = Project.objects.filter(code=code, year=year).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("code", f"{year}年度已有编号为“{code}”的项目。")
        return data


class IndicatorForm(_LedgerForm):
    class Meta:
        model = Indicator
        fields = [
            "township", "year", "name", "unit", "target", "actual", "responsible",
            "portfolio", "rank", "rank_change",
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("township") and data.get("year") and data.get("name"):
            clash = Indicator.objects.filter(
                township=data["township"], year=data["year"], name=data["name"]
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", "该乡镇本年度已有同名指标。")
        return data


class WorkEntryForm(_LedgerForm):
    class Meta:
        model = WorkEntry
        fields = ["person", "date", "portfolio", "matter", "content"]
        widgets = {"date": DATE, "content": forms.Textarea(attrs={"rows": 4})}
