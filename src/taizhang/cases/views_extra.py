"""Case side pages: reminders, supervision, files, personal data, figures."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from taizhang.cases import services
from taizhang.cases.figures import township_year
from taizhang.cases.forms import AttachForm, RemindForm, SuperviseForm
from taizhang.cases.models import Case, CaseAttachment
from taizhang.cases.services.support import petitioner_reveal
from taizhang.cases.views import detail_context, detail_qs
from taizhang.core.formviews import flash_write, form_write
from taizhang.core.models import OrgUnit
from taizhang.core.params import township_param, year_param
from taizhang.core.permissions import get_for_user, require
from taizhang.core.roles import Role
from taizhang.core.uploads import serve_file
from taizhang.figures.sources import sources_by_fact


def _back_with_errors(request, case, form, key: str):
    return render(
        request, "cases/detail.html", detail_context(request, case, **{key: form}), status=400
    )


@require("cases.act")
@require_POST
def remind(request, pk: int):
    case = get_for_user(detail_qs(), request.user, pk=pk)
    form = RemindForm(request.POST)
    if form.is_valid():
        note = form.cleaned_data["note"]
        if form_write(form, lambda: services.case_remind(case=case, actor=request.user, note=note)):
            messages.success(request, "已催办，承办单位将收到提醒。")
            return redirect("cases:detail", pk=pk)
    return _back_with_errors(request, case, form, "remind_form")


@require("cases.act")
@require_POST
def supervise(request, pk: int):
    case = get_for_user(detail_qs(), request.user, pk=pk)
    form = SuperviseForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if form_write(form, lambda: services.case_supervise(case=case, actor=request.user, **data)):
            messages.success(request, "已记录督办。")
            return redirect("cases:detail", pk=pk)
    return _back_with_errors(request, case, form, "supervise_form")


@require("cases.view")
@require_POST
def attach(request, pk: int):
    case = get_for_user(detail_qs(), request.user, pk=pk)
    context = detail_context(request, case)
    if not context["can_attach"]:
        raise PermissionDenied("您无权为该事项上传附件。")
    form = AttachForm(request.POST, request.FILES)
    if form.is_valid():
        files = form.cleaned_data["files"]

        def write():
            for upload in files:
                services.attachment_add(case=case, upload=upload, actor=request.user)

        if form_write(form, write):
            messages.success(request, "附件已上传。")
            return redirect("cases:detail", pk=pk)
    return _back_with_errors(request, case, form, "attach_form")


@require("cases.view")
def attachment(request, pk: int, attachment_id: int):
    """Serve a file only to users who may see its case."""
    case = get_for_user(Case.objects.all(), request.user, pk=pk)
    try:
        item = CaseAttachment.objects.get(pk=attachment_id, case=case)
        handle = item.file.open("rb")
    except (CaseAttachment.DoesNotExist, FileNotFoundError, OSError) as exc:
        raise Http404("附件不存在。") from exc
    return serve_file(
        request,
        handle,
        filename=item.name,
        kind=item.content_type,
        inline=item.content_type.startswith("image/"),
        obj=case,
        summary=f"{case.code} 下载附件 {item.pk}",
    )


@never_cache
@require("people.reveal")
@require_POST
def reveal(request, pk: int):
    case = get_for_user(Case.objects.all(), request.user, pk=pk)
    petitioner_reveal(case=case)
    return render(request, "cases/_petitioner.html", {"case": case, "revealed": True})


def _figure_township(request):
    user = request.user
    if user.township_id:
        return OrgUnit.objects.get(pk=user.township_id)
    units = OrgUnit.objects.for_user(user).filter(kind="township").order_by("name")
    return township_param(request.GET, units)


@require("figures.view")
def figures_page(request):
    township = _figure_township(request)
    year = year_param(request.GET, timezone.localdate().year)
    facts, units, chart = [], [], None
    # A village cadre sees their village's figures only, never the township's.
    user = request.user
    village = OrgUnit.objects.get(pk=user.village_id) if user.role == Role.VILLAGE else None
    if township is not None:
        computed = township_year(township, year, village)
        facts = [f for f in computed.facts if not f.key.startswith("cases.unit.")]
        units = computed.units
        chart = json.dumps(
            {
                "title": {
                    "text": f"{(village or township).name}{year}年各承办单位办理情况",
                    "left": "center",
                    "textStyle": {"fontSize": 14},
                },
                "tooltip": {},
                "legend": {"bottom": 0},
                "xAxis": {"type": "category", "data": [u["handling_unit__name"] for u in units]},
                "yAxis": {"type": "value", "minInterval": 1},
                "series": [
                    {"name": "承办", "type": "bar", "data": [u["n_assigned"] for u in units]},
                    {"name": "办结", "type": "bar", "data": [u["n_closed"] for u in units]},
                ],
            },
            ensure_ascii=False,
        )
    townships = OrgUnit.objects.for_user(request.user).filter(kind="township").order_by("name")
    by_fact = sources_by_fact(facts)
    return render(
        request,
        "cases/figures.html",
        {
            "township": township,
            "place": village or township,
            "year": year,
            "rows": [
                {"fact": f, "sources": by_fact[f.key], "pop": f"src-{n}"}
                for n, f in enumerate(facts, 1)
            ],
            "units": units,
            "chart": chart,
            "townships": townships,
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        },
    )


@require("cases.act")
@require_POST
def link(request, pk: int):
    """Link this case to another case of the township by its code (编号)."""
    case = get_for_user(detail_qs(), request.user, pk=pk)
    code = request.POST.get("code", "").strip()[:32]
    other = (
        Case.objects.for_user(request.user).filter(township_id=case.township_id, code=code).first()
    )
    if other is None:
        messages.error(request, f"未找到编号为“{code}”的本乡镇事项。")
        return redirect("cases:detail", pk=pk)
    flash_write(
        request,
        lambda: services.case_link(case=case, other=other, actor=request.user),
        f"已关联 {other.code}。",
    )
    return redirect("cases:detail", pk=pk)
