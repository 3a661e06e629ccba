"""Year-end documents: the list and a DOCX download, after the same checks as the pages."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from taizhang.api.routers.common import Limit, Offset, Year, need, page, path_id, ref
from taizhang.api.schemas import DocumentOut, Error
from taizhang.core.permissions import get_for_user
from taizhang.documents.draft import draft_to_document
from taizhang.documents.models import Draft
from taizhang.documents.selfcheck import blocking, draft_self_check, refusal_message
from taizhang.documents.services import draft_export_record
from taizhang.writer.posts import UnknownPost
from taizhang.writer.render.docx import render_docx

router = Router(tags=["年终文稿"])
CAN_READ = ("documents.use", "documents.view")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocumentFilters(Schema):
    year: Year = None
    kind: str | None = None
    offset: Offset = 0
    limit: Limit = 50


@router.get(
    "/documents", summary="文稿列表", response={200: list[DocumentOut], 403: Error, 422: Error}
)
def document_list(request, filters: Query[DocumentFilters]):
    """The drafts the user may read, most recently changed first."""
    need(request, *CAN_READ)
    drafts = Draft.objects.for_user(request.user).select_related("township", "person")
    if filters.year:
        drafts = drafts.filter(year=filters.year)
    if filters.kind:
        drafts = drafts.filter(kind=filters.kind)
    rows, _ = page(drafts.order_by("-updated_at", "-id"), filters.offset, filters.limit)
    return [
        {
            "id": d.pk,
            "kind": d.kind,
            "kind_label": d.get_kind_display(),
            "variant": d.variant,
            "title": d.title,
            "year": d.year,
            "status": d.status,
            "township": ref(d.township),
            "person": ref(d.person),
            "updated_at": d.updated_at,
        }
        for d in rows
    ]


@router.get(
    "/documents/{document_id}/docx",
    summary="下载 Word 文稿",
    response={200: bytes, 403: Error, 404: Error, 409: Error, 422: Error},
    openapi_extra={
        "responses": {
            200: {
                "description": "Word 文档",
                "content": {DOCX: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def document_docx(request, document_id: int = path_id("文稿编号")):
    """Download one draft as a Word (DOCX) file laid out as on the page's export.

    The draft first passes the same self-check as the page's export: a draft that
    contradicts itself or the ledger answers 409 naming each finding, never a file.
    """
    need(request, *CAN_READ)
    draft = get_for_user(
        Draft.objects.select_related("township", "person"), request.user, pk=document_id
    )
    try:
        refused = blocking(draft_self_check(draft))
    except UnknownPost as exc:
        raise HttpError(422, str(exc)) from None
    if refused:
        raise HttpError(409, refusal_message(refused))
    data = render_docx(draft_to_document(draft.content), created=timezone.now())
    draft_export_record(draft=draft, fmt="docx", api=True)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(draft.title)}.docx"
    return response
