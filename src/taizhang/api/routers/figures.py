"""Figures with their sources, from the one figures registry the pages read."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema

from taizhang.api.routers.common import OptionalId, Year, need, ref
from taizhang.api.schemas import Error, FiguresOut
from taizhang.core.models import OrgUnit
from taizhang.figures.registry import figures_for

router = Router(tags=["数据统计"])


class FigureQuery(Schema):
    township: OptionalId = None
    year: Year = None


@router.get(
    "/figures", summary="统计数字及来源", response={200: FiguresOut, 403: Error, 404: Error}
)
def figures(request, filters: Query[FigureQuery]):
    """Every registered figure of one township and year, each with the records it counts."""
    need(request, "figures.view")
    townships = OrgUnit.objects.for_user(request.user).filter(kind="township").order_by("name")
    township = (
        townships.filter(pk=filters.township).first()
        if filters.township is not None
        else townships.first()
    )
    if township is None:
        raise Http404
    year = filters.year or timezone.localdate().year - 1
    rows = figures_for(township, year)
    return {
        "township": ref(township),
        "year": year,
        "figures": [
            {
                "key": f.key,
                "label": f.label,
                "value": float(f.value)
                if f.value is not None and not isinstance(f.value, int)
                else f.value,
                "unit": f.unit,
                "sources": list(f.sources),
            }
            for f in rows
        ],
    }
