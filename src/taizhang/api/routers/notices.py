"""The token user's notices (催办, 交办, 临期, 超期) with read state, as in the inbox."""

from __future__ import annotations

from datetime import datetime

from ninja import Query, Router, Schema

from taizhang.api.routers.common import Limit, OptionalId, need
from taizhang.api.schemas import Error
from taizhang.cases import selectors, services
from taizhang.cases.models import Case
from taizhang.core.permissions import get_for_user

router = Router(tags=["提醒"])


class NoticeOut(Schema):
    id: int
    kind: str
    kind_label: str
    case_id: int
    case_code: str
    note: str
    at: datetime
    is_read: bool


class NoticeFilters(Schema):
    unread: bool = False
    limit: Limit = 50


class ReadIn(Schema):
    case_id: OptionalId = None


class ReadOut(Schema):
    marked: int


@router.get(
    "/notifications", summary="我的提醒", response={200: list[NoticeOut], 403: Error, 422: Error}
)
def notice_list(request, filters: Query[NoticeFilters]):
    """The notices addressed to the user's unit, newest first; ``unread`` keeps unread only."""
    need(request, "cases.view")
    notes = selectors.notifications_for(request.user)
    if filters.unread:
        notes = notes.filter(is_read=False)
    return [
        {
            "id": n.pk,
            "kind": n.kind,
            "kind_label": n.get_kind_display(),
            "case_id": n.case_id,
            "case_code": n.case.code,
            "note": n.note,
            "at": n.at,
            "is_read": n.is_read,
        }
        for n in notes[: filters.limit]
    ]


@router.post(
    "/notifications/read",
    summary="标为已读",
    response={200: ReadOut, 403: Error, 404: Error, 422: Error},
)
def notice_read(request, payload: ReadIn):
    """Mark the user's unread notices as read (of one case, or all); return how many."""
    need(request, "cases.view")
    case = None
    if payload.case_id is not None:
        case = get_for_user(Case.objects.all(), request.user, pk=payload.case_id)
    return {"marked": services.reminders_mark_read(user=request.user, case=case)}
