"""Ledger pages: list, filter, create and edit; a person's year by portfolio."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from taizhang.core.formviews import form_save_record
from taizhang.core.models import OrgUnit
from taizhang.core.params import year_param
from taizhang.core.permissions import get_for_user, require, user_can
from taizhang.ledger import selectors, services
from taizhang.ledger.forms import IndicatorForm, ProjectForm, WorkEntryForm
from taizhang.ledger.models import Indicator, Project, ProjectKind, WorkEntry
from taizhang.people.models import Person

PAGE_SIZE = 30


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _year(request) -> int | None:
    return year_param(request.GET)


def _common(request, queryset, title: str, **extra) -> dict:
    return {
        "page": _page(request, queryset),
        "total": queryset.count(),
        "filters": request.GET,
        "title": title,
        "townships": OrgUnit.objects.for_user(request.user).townships(),
        "can_edit": user_can(request.user, "ledger.edit"),
        **extra,
    }


def _filter_township(request, queryset, path: str = "township"):
    value = request.GET.get("township", "")
    return queryset.filter(**{f"{path}_id": value}) if value.isdigit() else queryset


@require("ledger.view")
def index(request):
    user = request.user
    me = user.person if getattr(user, "person_id", None) else None
    projects = Project.objects.for_user(user)
    # The latest ledger year with projects: early in a year last year's ledger is the news.
    this_year = timezone.localdate().year
    latest = projects.filter(year__lte=this_year).aggregate(latest=Max("year"))["latest"]
    project_year = latest or this_year
    return render(
        request,
        "ledger/index.html",
        {
            "projects": selectors.project_totals(projects.filter(year=project_year)),
            "project_year": project_year,
            "indicators": Indicator.objects.for_user(user).count(),
            "entries": WorkEntry.objects.for_user(user).count(),
            "me": me,
            "year": timezone.localdate().year,
        },
    )


@require("ledger.view")
def project_list(request):
    rows = Project.objects.for_user(request.user).select_related("township", "responsible")
    rows = _filter_township(request, rows)
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if request.GET.get("kind") in ProjectKind.values:
        rows = rows.filter(kind=request.GET["kind"])
    if _year(request):
        rows = rows.filter(year=_year(request))
    context = _common(request, rows, "项目台账", kinds=ProjectKind.values, q=q)
    context["sums"] = selectors.project_totals(rows)
    return render(request, "ledger/project_list.html", context)


@require("ledger.view")
def indicator_list(request):
    rows = Indicator.objects.for_user(request.user).select_related("township", "responsible")
    rows = _filter_township(request, rows)
    if _year(request):
        rows = rows.filter(year=_year(request))
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(portfolio__icontains=q))
    return render(request, "ledger/indicator_list.html", _common(request, rows, "指标台账", q=q))


@require("ledger.view")
def entry_list(request):
    rows = WorkEntry.objects.for_user(request.user).select_related("person")
    rows = _filter_township(request, rows, "person__township")
    if _year(request):
        rows = rows.filter(date__year=_year(request))
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(
            Q(matter__icontains=q) | Q(portfolio__icontains=q) | Q(person__name__icontains=q)
        )
    return render(request, "ledger/entry_list.html", _common(request, rows, "工作记录", q=q))


def _edit(request, *, model, form_class, pk, create, update, arg, back, title):
    obj = get_for_user(model.objects.all(), request.user, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=obj, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form_save_record(request, form, obj=obj, create=create, update=update, arg=arg)
        if saved is not None:
            messages.success(request, "已保存。")
            return redirect(back)
    heading = f"编辑{title}" if obj else f"新增{title}"
    return render(request, "ledger/form.html", {"form": form, "title": heading, "back": back})


@require("ledger.edit")
@require_http_methods(["GET", "POST"])
def project_edit(request, pk: int | None = None):
    return _edit(request, model=Project, form_class=ProjectForm, pk=pk,
                 create=services.project_create, update=services.project_update,
                 arg="project", back="ledger:project_list", title="项目")  # fmt: skip


@require("ledger.edit")
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk: int | None = None):
    return _edit(request, model=Indicator, form_class=IndicatorForm, pk=pk,
                 create=services.indicator_create, update=services.indicator_update,
                 arg="indicator", back="ledger:indicator_list", title="指标")  # fmt: skip


@require("ledger.edit")
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk: int | None = None):
    return _edit(request, model=WorkEntry, form_class=WorkEntryForm, pk=pk,
                 create=services.work_entry_create, update=services.work_entry_update,
                 arg="entry", back="ledger:entry_list", title="工作记录")  # fmt: skip


@require("ledger.view")
def person_year(request, pk: int, year: int):
    person = get_for_user(Person.objects.select_related("unit"), request.user, pk=pk)
    return render(
        request,
        "ledger/person_year.html",
        {
            "person": person,
            "year": year,
            "groups": selectors.person_year(person, year),
            "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        },
    )
