"""Case pages: list, registration, detail with timeline and actions, inbox."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.cases import selectors, services
from taizhang.cases.duplicates import CHECKED_KINDS, similar_open_cases
from taizhang.cases.forms import ActionForm, RegisterForm
from taizhang.cases.models import Case, CaseKind, CaseState
from taizhang.cases.paging import CappedPaginator
from taizhang.cases.workflow import GRAPHS, available_actions, case_roles, register_kinds
from taizhang.core.formviews import form_write
from taizhang.core.models import OrgUnit
from taizhang.core.orgnames import (
    picker_rows,
    sees_many_townships,
    unit_options,
)
from taizhang.core.permissions import deny, get_for_user, require, user_can
from taizhang.core.roles import Role

PAGE_SIZE = 30


def detail_qs():
    return Case.objects.select_related("handling_unit", "township", "village").prefetch_related(
        "sponsors__person"
    )


@require("cases.view")
def case_list(request):
    user = request.user
    cases, search_since = selectors.case_search(user=user, filters=request.GET)
    paginator = CappedPaginator(cases, PAGE_SIZE)
    q = (request.GET.get("q") or "").strip()
    if q:
        # A text search counts exactly up to SEARCH_CAP matches (约 beyond, on PostgreSQL);
        # under the cap, or for a short term rarer than the statistics' common grams, the
        # matches are few: they are read from the text index, then sorted. A common short
        # term is counted from the statistics, and its newest matches are dense.
        paginator.cap = selectors.SEARCH_CAP
        common = selectors.common_term(request.GET.get("q"), cases.db)
        paginator.estimate_first = common
        if not common and (not paginator.capped or selectors.grams_search(q, cases.db)):
            paginator.object_list = selectors.few_first(cases)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "search_since": search_since,
            "filters": request.GET,
            "kinds": CaseKind.values,
            "states": CaseState.values,
            **_unit_pickers(user, request.GET),
            "colours": selectors.COLOURS,
            "figure": selectors.FIGURE_FILTERS.get(request.GET.get("figure", "")),
            "township": _township_named(user, request.GET.get("township", "")),
            "register_kinds": _register_kinds(user),
            "can_settings": user_can(user, "settings.manage"),
            "title": "超期事项" if request.GET.get("colour") == "red" else "事项办理",
        },
    )


def _unit_pickers(user, filters) -> dict:
    """The handling-unit and village pickers' options (one query); across several
    townships (county users) units are named with their township."""
    units = OrgUnit.objects.for_user(user)
    if user.role in (Role.PRESIDIUM, Role.CADRE) and user.township_id:
        units = OrgUnit.objects.filter(township_id=user.township_id)
    rows = picker_rows(
        units.filter(kind__in=["village", "station", "department"]).order_by(
            "township__name", "kind", "name"
        )
    )
    many = sees_many_townships(user)
    villages = [row for row in rows if row[1] == "village"]
    return {
        "many_townships": many,
        "unit_options": unit_options(rows, with_township=many, selected=filters.get("unit")),
        "village_options": unit_options(
            villages, with_township=many, selected=filters.get("village")
        ),
    }


def _township_named(user, value: str):
    """The township a list is narrowed to (from the county roll-up), if in the user's scope."""
    if not value.isdigit():
        return None
    return OrgUnit.objects.for_user(user).filter(kind="township", pk=int(value)).first()


def _register_kinds(user) -> list[str]:
    return register_kinds(user)


def _township_of(user):
    if user.township_id is None:
        return None
    return OrgUnit.objects.get(pk=user.township_id)


@never_cache
@require_http_methods(["GET", "POST"])
def case_register(request, kind: str):
    user = request.user
    if kind not in CaseKind.values:
        raise Http404("未知的事项类别。")
    if kind not in _register_kinds(user):
        raise deny(request, "cases.register")
    township = _township_of(user)
    if township is None:
        raise PermissionDenied("您的账号未关联乡镇，不能登记事项。")
    form = RegisterForm(request.POST or None, kind=kind, township=township, user=user)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        if kind in CHECKED_KINDS and request.POST.get("confirm_similar") != "1":
            # Show the open cases it may repeat before anything is saved.
            duplicates = similar_open_cases(
                user=user, township=township, title=form.cleaned_data["title"]
            )
        if duplicates:
            context = {"form": form, "kind": kind, "duplicates": duplicates}
            return render(request, "cases/register.html", context)
        case = form_write(
            form,
            lambda: services.case_register(
                kind=kind, township=township, actor=user, **form.service_kwargs()
            ),
        )
        if case:
            messages.success(request, f"已登记：{case.code}")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/register.html", {"form": form, "kind": kind})


@require("cases.view")
def similar(request):
    """htmx partial: up to five similar cases of the user's township."""
    township = _township_of(request.user)
    found = []
    if township is not None:
        found = selectors.similar_cases(
            township=township,
            title=request.GET.get("title", "")[:200],
            petitioner_name=request.GET.get("petitioner_name", "")[:50],
        )
        visible = set(
            Case.objects.for_user(request.user)
            .filter(pk__in=[c.pk for c in found])
            .values_list("pk", flat=True)
        )
        found = [c for c in found if c.pk in visible]
    return render(request, "cases/_similar.html", {"similar": found})


@require("cases.view")
def case_detail(request, pk: int):
    case = get_for_user(detail_qs(), request.user, pk=pk)
    if request.user.role in (Role.CADRE, Role.VILLAGE, Role.PRESIDIUM):
        # Opening the case is reading its reminders (a per-user read receipt).
        services.reminders_mark_read(user=request.user, case=case)
    return render(request, "cases/detail.html", detail_context(request, case))


def detail_context(request, case, **extra) -> dict:
    user = request.user
    actions = available_actions(user, case)
    forms = extra.pop("forms", {})
    action_forms = [
        (
            t,
            forms.get(t.action)
            or ActionForm(case=case, transition=t, initial={"version": case.version}),
        )
        for t in actions
    ]
    timeline = list(case.events.select_related("actor").prefetch_related("attachments"))
    is_presidium = user.role == Role.PRESIDIUM and user.township_id == case.township_id
    return {
        "case": case,
        "colour": selectors.colour_of(case),
        "colour_label": selectors.COLOURS[selectors.colour_of(case)],
        "action_forms": action_forms,
        "timeline": timeline,
        "reminders": case.reminders.select_related("by"),
        "supervisions": case.supervisions.select_related("by"),
        "attachments": case.attachments.all(),
        "related": case.related.all()[:20],
        "sponsors": case.sponsors.all(),
        "can_remind": is_presidium and not case.is_closed and case.handling_unit_id,
        "can_supervise": is_presidium,
        "can_attach": bool(actions) or is_presidium,
        "can_reveal": user_can(user, "people.reveal") and case.petitioner_name,
        "graph_states": sorted(GRAPHS[case.kind].states),
        **extra,
    }


def _warn_unreceived(request, case) -> None:
    """Warn when the case now sits with a unit where nobody can sign for it."""
    unit = case.handling_unit_id
    if unit and unit not in selectors.units_with_receivers(unit_ids=[unit]):
        messages.warning(
            request,
            f"承办单位“{case.handling_unit.name}”暂无账号，该事项无人签收。"
            "请系统管理员为该单位开通账号，或改交其他单位。",
        )


@require_http_methods(["GET", "POST"])
def case_act(request, pk: int, action: str):
    user = request.user
    if not (user_can(user, "cases.act") or user_can(user, "cases.submit")):
        raise deny(request, "cases.act")
    case = get_for_user(detail_qs(), user, pk=pk)
    transition = GRAPHS[case.kind].transitions.get(action)
    if transition is None:
        raise Http404("没有这一操作。")
    if not case_roles(user, case) & transition.roles:
        deny(request, f"cases:{action}")
        raise PermissionDenied(f"您无权对该事项执行“{action}”。")
    posted_version = request.POST.get("version", "")
    stale = (
        request.method == "POST"
        and posted_version.isdigit()
        and (int(posted_version) != case.version)
    )
    if stale or transition not in available_actions(user, case):
        message = (
            "该事项已被他人处理，请刷新页面后重试。您的操作未保存。"
            if stale
            else f"事项当前状态为“{case.state}”，不能执行“{action}”。"
        )
        if request.method != "POST":
            messages.error(request, message)
            return redirect("cases:detail", pk=case.pk)
        form = ActionForm(request.POST, case=case, transition=transition)
        form.is_valid()
        form.add_error(None, message)
        return render(
            request,
            "cases/act.html",
            {"case": case, "form": form, "transition": transition},
            status=409,
        )
    form = ActionForm(
        request.POST or None,
        request.FILES or None,
        case=case,
        transition=transition,
        initial={"version": case.version},
    )
    status = 200
    if request.method == "POST":
        done = form.is_valid() and form_write(
            form,
            lambda: services.case_transition(
                case=case,
                action=action,
                actor=user,
                expected_version=form.cleaned_data["version"],
                **form.service_kwargs(),
            ),
        )
        if done:
            messages.success(request, f"已{action}。")
            _warn_unreceived(request, done)
            return redirect("cases:detail", pk=done.pk)
        status = 409 if getattr(form, "conflict", False) else 400
    return render(
        request,
        "cases/act.html",
        {"case": case, "form": form, "transition": transition},
        status=status,
    )


@require("cases.view")
def inbox(request):
    cases = selectors.inbox_for(request.user)
    page = CappedPaginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    notes = list(selectors.notifications_for(request.user)[:20])
    unread = selectors.unread_reminders(request.user).count()
    return render(request, "cases/inbox.html", {"page": page, "notes": notes, "unread": unread})


@require("cases.view")
@require_POST
def inbox_read(request):
    """Mark all of the user's notices (催办, 交办, 临期, 超期) as read."""
    count = services.reminders_mark_read(user=request.user)
    if count:
        messages.success(request, f"已将 {count} 条提醒标为已读。")
    return redirect("cases:inbox")
