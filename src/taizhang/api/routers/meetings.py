"""Meetings with their roll (应到 computed from the roster, as on the meeting page)."""

from __future__ import annotations

from ninja import Query, Router, Schema

from taizhang.api.routers.common import Limit, Offset, Year, need, page, path_id, ref
from taizhang.api.schemas import Error, MeetingDetail, MeetingItem
from taizhang.core.permissions import get_for_user
from taizhang.meetings.models import Meeting, MeetingKind
from taizhang.meetings.selectors import attendance_summary, meeting_roll

router = Router(tags=["会议"])


class MeetingFilters(Schema):
    year: Year = None
    kind: str | None = None
    offset: Offset = 0
    limit: Limit = 50


def meeting_item(m: Meeting) -> dict:
    return {
        "id": m.pk,
        "code": m.code,
        "kind": m.kind,
        "name": m.name,
        "title": m.full_title,
        "date": m.date,
        "township": ref(m.township),
        "place": m.place,
    }


@router.get(
    "/meetings", summary="会议列表", response={200: list[MeetingItem], 403: Error, 422: Error}
)
def meeting_list(request, filters: Query[MeetingFilters]):
    """The meetings the user may see, newest first (at most ``limit``, from ``offset``)."""
    need(request, "congress.view")
    meetings = Meeting.objects.for_user(request.user).select_related("township").distinct()
    if filters.year:
        meetings = meetings.filter(date__year=filters.year)
    if filters.kind in MeetingKind.values:
        meetings = meetings.filter(kind=filters.kind)
    rows, _ = page(meetings.order_by("-date", "-id"), filters.offset, filters.limit)
    return [meeting_item(m) for m in rows]


@router.get(
    "/meetings/{meeting_id}",
    summary="会议详情（含点名）",
    response={200: MeetingDetail, 403: Error, 404: Error},
)
def meeting_detail(request, meeting_id: int = path_id("会议编号")):
    """One meeting with its attendance summary and the roll of expected deputies."""
    need(request, "congress.view")
    meeting = get_for_user(
        Meeting.objects.select_related("township", "group"), request.user, pk=meeting_id
    )
    summary = attendance_summary(meeting)
    return {
        **meeting_item(meeting),
        "summary": {
            "expected": summary.expected,
            "present": summary.present,
            "leave": summary.leave,
            "absent": summary.absent,
            "unmarked": summary.unmarked,
            "rate": summary.rate,
            "quorum": summary.quorum,
        },
        "roll": [
            {
                "deputy_id": row.deputy.pk,
                "name": row.deputy.person.name,
                "group": row.deputy.group.name if row.deputy.group_id else "",
                "status": row.status,
                "checked_in_at": row.attendance.checked_in_at if row.attendance else None,
            }
            for row in meeting_roll(meeting)
        ],
    }
