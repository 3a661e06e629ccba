"""Draft forms: generation request and section edits."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.utils import timezone

from taizhang.core.inputs import GuardedForm
from taizhang.core.models import OrgUnit
from taizhang.core.roles import Role
from taizhang.core.widgets import DATE
from taizhang.documents.models import VARIANTS, DraftKind
from taizhang.people.models import Person
from taizhang.writer.posts import VOICES

# Only people with a post or a mandate have a year to sum up.
HAS_POST_OR_MANDATE = Q(posts__isnull=False) | Q(mandates__isnull=False)

KIND_VARIANTS = [
    ("personal:summary", "个人年终工作总结"),
    ("personal:duty", "述职报告（德能勤绩廉）"),
    ("presidium:summary", "人大主席团年度工作总结"),
    ("presidium:report", "主席团工作报告"),
    ("deputy:", "代表向选民述职报告"),
]


# The voices of the post table, for a title the table doesn't know (乡/镇 written 乡（镇）).
VOICE_CHOICES = [("", "（按职务自动确定）")] + [
    (v.key, v.title.replace("{tier}", "乡（镇）").replace("负责人", "站所负责人"))
    for v in VOICES.values()
]


class GenerateForm(GuardedForm):
    kind_variant = forms.ChoiceField(label="文稿类型", choices=KIND_VARIANTS)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    township = forms.ModelChoiceField(label="乡镇", queryset=OrgUnit.objects.none(), required=False)
    person = forms.ModelChoiceField(label="人员", queryset=Person.objects.none(), required=False)
    integrity = forms.CharField(
        label="廉洁自律（本人填写）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    shortcomings = forms.CharField(
        label="存在的不足（本人填写，每行一条）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    plans = forms.CharField(
        label="下一步打算（本人填写，每行一条）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    document_date = forms.DateField(
        label="成文日期",
        required=False,
        widget=DATE,
        help_text="留空则为该年度最后一个工作日；年度未结束时为今天。",
    )
    voice = forms.ChoiceField(
        label="按哪种职务的口吻撰写",
        choices=VOICE_CHOICES,
        required=False,
        help_text="职务名称不在职务表中时，请选择最接近的职务。",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["township"].queryset = OrgUnit.objects.for_user(user).filter(kind="township")
        people = Person.objects.for_user(user)
        if user.role == Role.DEPUTY:
            people = people.filter(pk=user.person_id)
        self.fields["person"].queryset = (
            people.filter(HAS_POST_OR_MANDATE).distinct().order_by("name")
        )
        townships = self.fields["township"].queryset
        if townships.count() == 1:
            self.fields["township"].initial = townships.first().pk
        if user.person_id:
            self.fields["person"].initial = user.person_id
        today = timezone.localdate()
        # A form built just after New Year in Beijing must already accept the new year.
        self.fields["year"].max_value = today.year
        self.fields["year"].validators.append(
            MaxValueValidator(today.year, message=f"年度不能晚于{today.year}年。")
        )
        self.fields["year"].initial = today.year - 1 if today.month < 12 else today.year

    def clean(self):
        data = super().clean()
        kind, _, variant = data.get("kind_variant", ":").partition(":")
        data["kind"], data["variant"] = kind, variant
        if variant not in VARIANTS.get(kind, {}):
            self.add_error("kind_variant", "文稿类型无效。")
        day, year = data.get("document_date"), data.get("year")
        if day and year and not year <= day.year <= year + 1:
            self.add_error("document_date", f"成文日期应在{year}年或{year + 1}年。")
        person, township = data.get("person"), data.get("township")
        if kind in ("personal", "deputy"):
            if person is None:
                self.add_error("person", "请选择人员。")
            elif township is None:
                data["township"] = OrgUnit.objects.filter(pk=person.township_id).first()
        elif township is None:
            self.add_error("township", "请选择乡镇。")
        if self.user.role == Role.DEPUTY and kind != DraftKind.DEPUTY:
            self.add_error("kind_variant", "人大代表只能生成本人的述职报告。")
        return data

    def inputs(self) -> dict:
        d = self.cleaned_data
        inputs = {
            "integrity": _lines(d.get("integrity")),
            "shortcomings": _lines(d.get("shortcomings")),
            "plans": _lines(d.get("plans")),
        }
        if d.get("voice"):
            inputs["voice"] = d["voice"]
        return inputs


class DateForm(GuardedForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    document_date = forms.DateField(label="成文日期", widget=DATE)


class SectionForm(GuardedForm):
    key = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    heading = forms.CharField(label="标题", required=False, max_length=100)
    text = forms.CharField(
        label="正文", widget=forms.Textarea(attrs={"rows": 8}), required=False, max_length=20000
    )


def _lines(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]
