"""节假日设置: a date range or the pasted State Council notice, previewed, never overwritten
without the administrator saying so."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from taizhang.cases import calendar, services
from taizhang.cases.forms import HolidayForm, HolidayNoticeForm
from taizhang.cases.models import HolidayOverride
from taizhang.core.permissions import require

NOTICE = "notice"


def _saved_message(plan) -> str:
    parts = [f"新增{len(plan.new)}天"]
    if plan.changed:
        parts.append(f"替换{len(plan.changed)}天")
    if plan.same:
        parts.append(f"{len(plan.same)}天原已如此设置，未改动")
    return "已保存：" + "，".join(parts) + "。"


WEEKDAYS = "一二三四五六日"


def _preview_rows(plan) -> list[dict]:
    """One row per date of the notice, in date order, saying what saving would do."""
    rows = [{"day": d, "working": w, "note": n, "status": "新增"} for d, w, n in plan.new]
    rows += [
        {"day": o.date, "working": o.is_working_day, "note": o.note, "status": "原已相同"}
        for o in plan.same
    ]
    rows += [
        {"day": o.date, "working": w, "note": n or o.note,
         "status": f"原为{'上班' if o.is_working_day else '放假'}，将替换"}
        for o, w, n in plan.changed
    ]  # fmt: skip
    for row in rows:
        row["weekday"] = "周" + WEEKDAYS[row["day"].weekday()]
    return sorted(rows, key=lambda r: r["day"])


def _page(request, *, form=None, notice_form=None, preview=None, conflict="", status=200):
    this_year = timezone.localdate().year
    context = {
        "form": form or HolidayForm(),
        "notice_form": notice_form or HolidayNoticeForm(initial={"year": this_year + 1}),
        "preview": preview,
        "rows": _preview_rows(preview) if preview else [],
        "conflict": conflict,
        # What to post again when the administrator chooses to replace.
        "resubmit": [(k, v) for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken",)],
        "overrides": HolidayOverride.objects.filter(date__year__gte=this_year - 1),
        "gaps": calendar.year_gaps(range(this_year, this_year + 2)),
    }
    return render(request, "cases/holidays.html", context, status=status)


def _save(request, form, *, notice: bool):
    """Save the form's days; a date saved with another arrangement needs ``replace``."""
    try:
        plan = services.holiday_days_save(
            days=form.days(),
            replace=request.POST.get("replace") == "1",
            actor=request.user,
        )
    except ValidationError as exc:
        conflict = " ".join(exc.messages)
        if notice:
            preview = services.holiday_plan(form.days())
            return _page(request, notice_form=form, preview=preview, conflict=conflict, status=409)
        return _page(request, form=form, conflict=conflict, status=409)
    if plan.new or plan.changed:
        messages.success(request, _saved_message(plan))
    else:
        messages.info(request, "这些日期原已如此设置，未作改动。")
    return redirect("cases:holidays")


def _delete(request):
    override = HolidayOverride.objects.filter(pk=int(request.POST["delete"])).first()
    if override:
        services.holiday_override_delete(override=override, actor=request.user)
        messages.success(request, "已删除。")
    return redirect("cases:holidays")


@require("settings.manage")
@require_http_methods(["GET", "POST"])
def holidays(request):
    if request.method == "GET":
        return _page(request)
    if request.POST.get("delete", "").isdigit():
        return _delete(request)
    if request.POST.get("form") == NOTICE:
        form = HolidayNoticeForm(request.POST)
        if not form.is_valid():
            return _page(request, notice_form=form, status=400)
        if request.POST.get("confirm") != "1":
            return _page(request, notice_form=form, preview=services.holiday_plan(form.days()))
        return _save(request, form, notice=True)
    form = HolidayForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    return _save(request, form, notice=False)
