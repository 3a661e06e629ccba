"""Account forms."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import validate_password

from taizhang.accounts.models import User
from taizhang.core.inputs import GuardedForm, InputGuardMixin
from taizhang.core.models import OrgUnit
from taizhang.core.roles import Role


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
    person_id = forms.IntegerField(label="对应人员编号", required=False, min_value=1)
    is_active = forms.BooleanField(label="启用", required=False, initial=True)
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput, required=False)

    def __init__(self, *args, editing: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["org_unit"].queryset = OrgUnit.objects.exclude(kind="group").order_by(
            "kind", "name"
        )
        if editing is not None:
            self.fields["username"].disabled = True
            del self.fields["password"]

    def clean_username(self):
        name = self.cleaned_data["username"]
        if self.editing is None and User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError("该用户名已被使用。")
        return name

    def clean_person_id(self):
        from taizhang.people.models import Person

        pid = self.cleaned_data.get("person_id")
        if pid is None:
            return None
        person = Person.objects.filter(pk=pid).first()
        if person is None:
            raise forms.ValidationError("没有这个人员编号。")
        return person

    def clean(self):
        data = super().clean()
        role, unit = data.get("role"), data.get("org_unit")
        if role in {Role.PRESIDIUM, Role.CADRE, Role.VILLAGE, Role.COUNTY} and unit is None:
            self.add_error("org_unit", "该角色必须指定所属单位。")
        if role == Role.VILLAGE and unit is not None and unit.kind != "village":
            self.add_error("org_unit", "村干部的所属单位必须是村。")
        if role == Role.DEPUTY and data.get("person_id") is None:
            self.add_error("person_id", "人大代表账号必须对应一名人员。")
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
