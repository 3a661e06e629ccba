"""Helpers the routers share: role permission (403) and paging."""

from __future__ import annotations

from typing import Annotated

from ninja import Path as NinjaPath
from ninja.errors import HttpError
from pydantic import Field

from taizhang.core.permissions import user_can

MAX_LIMIT = 100
MAX_ID = 2**53  # ids past this are not ours; bounding them keeps the database from overflowing
MAX_OFFSET = 1_000_000

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
OptionalId = Annotated[int | None, Field(ge=1, le=MAX_ID)]
Year = Annotated[int | None, Field(ge=1901, le=2999)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]


def path_id(description: str):
    """A positive record id in the path (a 422, not a database overflow, past MAX_ID)."""
    return NinjaPath(..., ge=1, le=MAX_ID, description=description)


def need(request, *permissions: str) -> None:
    """Refuse with 403 unless the token's user has one of ``permissions`` (as on the pages)."""
    if not any(user_can(request.user, p) for p in permissions):
        raise HttpError(403, "您的角色没有权限访问该接口。")


def page(queryset, offset: int, limit: int) -> tuple[list, int | None]:
    """Return one page of ``queryset`` and the offset of the next, if any (no COUNT query)."""
    offset = max(offset, 0)
    limit = min(max(limit, 1), MAX_LIMIT)
    rows = list(queryset[offset : offset + limit + 1])
    more = len(rows) > limit
    return rows[:limit], (offset + limit if more else None)


def ref(obj) -> dict | None:
    return {"id": obj.pk, "name": obj.name} if obj is not None else None
