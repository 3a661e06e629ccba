"""Login, logout, password change, lockout page, user management."""

from __future__ import annotations

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_otp import login as otp_login

from taizhang.accounts import otp, services
from taizhang.accounts.forms import (
    LoginForm,
    OtpForm,
    OwnPasswordForm,
    PasswordResetForm,
    TokenForm,
    UserForm,
    person_label,
    person_matches,
)
from taizhang.accounts.lockout import account_locked
from taizhang.accounts.models import User
from taizhang.accounts.signals import on_locked_out
from taizhang.api.models import ApiToken
from taizhang.api.tokens import token_create, token_revoke
from taizhang.cases.forms import NoticeSettingForm
from taizhang.cases.reminders import NoticeSetting
from taizhang.cases.services.notify import notice_setting_save
from taizhang.core.formviews import form_write
from taizhang.core.permissions import require
from taizhang.people.models import Person

PENDING = "_tz_otp_user"
PENDING_BACKEND = "_tz_otp_backend"
PENDING_AT = "_tz_otp_at"
PENDING_NEXT = "_tz_otp_next"
PENDING_SECONDS = 300


class LoginView(auth_views.LoginView):
    """Password first; a role with a second factor goes on to the code (or enrolment)."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = str(request.POST.get("username", ""))
        if "\x00" not in username and account_locked(username):
            on_locked_out(sender=__name__, request=request, username=username, ip_address=None)
            return lockout(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if not otp.needs_second_factor(user):
            return super().form_valid(form)
        session = self.request.session
        session.cycle_key()
        session[PENDING] = user.pk
        session[PENDING_BACKEND] = user.backend
        session[PENDING_AT] = time.time()
        session[PENDING_NEXT] = self.get_success_url()
        if otp.confirmed_device(user) is None:
            return redirect("accounts:otp_enrol")
        return redirect("accounts:otp")


def _pending_user(request):
    """The user who passed the password step in this session, within five minutes."""
    started = request.session.get(PENDING_AT, 0)
    if time.time() - started > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=request.session.get(PENDING), is_active=True).first()


def _complete_login(request, user, device):
    """Log ``user`` in after the second factor; return where to go next."""
    backend = request.session.get(PENDING_BACKEND)
    target = request.session.get(PENDING_NEXT) or settings.LOGIN_REDIRECT_URL
    for key in (PENDING, PENDING_BACKEND, PENDING_AT, PENDING_NEXT):
        request.session.pop(key, None)
    auth_login(request, user, backend=backend)
    otp_login(request, device)
    return target


def _locked(request, user) -> bool:
    """Locked for this address (django-axes) or for the account across addresses."""
    credentials = {"username": user.username}
    return account_locked(user.username) or not AxesProxyHandler.is_allowed(request, credentials)


def _code_refused(request, user, form) -> None:
    user_login_failed.send(
        sender=__name__, credentials={"username": user.username}, request=request
    )
    form.add_error("code", "验证码不正确或已使用，请重新输入。")


@login_not_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """Second step: a code from the authenticator, or one recovery code."""
    user = _pending_user(request)
    if user is None:
        messages.info(request, "登录已超时，请重新输入用户名和密码。")
        return redirect("accounts:login")
    if otp.confirmed_device(user) is None:
        return redirect("accounts:otp_enrol")
    if _locked(request, user):
        return lockout(request)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = otp.verify(user, form.cleaned_data["code"])
        if device is not None:
            return redirect(_complete_login(request, user, device))
        _code_refused(request, user, form)
    return render(request, "accounts/otp.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def otp_enrol(request):
    """First login of a role with a second factor: add an authenticator, get recovery codes."""
    user = _pending_user(request)
    if user is None:
        messages.info(request, "登录已超时，请重新输入用户名和密码。")
        return redirect("accounts:login")
    if otp.confirmed_device(user) is not None:
        return redirect("accounts:otp")
    if _locked(request, user):
        return lockout(request)
    device = otp.pending_device(user)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = otp.confirm_enrolment(user=user, code=form.cleaned_data["code"])
        if codes is not None:
            target = _complete_login(request, user, otp.confirmed_device(user))
            context = {"codes": codes, "next": target}
            return render(request, "accounts/otp_recovery.html", context)
        _code_refused(request, user, form)
    context = {"form": form, "secret": otp.secret_text(device), "qr": otp.qr_svg(device)}
    return render(request, "accounts/otp_enrol.html", context)


@login_not_required
def lockout(request, credentials=None, *args, **kwargs):
    """Shown by django-axes when a username+IP pair is locked."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/lockout.html", {"minutes": minutes}, status=429)


@require_http_methods(["GET", "POST"])
def password_change(request):
    form = OwnPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_set_password(
            user=request.user,
            password=form.cleaned_data["new_password1"],
            must_change=False,
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, "密码已修改。")
        return redirect("web:dashboard")
    return render(request, "accounts/password_change.html", {"form": form})


@require("users.manage")
@require_safe
def user_list(request):
    users = User.objects.select_related("org_unit__parent__parent").order_by("username")
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(username__icontains=q) | users.filter(first_name__icontains=q)
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page, "q": q})


@require("users.manage")
@require_http_methods(["GET", "POST"])
def user_create(request):
    form = UserForm(request.POST or None)
    if request.method == "POST" and "find" in request.POST:
        # 查找: show the people matching the name, keep what was typed, save nothing.
        return render(request, "accounts/user_form.html", {"form": form, "title": "新增用户"})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.user_create(
            username=d["username"],
            password=d["password"],
            role=d["role"],
            org_unit=d["org_unit"],
            person=d["person_id"],
            full_name=d["full_name"],
            actor=request.user,
        )
        messages.success(request, f"用户 {d['username']} 已创建，首次登录须修改密码。")
        return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "title": "新增用户"})


@require("users.manage")
@require_http_methods(["GET", "POST"])
def user_edit(request, pk: int):
    user = get_object_or_404(User, pk=pk)
    initial = {
        "username": user.username,
        "full_name": user.first_name,
        "role": user.role,
        "org_unit": user.org_unit_id,
        "person_id": user.person_id,
        "is_active": user.is_active,
    }
    form = UserForm(request.POST or None, initial=initial, editing=user)
    context = {"form": form, "title": f"编辑用户 {user.username}", "editing": user}
    if request.method == "POST" and "find" in request.POST:
        return render(request, "accounts/user_form.html", context)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        saved = form_write(
            form,
            lambda: services.user_update(
                user=user,
                role=d["role"],
                org_unit=d["org_unit"],
                person=d["person_id"],
                full_name=d["full_name"],
                is_active=d["is_active"],
                actor=request.user,
            ),
        )
        if saved:
            messages.success(request, "用户已保存。")
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", context)


@require("users.manage")
@require_safe
def person_options(request):
    """htmx partial: the <option>s of the people matching the typed name (and unit)."""
    query = request.GET.get("person_query", "")[:60]
    people = person_matches(query)
    chosen = request.GET.get("person_id", "")
    if chosen.isdigit() and all(p.pk != int(chosen) for p in people):
        people = [*Person.objects.filter(pk=chosen).select_related("unit__parent"), *people]
    options = [(p.pk, person_label(p)) for p in people]
    context = {"options": options, "chosen": chosen, "query": query.strip()}
    return render(request, "accounts/_person_options.html", context)


@require("users.manage")
@require_http_methods(["GET", "POST"])
def user_password_reset(request, pk: int):
    user = get_object_or_404(User, pk=pk)
    form = PasswordResetForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        password = form.cleaned_data["password"]
        if form_write(
            form,
            lambda: services.user_password_reset(user=user, password=password, actor=request.user),
        ):
            messages.success(
                request, f"已重置 {user.username} 的密码，该用户下次登录须改为自己的新密码。"
            )
            return redirect("accounts:user_list")
    title = f"重置 {user.username} 的密码"
    return render(request, "accounts/user_form.html", {"form": form, "title": title})


def _notice_form(user) -> NoticeSettingForm:
    chosen = NoticeSetting.objects.filter(user=user).first()
    initial = {"email_address": user.email}
    if chosen is not None:
        initial.update(email=chosen.email, digest=chosen.digest, sms=chosen.sms, phone=chosen.phone)
    return NoticeSettingForm(initial=initial)


def _profile_page(
    request, *, token_form=None, notice_form=None, raw_token: str = "", status: int = 200
):
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "token_form": token_form or TokenForm(),
            "notice_form": notice_form or _notice_form(request.user),
            "tokens": tokens,
            "raw_token": raw_token,
        },
        status=status,
    )


@require_safe
def profile(request):
    """我的账号: the user's API tokens (and where to issue one)."""
    return _profile_page(request)


@require_POST
def notice_settings(request):
    """Save the user's notice channels (email, daily digest, SMS)."""
    form = NoticeSettingForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        saved = form_write(
            form,
            lambda: notice_setting_save(
                user=request.user,
                email=d["email"],
                digest=d["digest"],
                sms=d["sms"],
                phone=d["phone"],
                email_address=d["email_address"],
            ),
        )
        if saved is not None:
            messages.success(request, "通知方式已保存。")
            return redirect("accounts:profile")
    return _profile_page(request, notice_form=form, status=422)


@require_POST
def token_issue(request):
    """Issue a token; the raw value is shown in this response only, never stored or flashed."""
    form = TokenForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        issued = form_write(
            form,
            lambda: token_create(
                user=request.user,
                name=d["name"],
                scope=d["scope"],
                days=d["days"],
                actor=request.user,
            ),
        )
        if issued is not None:
            return _profile_page(request, raw_token=issued[1])
    return _profile_page(request, token_form=form, status=422)


@require_POST
def token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_revoke(token=token, actor=request.user)
    messages.success(request, f"令牌“{token.name}”已吊销。")
    return redirect("accounts:profile")
