"""Duty pages: township overview, duty cards, entries, quotas, liaison, publicity, spending."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.core.formviews import flash_post, form_write
from taizhang.core.params import year_param
from taizhang.core.permissions import deny, get_for_user, require, user_can
from taizhang.core.roles import Role
from taizhang.duty import services
from taizhang.duty.forms import (
    DutyEntryForm,
    ExpenseForm,
    LiaisonForm,
    PublicityForm,
    QuotaForm,
)
from taizhang.duty.models import DutyEntry, Expense, PublicityPiece, Quota
from taizhang.duty.selectors import (
    deputies_in_year,
    duty_overview,
    duty_record_for,
    expense_summary,
    liaison_summary,
    publicity_by_level,
)
from taizhang.people.models import Deputy

PAGE = 100


def _year(request) -> int:
    year = year_param(request.GET)
    if year:
        return year
    latest = Quota.objects.for_user(request.user).order_by("-year").values_list("year", flat=True)
    return latest.first() or timezone.localdate().year


def _township(request):
    user = request.user
    return user.org_unit.township if user.org_unit_id and user.org_unit.township_id else None


def _register_post(request, form, write, *, township, success: str, back: str):
    """Save a posted register row: redirect to ``back`` when saved, else None (form shows why).

    Only township users with duty.edit may post; anyone else is refused with 403 and audited.
    """
    if not user_can(request.user, "duty.edit") or township is None:
        raise deny(request, "duty.edit")
    if form.is_valid() and form_write(form, lambda: write(form.cleaned_data)):
        messages.success(request, success)
        return redirect(back)
    return None


@require("duty.view")
def index(request):
    """Township (or county) overview sortable by completion; deputies go to their own card."""
    year = _year(request)
    if request.user.role == Role.DEPUTY:
        # A deputy's own card opens on the current year unless a year was asked for.
        asked = year_param(request.GET) is not None
        if not asked:
            year = timezone.localdate().year
        own = deputies_in_year(Deputy.objects.for_user(request.user), year).first()
        if own is None and not asked:
            own = Deputy.objects.for_user(request.user).order_by("-start").first()
        if own is None:
            messages.info(request, f"{year}年没有您的乡镇人大代表任职记录。")
            return redirect("web:dashboard")
        card = reverse("duty:card", args=[own.pk])
        return redirect(f"{card}?year={year}" if asked else card)
    sort = request.GET.get("sort", "completion")
    descending = request.GET.get("order") == "desc"
    deputies = Deputy.objects.for_user(request.user)
    township = request.GET.get("township", "")
    if township.isdigit():  # from the county roll-up; the deputies are already scoped
        deputies = deputies.filter(township_id=int(township))
    if request.user.role == "county":
        page, types, total, complete = _county_page(request, year, sort, descending)
    else:
        records = duty_overview(deputies=deputies, year=year, sort=sort, descending=descending)
        types = []
        for rec in records:
            for line in rec.lines:
                if line.type not in types:
                    types.append(line.type)
        page = Paginator(records, PAGE).get_page(request.GET.get("page"))
        total, complete = len(records), sum(1 for r in records if r.lines and r.complete)
    for rec in page:
        by_type = {line.type: line for line in rec.lines}
        rec.cells = [by_type.get(t) for t in types]
    return render(
        request,
        "duty/index.html",
        {
            "page": page,
            "year": year,
            "types": types,
            "sort": sort,
            "order": "desc" if descending else "asc",
            "complete": complete,
            "total": total,
            "can_edit": user_can(request.user, "duty.edit"),
        },
    )


def _county_page(request, year: int, sort: str, descending: bool):
    """A county's overview from the stored duty records (figures/duty_rows.py): one page
    of deputies read in SQL, however many the county has."""
    from taizhang.core.models import OrgUnit
    from taizhang.figures.duty_rows import as_record, quota_types, stored_overview

    townships = OrgUnit.objects.for_user(request.user).filter(kind="township").order_by("pk")
    township = request.GET.get("township", "")
    if township.isdigit():  # from the county roll-up
        townships = townships.filter(pk=int(township))
    townships = list(townships)
    rows, totals = stored_overview(townships, year, sort=sort, descending=descending)
    # Order and slice narrow rows (ids), then read the page's hundred whole rows.
    paginator = Paginator(rows.values_list("pk", flat=True), PAGE)
    paginator.__dict__["count"] = totals["total"]  # counted with the totals already
    page = paginator.get_page(request.GET.get("page"))
    ids = list(page.object_list)
    found = rows.in_bulk(ids)
    page.object_list = [as_record(found[pk]) for pk in ids]
    return page, quota_types(townships, year), totals["total"], totals["complete"]


def card_years(deputy: Deputy) -> list[int]:
    """The years of a deputy's mandate up to this year (Beijing time), newest first."""
    this_year = timezone.localdate().year
    last = min(deputy.end.year, this_year) if deputy.end else this_year
    first = max(deputy.start.year if deputy.start else last, last - 9)
    return list(range(last, min(first, last) - 1, -1))


@require("duty.view")
def card(request, pk: int):
    deputy = get_for_user(Deputy.objects.select_related("person", "township"), request.user, pk=pk)
    years = card_years(deputy)
    # Without a choice: the current year (Asia/Shanghai), or the mandate's last year.
    year = year_param(request.GET, years[0])
    record = duty_record_for(deputy, year)
    entries = DutyEntry.objects.filter(
        person=deputy.person, township=deputy.township, date__year=year
    ).order_by("-date")
    return render(
        request,
        "duty/card.html",
        {"deputy": deputy, "record": record, "year": year, "years": years, "entries": entries},
    )


@require("duty.view")
@require_http_methods(["GET", "POST"])
def entry_add(request):
    """A clerk records any deputy's duty; a deputy records their own."""
    user = request.user
    own = user.role == Role.DEPUTY
    if not own and not user_can(user, "duty.edit"):
        raise deny(request, "duty.edit")
    township = _township(request)
    if township is None:
        raise PermissionDenied("只有乡镇用户可以登记履职记录。")
    form = DutyEntryForm(request.POST or None, township=township, own=own)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = user.person if own else data["deputy"].person

        def write():
            if person is None:
                raise ValidationError("您的账号没有关联代表信息。")
            return services.duty_entry_create(
                person=person,
                township=township,
                day=data["date"],
                type=data["type"],
                content=data["content"],
                quantity=data["quantity"],
                actor=user,
            )

        if form_write(form, write):
            messages.success(request, "已登记履职记录。")
            return redirect("duty:index")
    return render(request, "duty/form.html", {"form": form, "title": "登记履职记录"})


@require("duty.view")
def quotas(request):
    year = _year(request)
    rows = Quota.objects.for_user(request.user).filter(year=year).select_related("township")
    return render(
        request,
        "duty/quotas.html",
        {
            "rows": rows,
            "year": year,
            "form": QuotaForm(initial={"year": year, "period": "年"}),
            "can_edit": user_can(request.user, "duty.edit") and _township(request) is not None,
        },
    )


@require("duty.edit")
@require_POST
def quota_save(request):
    township = _township(request)
    form = QuotaForm(request.POST)
    if township is None:
        messages.error(request, "只有乡镇用户可以设置履职要求。")
    else:
        flash_post(
            request,
            form,
            lambda data: services.quota_set(township=township, actor=request.user, **data),
            success="已保存履职要求。",
        )
    return redirect(f"{_url('duty:quotas')}?year={request.POST.get('year', '')}")


@require("duty.edit")
@require_POST
def quota_scheme(request):
    township = _township(request)
    year = request.POST.get("year", "")
    if township is None or not (year.isascii() and year.isdigit() and 2000 <= int(year) <= 2100):
        messages.error(request, "请选择年度。")
    else:
        services.quota_apply_scheme(township=township, year=int(year), actor=request.user)
        messages.success(request, f"已按“12345”设置{year}年履职要求。")
    return redirect(f"{_url('duty:quotas')}?year={year}")


def _url(name: str) -> str:
    return reverse(name)


def _register_page(request, *, template, form, rows, extra, title):
    return render(
        request,
        template,
        {
            "form": form,
            "page": Paginator(rows, 50).get_page(request.GET.get("page")),
            "title": title,
            "can_edit": user_can(request.user, "duty.edit") and _township(request) is not None,
            **extra,
        },
    )


@require("duty.view")
@require_http_methods(["GET", "POST"])
def liaison(request):
    township, year = _township(request), _year(request)
    if township is None:
        raise PermissionDenied("联系代表记录按乡镇查看。")
    form = LiaisonForm(request.POST or None, township=township)
    if request.method == "POST":
        response = _register_post(
            request,
            form,
            lambda data: services.liaison_create(
                township=township,
                deputy=data["deputy"],
                day=data["date"],
                way=data["way"],
                outcome=data["outcome"],
                contacted_by=request.user.person,
                actor=request.user,
            ),
            township=township,
            success="已登记联系记录。",
            back="duty:liaison",
        )
        if response:
            return response
    from taizhang.duty.models import LiaisonContact

    rows = (
        LiaisonContact.objects.for_user(request.user)
        .filter(date__year=year)
        .select_related("deputy__person", "contacted_by")
    )
    summary = liaison_summary(township=township, year=year)
    return _register_page(
        request,
        template="duty/liaison.html",
        form=form,
        rows=rows,
        extra={"summary": summary, "year": year},
        title="联系代表",
    )


@require("duty.view")
@require_http_methods(["GET", "POST"])
def publicity(request):
    township, year = _township(request), _year(request)
    form = PublicityForm(request.POST or None)
    if request.method == "POST":
        response = _register_post(
            request,
            form,
            lambda data: services.publicity_create(
                township=township,
                day=data["date"],
                title=data["title"],
                author=data["author"],
                level=data["level"],
                outlet=data["outlet"],
                actor=request.user,
            ),
            township=township,
            success="已登记信息宣传。",
            back="duty:publicity",
        )
        if response:
            return response
    rows = PublicityPiece.objects.for_user(request.user).filter(date__year=year)
    levels = publicity_by_level(township=township, year=year) if township else {}
    return _register_page(
        request,
        template="duty/publicity.html",
        form=form,
        rows=rows,
        extra={"levels": {k: len(v) for k, v in levels.items()}, "year": year},
        title="信息宣传",
    )


@require("duty.view")
@require_http_methods(["GET", "POST"])
def expenses(request):
    township, year = _township(request), _year(request)
    form = ExpenseForm(request.POST or None)
    if request.method == "POST":
        response = _register_post(
            request,
            form,
            lambda data: services.expense_create(
                township=township,
                day=data["date"],
                purpose=data["purpose"],
                amount=data["amount"],
                actor=request.user,
            ),
            township=township,
            success="已登记经费支出。",
            back="duty:expenses",
        )
        if response:
            return response
    rows = Expense.objects.for_user(request.user).filter(date__year=year)
    summary = expense_summary(township=township, year=year) if township else None
    return _register_page(
        request,
        template="duty/expenses.html",
        form=form,
        rows=rows,
        extra={"summary": summary, "year": year},
        title="人大工作经费",
    )
