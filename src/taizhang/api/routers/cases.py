"""Cases: list with the page's filters, detail, timeline, and intake (POST) from other systems."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ninja import Header, Query, Router, Schema, Status

from taizhang.api.intake import case_intake
from taizhang.api.routers.common import (
    Id,
    Limit,
    Offset,
    OptionalId,
    Year,
    need,
    page,
    path_id,
    ref,
)
from taizhang.api.schemas import CaseDetail, CaseItem, CasePage, Error, EventOut
from taizhang.cases import selectors
from taizhang.cases.models import Case
from taizhang.core.permissions import get_for_user

router = Router(tags=["事项办理"])


class CaseFilters(Schema):
    kind: str | None = None
    state: str | None = None
    unit: OptionalId = None
    village: OptionalId = None
    colour: Literal["green", "yellow", "red", "done", "none"] | None = None
    year: Year = None
    q: str | None = None
    offset: Offset = 0
    limit: Limit = 50


def case_item(case: Case, colour: str | None = None) -> dict:
    colour = colour or getattr(case, "colour", None) or selectors.colour_of(case)
    return {
        "id": case.pk,
        "code": case.code,
        "kind": case.kind,
        "state": case.state,
        "title": case.title,
        "township_id": case.township_id,
        "handling_unit": ref(case.handling_unit),
        "village_id": case.village_id,
        "registered": case.registered,
        "due": case.due,
        "closed": case.closed,
        "colour": colour,
        "colour_label": selectors.COLOURS[colour],
    }


def case_detail_dict(case: Case) -> dict:
    """The case as the detail page shows it; the petitioner's data masked."""
    petitioner = None
    if case.petitioner_name:
        petitioner = {
            "name": case.masked_petitioner_name,
            "phone": case.masked_petitioner_phone,
            "id_number": case.masked_petitioner_id_number,
            "address": case.masked_petitioner_address,
        }
    return {
        **case_item(case, selectors.colour_of(case)),
        "content": case.content,
        "channel": case.channel,
        "tier": case.tier,
        "township": ref(case.township),
        "village": ref(case.village),
        "accepted": case.accepted,
        "assigned": case.assigned,
        "signed": case.signed,
        "answered": case.answered,
        "extension_due": case.extension_due,
        "answer_text": case.answer_text,
        "satisfaction": case.satisfaction,
        "amount": case.amount,
        "sponsors": [
            {"person_id": s.person_id, "name": s.person.name, "is_lead": s.is_lead}
            for s in case.sponsors.all()
        ],
        "petitioner": petitioner,
    }


def detail_qs():
    return Case.objects.select_related("handling_unit", "township", "village").prefetch_related(
        "sponsors__person"
    )


@router.get("/cases", summary="事项列表", response={200: CasePage, 403: Error, 422: Error})
def case_list(request, filters: Query[CaseFilters]):
    """The cases the token's user may see, newest first, with the list page's filters."""
    need(request, "cases.view")
    data = {k: v for k, v in filters.dict().items() if v is not None}
    cases, since = selectors.case_search(user=request.user, filters=data)
    rows, next_offset = page(cases, filters.offset, filters.limit)
    return {
        "items": [case_item(c) for c in rows],
        "offset": filters.offset,
        "limit": filters.limit,
        "next_offset": next_offset,
        "search_since": since,
    }


@router.get(
    "/cases/{case_id}", summary="事项详情", response={200: CaseDetail, 403: Error, 404: Error}
)
def case_detail(request, case_id: int = path_id("事项编号")):
    """One case (404 outside the user's scope)."""
    need(request, "cases.view")
    return case_detail_dict(get_for_user(detail_qs(), request.user, pk=case_id))


@router.get(
    "/cases/{case_id}/timeline",
    summary="办理记录",
    response={200: list[EventOut], 403: Error, 404: Error},
)
def case_timeline(request, case_id: int = path_id("事项编号")):
    """The case's 办理记录 in order: registration and every workflow step."""
    need(request, "cases.view")
    case = get_for_user(Case.objects.all(), request.user, pk=case_id)
    return list(case.events.all())


class CaseIn(Schema):
    """登记一件信访或建议. Fields not listed for a kind are ignored; the form validates."""

    kind: Literal["信访", "建议"]
    title: str | None = None
    content: str | None = None
    registered: date | None = None
    channel: str | None = None
    petitioner_name: str | None = None
    petitioner_phone: str | None = None
    petitioner_id_number: str | None = None
    petitioner_address: str | None = None
    village: OptionalId = None
    lead: OptionalId = None
    co_sponsors: list[Id] = []


@router.post(
    "/cases",
    summary="登记信访或建议",
    response={200: CaseDetail, 201: CaseDetail, 403: Error, 409: Error, 422: Error},
)
def case_create(
    request,
    payload: CaseIn,
    idempotency_key: str = Header(..., alias="Idempotency-Key", max_length=100, min_length=1),
):
    """Register a 信访 or 建议 from another system; the same Idempotency-Key gives one case.

    A repeat with the same key and body answers 200 with the case first registered.
    """
    need(request, "cases.register", "cases.submit")
    case, created = case_intake(user=request.user, key=idempotency_key, payload=payload.dict())
    case = detail_qs().get(pk=case.pk)
    return Status(201 if created else 200, case_detail_dict(case))


__all__ = ["CaseItem", "router"]
