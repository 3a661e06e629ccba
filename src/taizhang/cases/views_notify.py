"""Notice pages: the admin's list of email/SMS copies that failed or are being retried."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from taizhang.cases.reminders import DeliveryState, NoticeDelivery
from taizhang.core.permissions import require


@require("settings.manage")
@require_safe
def deliveries(request):
    """发送记录: failed copies first, then those waiting for a retry, then the latest sent."""
    show = request.GET.get("show", "problems")
    rows = NoticeDelivery.objects.select_related("user", "reminder__case")
    if show == "problems":
        rows = rows.filter(
            Q(state=DeliveryState.FAILED) | Q(state=DeliveryState.PENDING, attempts__gt=0)
        )
    page = Paginator(rows.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    counts = {
        "failed": NoticeDelivery.objects.filter(state=DeliveryState.FAILED).count(),
        "retrying": NoticeDelivery.objects.filter(
            state=DeliveryState.PENDING, attempts__gt=0
        ).count(),
    }
    return render(request, "cases/deliveries.html", {"page": page, "show": show, "counts": counts})
