"""Deputies and their duty records; personal data masked exactly as on the pages."""

from __future__ import annotations

from django.utils import timezone
from ninja import Query, Router, Schema

from taizhang.api.routers.common import Limit, Offset, Year, need, page, path_id, ref
from taizhang.api.schemas import DeputyPage, DutyRecordOut, Error
from taizhang.core.permissions import get_for_user
from taizhang.duty.models import DutyEntry
from taizhang.duty.selectors import duty_record_for
from taizhang.people.models import Deputy

router = Router(tags=["代表与履职"])


class DeputyFilters(Schema):
    q: str | None = None
    level: str | None = None
    term: str | None = None
    info_officer: bool | None = None
    offset: Offset = 0
    limit: Limit = 50


def deputy_dict(d: Deputy) -> dict:
    p = d.person
    return {
        "id": d.pk,
        "person": {
            "id": p.pk,
            "name": p.name,
            "gender": p.gender,
            "unit": ref(p.unit),
            # Masked as on the person page; revealing stays a logged action on the page.
            "phone": p.masked_phone,
            "id_number": p.masked_id_number,
            "address": p.masked_address,
        },
        "level": d.level,
        "term": d.term,
        "township": ref(d.township),
        "district": d.district.name if d.district_id else "",
        "group": d.group.name if d.group_id else "",
        "start": d.start,
        "end": d.end,
        "is_info_officer": d.is_info_officer,
    }


@router.get("/deputies", summary="代表名册", response={200: DeputyPage, 403: Error, 422: Error})
def deputy_list(request, filters: Query[DeputyFilters]):
    """The deputies the user may see (the 代表名册 page), by name."""
    need(request, "people.view")
    deputies = Deputy.objects.for_user(request.user).select_related(
        "person", "person__unit", "township", "district", "group"
    )
    if filters.q:
        deputies = deputies.filter(person__name__icontains=filters.q.strip()[:50])
    if filters.level:
        deputies = deputies.filter(level=filters.level)
    if filters.term:
        deputies = deputies.filter(term=filters.term)
    if filters.info_officer is not None:
        deputies = deputies.filter(is_info_officer=filters.info_officer)
    rows, next_offset = page(deputies.order_by("person__name", "id"), filters.offset, filters.limit)
    return {
        "items": [deputy_dict(d) for d in rows],
        "offset": filters.offset,
        "limit": filters.limit,
        "next_offset": next_offset,
    }


class YearQuery(Schema):
    year: Year = None


@router.get(
    "/deputies/{deputy_id}/duty",
    summary="代表履职档案",
    response={200: DutyRecordOut, 403: Error, 404: Error, 422: Error},
)
def deputy_duty(request, filters: Query[YearQuery], deputy_id: int = path_id("代表任职编号")):
    """One deputy's 履职档案 for a year: quotas met, meetings, cases, and the duty entries."""
    need(request, "duty.view")
    deputy = get_for_user(
        Deputy.objects.select_related("person", "township"), request.user, pk=deputy_id
    )
    year = filters.year or timezone.localdate().year
    record = duty_record_for(deputy, year)
    entries = DutyEntry.objects.filter(
        person=deputy.person, township=deputy.township, date__year=year
    ).order_by("-date", "-id")
    lines = record.lines if record else []
    return {
        "deputy_id": deputy.pk,
        "year": year,
        "meetings_expected": record.meetings_expected if record else 0,
        "meetings_attended": record.meetings_attended if record else 0,
        "attendance_rate": record.attendance_rate if record else None,
        "activities": record.activities if record else 0,
        "motions": record.motions if record else 0,
        "suggestions": record.suggestions if record else 0,
        "completion": record.completion if record else None,
        "complete": bool(record and record.lines and record.complete),
        "lines": [
            {
                "type": line.type,
                "period": line.period,
                "per_period": line.per_period,
                "required": line.required,
                "done": line.done,
                "behind": line.behind,
            }
            for line in lines
        ],
        "entries": [
            {
                "id": e.pk,
                "date": e.date,
                "type": e.type,
                "content": e.content,
                "quantity": e.quantity,
            }
            for e in entries
        ],
    }
