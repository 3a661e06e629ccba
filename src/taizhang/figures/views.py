"""Figures page: every registered figure for a township and year, with its sources."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from taizhang.core.models import OrgUnit
from taizhang.core.params import township_param, year_param
from taizhang.core.permissions import require
from taizhang.figures.registry import figures_for
from taizhang.figures.sources import sources_by_fact


@require("figures.view")
@require_safe
def index(request):
    townships = OrgUnit.objects.for_user(request.user).filter(kind="township").order_by("name")
    township = township_param(request.GET, townships)
    year = year_param(request.GET, timezone.localdate().year - 1)
    facts = figures_for(township, year) if township else []
    by_fact = sources_by_fact(facts)
    rows = [
        {"fact": f, "sources": by_fact[f.key], "pop": f"src-{n}"} for n, f in enumerate(facts, 1)
    ]
    return render(
        request,
        "figures/index.html",
        {
            "townships": townships,
            "township": township,
            "year": year,
            "rows": rows,
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        },
    )
