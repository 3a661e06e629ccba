"""文稿校对 page: paste text or upload .docx; highlighted findings; accept or ignore."""

from __future__ import annotations

import zipfile
from dataclasses import replace

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from taizhang.core.permissions import require
from taizhang.documents.checking import (
    CATEGORY_LABELS,
    MAX_TEXT,
    apply_suggestion,
    counts_by_category,
    docx_text,
    run_check,
    segments,
    signature,
)

PROFILES = [("summary", "个人总结"), ("duty", "述职报告"), ("presidium", "主席团总结/报告")]


@require("documents.use")
@require_http_methods(["GET", "POST"])
def check_page(request):
    data = request.POST
    text = data.get("text", "")
    error = ""
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size > settings.UPLOAD_MAX_BYTES:
            error = "文件过大。"
        elif not upload.name.lower().endswith(".docx"):
            error = "只能上传 .docx 文件，或直接粘贴文本。"
        else:
            try:
                text = docx_text(upload.read())
            except (zipfile.BadZipFile, KeyError, ValueError):
                error = "无法读取该 Word 文件，请确认是 .docx 格式。"
    text = text.replace("\r\n", "\n")
    if len(text) > MAX_TEXT:
        error, text = f"文本过长（超过{MAX_TEXT}字），请分段校对。", text[:MAX_TEXT]
    profile = data.get("profile", "summary")
    if profile not in dict(PROFILES):
        profile = "summary"
    ignored = set(data.getlist("ignored"))
    action = data.get("action", "")
    if action.startswith(("accept:", "ignore:")) and text:
        target = action.split(":", 1)[1]
        for f in run_check(text, profile=profile, ignored=ignored):
            if signature(f) == target:
                if action.startswith("accept:"):
                    text = _accept(text, f)
                else:
                    ignored.add(target)
                break
    category = data.get("category", "") if data.get("category", "") in CATEGORY_LABELS else ""
    findings = run_check(text, profile=profile, ignored=ignored) if text and not error else []
    shown = [f for f in findings if not category or f.category == category]
    context = {
        "text": text,
        "error": error,
        "profile": profile,
        "profiles": PROFILES,
        "findings": shown,
        "all_count": len(findings),
        "segments": _segments(text, shown),
        "categories": counts_by_category(findings),
        "category": category,
        "ignored": sorted(ignored),
        "labels": CATEGORY_LABELS,
        "checked": bool(text) and not error,
        "items": [
            {"i": i, "f": f, "sig": signature(f), "label": CATEGORY_LABELS[f.category]}
            for i, f in enumerate(shown)
        ],
    }
    template = "documents/_check_panel.html" if request.htmx else "documents/check.html"
    return render(request, template, context)


def _accept(text: str, finding) -> str:
    """Apply a suggestion at every place of the finding (a merged run has several)."""
    for start, end in sorted(finding.spans, reverse=True):
        text = apply_suggestion(text, replace(finding, start=start, end=end, positions=()))
    return text


def _segments(text: str, findings: list) -> list:
    """Highlight every place of every finding; places after a finding's first are repeats."""
    places, owners = [], []
    for i, f in enumerate(findings):
        for n, (start, end) in enumerate(f.spans):
            places.append(replace(f, start=start, end=end, text=text[start:end], positions=()))
            owners.append((i, n > 0))
    out = segments(text, places)
    for seg in out:
        if seg.finding is not None:
            seg.finding, seg.repeat = owners[seg.finding]
    return out
