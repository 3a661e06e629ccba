"""Polishing pages: ask the model for a section or the whole draft, compare, accept."""

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


def _proposal(block: dict, result) -> dict:
    left, right = side_by_side(result.original, result.text if result.accepted else "")
    return {"part": block, "result": result, "left": left, "right": right}


@require("documents.use")
@require_POST
def polish(request, pk: int, key: str = ""):
    """Polish one section (``key``) or every section of the draft; show them side by side."""
    draft = _own_draft(request, pk)
    if draft.status == DraftStatus.FINAL:
        messages.error(request, "文稿已定稿，不能润色；请先改回草稿。")
        return redirect("documents:detail", pk=draft.pk)
    blocks = [b for b in draft.content.get("blocks", []) if not key or b["key"] == key]
    proposals = []
    try:
        for block in blocks:
            result = polishing.draft_polish_section(
                draft=draft, key=block["key"], actor=request.user
            )
            proposals.append(_proposal(block, result))
    except ValidationError as exc:
        messages.error(request, refusal_text(exc))
        if not proposals:
            return redirect("documents:detail", pk=draft.pk)
    return render(
        request,
        "documents/polish.html",
        {
            "draft": draft,
            "proposals": proposals,
            "model": polishing.settings.LLM_MODEL,
            "any_accepted": any(p["result"].accepted for p in proposals),
        },
    )


@require("documents.use")
@require_POST
def accept_polish(request, pk: int):
    """Save the sections the user ticked, each checked against the lock again."""
    draft = _own_draft(request, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, "缺少版本号，请刷新页面后重试。")
        return redirect("documents:detail", pk=draft.pk)
    texts = {key: request.POST.get(f"text-{key}", "") for key in request.POST.getlist("accept")}
    try:
        polishing.draft_accept_polish(
            draft=draft,
            texts=texts,
            model=request.POST.get("model", ""),
            expected_version=version,
            actor=request.user,
        )
    except (ConflictError, ValidationError) as exc:
        messages.error(request, refusal_text(exc))
    else:
        messages.success(request, f"已采纳 {len(texts)} 个部分的润色稿，数字仍与台账关联。")
    return redirect("documents:detail", pk=draft.pk)
