"""Dashboard, org-tree browser and error pages."""

from __future__ import annotations

import importlib
import json

from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from taizhang.core.models import OrgUnit
from taizhang.core.permissions import require, user_can
from taizhang.people.models import Deputy, Person


@require_safe
def dashboard(request):
    user = request.user
    stats, chart = [], None
    if user_can(user, "people.view"):
        people = Person.objects.for_user(user)
        deputies = Deputy.objects.for_user(user).filter(end__isnull=True)
        deputy_list = reverse("people:deputy_list")
        # (label, number, the list whose count is the number)
        stats = [
            ("人员", people.count(), reverse("people:person_list")),
            ("在任代表", deputies.count(), f"{deputy_list}?current=1"),
            (
                "信访信息员",
                deputies.filter(is_info_officer=True).count(),
                f"{deputy_list}?current=1&info_officer=1",
            ),
        ]
        if user_can(user, "org.view"):
            units = OrgUnit.objects.for_user(user)
            stats += [
                ("乡镇", units.filter(kind="township").count(), ""),
                ("村", units.filter(kind="village").count(), ""),
            ]
            per_township = list(
                units.filter(kind="township")
                .annotate(n=Count("deputies", filter=Q(deputies__end__isnull=True)))
                .values_list("name", "n")
                .order_by("name")
            )
            if per_township:
                chart = json.dumps(
                    {
                        "title": {
                            "text": "各乡镇在任代表",
                            "left": "center",
                            "textStyle": {"fontSize": 14},
                        },
                        "tooltip": {},
                        "xAxis": {"type": "category", "data": [n for n, _ in per_township]},
                        "yAxis": {"type": "value", "minInterval": 1},
                        "series": [
                            {
                                "type": "bar",
                                "data": [c for _, c in per_township],
                                "itemStyle": {"color": "#a52a2a"},
                            }
                        ],
                    },
                    ensure_ascii=False,
                )
    return render(
        request, "web/dashboard.html", {"stats": stats, "chart": chart, "panels": app_panels(user)}
    )


def app_panels(user) -> list[dict]:
    """Collect dashboard panels from each app's optional ``dashboard.panels(user)``.

    A panel is ``{"title": str, "stats": [(label, value)], "chart": json-str or None,
    "link": url or None}``; its numbers must come from the figures selectors.
    """
    panels = []
    for config in apps.get_app_configs():
        if not config.name.startswith("taizhang.") or config.name == "taizhang.web":
            continue
        try:
            module = importlib.import_module(f"{config.name}.dashboard")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.dashboard":
                raise
            continue
        panels.extend(module.panels(user))
    for panel in panels:
        links = panel.get("links", {})
        panel["tiles"] = [(label, value, links.get(label, "")) for label, value in panel["stats"]]
    return panels


@require("org.view")
@require_safe
def org_tree(request):
    units = list(
        OrgUnit.objects.for_user(request.user)
        .order_by("kind", "name")
        .values("id", "name", "kind", "parent_id")
    )
    children: dict = {}
    ids = {u["id"] for u in units}
    for unit in units:
        children.setdefault(unit["parent_id"] if unit["parent_id"] in ids else None, []).append(
            unit
        )
    labels = dict(OrgUnit._meta.get_field("kind").choices)

    def build(parent_id):
        return [
            {**u, "label": labels[u["kind"]], "children": build(u["id"])}
            for u in children.get(parent_id, [])
        ]

    return render(request, "web/org_tree.html", {"tree": build(None), "count": len(units)})


@login_not_required
def forbidden(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有权限执行此操作。"
    return render(request, "web/error.html", {"code": 403, "message": message}, status=403)


@login_not_required
def not_found(request, exception=None):
    return render(
        request,
        "web/error.html",
        {"code": 404, "message": "未找到该页面或记录，或您无权查看。"},
        status=404,
    )


@login_not_required
def server_error(request):
    return render(
        request,
        "web/error.html",
        {"code": 500, "message": "服务器内部错误，已记录，请稍后再试。"},
        status=500,
    )
