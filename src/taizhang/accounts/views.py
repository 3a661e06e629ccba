"""Login, logout, password change, lockout page, user management."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from taizhang.accounts import services
from taizhang.accounts.forms import (
    LoginForm,
    OwnPasswordForm,
    PasswordResetForm,
    TokenForm,
    UserForm,
    person_label,
    person_matches,
)
from taizhang.accounts.models import User
from taizhang.api.models import ApiToken
from taizhang.api.tokens import token_create, token_revoke
from taizhang.cases.forms import NoticeSettingForm
from taizhang.cases.reminders import NoticeSetting
from taizhang.cases.services.notify import notice_setting_save
from taizhang.core.formviews import form_write
from taizhang.core.permissions import require
from taizhang.people.models import Person


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


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
            request=request,
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
            request=request,
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
        try:
            services.user_update(
                user=user,
                role=d["role"],
                org_unit=d["org_unit"],
                person=d["person_id"],
                full_name=d["full_name"],
                is_active=d["is_active"],
                actor=request.user,
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
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
        try:
            services.user_password_reset(
                user=user, password=form.cleaned_data["password"], actor=request.user,
                request=request,
            )  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
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
                request=request,
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
                request=request,
            ),
        )
        if issued is not None:
            return _profile_page(request, raw_token=issued[1])
    return _profile_page(request, token_form=form, status=422)


@require_POST
def token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_revoke(token=token, actor=request.user, request=request)
    messages.success(request, f"令牌“{token.name}”已吊销。")
    return redirect("accounts:profile")
