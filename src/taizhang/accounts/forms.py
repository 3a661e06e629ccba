"""Account forms."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import validate_password
from django.db.models import Q
from django.urls import reverse

from taizhang.accounts.models import User
from taizhang.core.inputs import GuardedForm, InputGuardMixin
from taizhang.core.models import OrgKind, OrgUnit
from taizhang.core.orgnames import unit_label
from taizhang.core.roles import Role
from taizhang.people.models import Deputy, Person

PERSON_MATCHES = 30


def person_label(person: Person) -> str:
    """Name a person for a picker: name, unit with township, birth year (tells namesakes apart)."""
    born = f"，{person.birth_month.year}年生" if person.birth_month else ""
    return f"{person.name}（{unit_label(person.unit)}{born}）"


def person_matches(query: str, *, limit: int = PERSON_MATCHES) -> list[Person]:
    """Return the people whose name holds the first word and whose unit, village or township
    holds each further word (``王明 石桥村``); an empty query matches nobody."""
    # Read before the form's input guard runs: no NUL (PostgreSQL refuses it), no essay.
    query = query.replace("\x00", "")[:100]
    words = query.replace("，", " ").replace(",", " ").split()
    if not words:
        return []
    people = Person.objects.filter(name__icontains=words[0])
    for word in words[1:]:
        people = people.filter(
            Q(unit__name__icontains=word)
            | Q(village__name__icontains=word)
            | Q(township__name__icontains=word)
        )
    return list(people.select_related("unit__parent__parent").order_by("name", "id")[:limit])


class PersonPick(forms.ModelChoiceField):
    """对应人员: picked from the matches of a name search, never typed as a number."""

    def label_from_instance(self, obj) -> str:
        return person_label(obj)


class LoginForm(InputGuardMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。连续失败多次后账号将被暂时锁定。",
        "inactive": "该账号已停用。",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"


class OtpForm(GuardedForm):
    code = forms.CharField(
        label="验证码",
        max_length=16,
        help_text="身份验证器显示的 6 位数字；手机不在身边时，可输入一个恢复码（每个只能用一次）。",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "请输入验证码。"},
    )


class UserForm(GuardedForm):
    username = forms.RegexField(
        label="用户名",
        regex=r"^[A-Za-z0-9_.@-]{3,150}$",
        max_length=150,
        error_messages={"invalid": "用户名只能包含字母、数字和 _ . @ -，3 到 150 个字符。"},
    )
    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    org_unit = forms.ModelChoiceField(
        label="所属单位", queryset=OrgUnit.objects.none(), required=False
    )
    person_query = forms.CharField(
        label="查找对应人员",
        required=False,
        max_length=60,
        help_text="输入姓名，可再加单位或乡镇（如“王明 石桥村”），点“查找”后在下方选择。",
    )
    # The POST name stays person_id; its value comes from the list, not from typing.
    person_id = PersonPick(
        label="对应人员",
        queryset=Person.objects.all(),
        required=False,
        empty_label="（不对应人员）",
        error_messages={"invalid_choice": "请从查找结果中选择对应人员。"},
    )
    is_active = forms.BooleanField(label="启用", required=False, initial=True)
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput, required=False)

    def __init__(self, *args, editing: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["org_unit"].queryset = (
            OrgUnit.objects.exclude(kind="group")
            .select_related("parent__parent")
            .order_by("kind", "township__name", "name")
        )
        self.fields["org_unit"].label_from_instance = unit_label
        if editing is not None:
            self.fields["username"].disabled = True
            del self.fields["password"]
        self._limit_person_choices()

    def _limit_person_choices(self) -> None:
        """List only the search matches and the chosen person (the roster may be large)."""
        field = self.fields["person_id"]
        query = self.data.get("person_query", "") if self.is_bound else ""
        chosen = self.data.get("person_id") if self.is_bound else self.initial.get("person_id")
        people = person_matches(query)
        if str(chosen or "").isdigit() and all(p.pk != int(chosen) for p in people):
            people = [*Person.objects.filter(pk=chosen).select_related("unit__parent"), *people]
        field.widget.choices = [("", field.empty_label)] + [(p.pk, person_label(p)) for p in people]
        field.widget.attrs.update({"size": min(max(len(people) + 1, 2), 8)})
        self.fields["person_query"].widget.attrs.update(
            {
                "hx-get": reverse("accounts:person_options"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#id_person_id",
                "hx-include": "#id_person_id",
                "autocomplete": "off",
            }
        )

    def clean_username(self):
        name = self.cleaned_data["username"]
        if self.editing is None and User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError("该用户名已被使用。")
        return name

    def clean_person_id(self):
        person = self.cleaned_data.get("person_id")
        if person is None:
            return None
        taken = User.objects.filter(person=person).exclude(pk=getattr(self.editing, "pk", None))
        if taken.exists():
            raise forms.ValidationError(
                f"{person.name}已有账号 {taken.first().username}，不能再开一个。"
            )
        return person

    def clean(self):
        data = super().clean()
        role, unit = data.get("role"), data.get("org_unit")
        if role in {Role.PRESIDIUM, Role.CADRE, Role.VILLAGE, Role.COUNTY} and unit is None:
            self.add_error("org_unit", "该角色必须指定所属单位。")
        if role == Role.VILLAGE and unit is not None and unit.kind != OrgKind.VILLAGE:
            self.add_error("org_unit", "村干部的所属单位必须是村。")
        person = data.get("person_id")
        if role == Role.DEPUTY and person is None and "person_id" not in self.errors:
            self.add_error("person_id", "人大代表账号必须对应一名人员：请查找姓名后选择。")
        is_deputy = person is not None and Deputy.objects.filter(person=person).exists()
        if role == Role.DEPUTY and person is not None and not is_deputy:
            self.add_error("person_id", f"{person.name}不是人大代表，不能开人大代表账号。")
        if role == Role.DEPUTY and unit is None and person is not None:
            data["org_unit"] = person.township  # a deputy's account sits in their township
        if self.editing is None:
            password = data.get("password")
            if not password:
                self.add_error("password", "请填写初始密码。")
            else:
                try:
                    validate_password(password)
                except forms.ValidationError as exc:
                    self.add_error("password", exc)
        return data


class TokenForm(GuardedForm):
    """签发接口令牌: a name, read or read-write, and how many days it lasts."""

    name = forms.CharField(label="令牌名称", max_length=60, help_text="如：12345热线平台")
    scope = forms.ChoiceField(
        label="权限", choices=[("read", "只读"), ("write", "读写（可登记事项）")], initial="read"
    )
    days = forms.IntegerField(label="有效天数", min_value=1, max_value=366, initial=90)


class OwnPasswordForm(InputGuardMixin, PasswordChangeForm):
    """Change one's own password; the new one must differ from the current (issued) one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            "old_password": "原密码",
            "new_password1": "新密码",
            "new_password2": "确认新密码",
        }
        for name, label in labels.items():
            self.fields[name].label = label

    def clean(self):
        data = super().clean()
        new = data.get("new_password1")
        if new and self.user.check_password(new):
            self.add_error("new_password1", "新密码不能与原密码（包括管理员设置的密码）相同。")
        return data


class PasswordResetForm(GuardedForm):
    password = forms.CharField(label="新的临时密码", widget=forms.PasswordInput)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password, self.user)
        return password
