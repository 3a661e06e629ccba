"""Polishing pages: ask the model for one section, compare side by side, accept or reject."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from taizhang.core.formviews import refusal_text
from taizhang.core.permissions import get_for_user, require
from taizhang.core.versioning import ConflictError
from taizhang.documents import polishing
from taizhang.documents.models import Draft, DraftStatus
from taizhang.writer.polish.diff import side_by_side


def _own_draft(request, pk: int) -> Draft:
    return get_for_user(Draft.objects.select_related("township", "person"), request.user, pk=pk)


@require("documents.use")
@require_POST
def polish_section(request, pk: int, key: str):
    draft = _own_draft(request, pk)
    if draft.status == DraftStatus.FINAL:
        messages.error(request, "文稿已定稿，不能润色；请先改回草稿。")
        return redirect("documents:detail", pk=draft.pk)
    try:
        result = polishing.draft_polish_section(
            draft=draft, key=key, actor=request.user, request=request
        )
    except ValidationError as exc:
        messages.error(request, refusal_text(exc))
        return redirect("documents:detail", pk=draft.pk)
    block = next(b for b in draft.content["blocks"] if b["key"] == key)
    left, right = side_by_side(result.original, result.text if result.accepted else "")
    return render(
        request,
        "documents/polish.html",
        {
            "draft": draft,
            "part": block,
            "result": result,
            "left": left,
            "right": right,
        },
    )


@require("documents.use")
@require_POST
def accept_polish(request, pk: int, key: str):
    draft = _own_draft(request, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, "缺少版本号，请刷新页面后重试。")
        return redirect("documents:detail", pk=draft.pk)
    try:
        polishing.draft_accept_polish(
            draft=draft,
            key=key,
            text=request.POST.get("text", ""),
            model=request.POST.get("model", ""),
            expected_version=version,
            actor=request.user,
        )
    except (ConflictError, ValidationError) as exc:
        messages.error(request, refusal_text(exc))
    else:
        messages.success(request, "已采纳润色稿，数字仍与台账关联。")
    return redirect("documents:detail", pk=draft.pk)
