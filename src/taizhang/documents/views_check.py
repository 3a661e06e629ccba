"""文稿校对 page: paste text or upload .docx, .md, .html or .txt; highlighted findings; accept
or ignore.

The explicit 校对 (and every accept, ignore or filter after it) runs the full checker, with the
broad spelling rule; while the user types, the page asks for a live check with the fast
profile (every rule but the broad spelling one), which only refreshes the findings list.
"""

from __future__ import annotations

from dataclasses import replace

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from taizhang.core.permissions import require
from taizhang.core.uploads import upload_problem
from taizhang.documents.checking import (
    CATEGORY_LABELS,
    FORMATS,
    MAX_TEXT,
    UploadError,
    apply_suggestion,
    counts_by_category,
    read_upload,
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
    fmt = data.get("format", "txt") if data.get("format") in FORMATS else "txt"
    error = ""
    upload = request.FILES.get("file")
    if upload is not None:
        error = upload_problem(upload, purpose="document") or ""
        if not error:
            try:
                text, fmt = read_upload(upload.name, upload.read(), settings.UPLOAD_MAX_BYTES)
            except UploadError as exc:
                error, text = str(exc), ""
    text = text.replace("\r\n", "\n")
    if len(text) > MAX_TEXT:
        error = f"文本过长（共 {len(text)} 字，上限 {MAX_TEXT} 字），未校对。请分段粘贴或上传。"
        text = text[:MAX_TEXT]
    profile = data.get("profile", "summary")
    if profile not in dict(PROFILES):
        profile = "summary"
    ignored = set(data.getlist("ignored"))
    action = data.get("action", "")
    live = action == "live"
    speed = "fast" if live else "full"
    strict = data.get("strict") == "1"
    options = {"profile": profile, "ignored": ignored, "fmt": fmt, "speed": speed, "strict": strict}
    if action.startswith(("accept:", "ignore:")) and text and not error:
        target = action.split(":", 1)[1]
        for f in run_check(text, **options):
            if signature(f) == target:
                if action.startswith("accept:"):
                    text = _accept(text, f)
                else:
                    ignored.add(target)
                break
    category = data.get("category", "") if data.get("category", "") in CATEGORY_LABELS else ""
    findings = run_check(text, **options) if text and not error else []
    shown = [f for f in findings if not category or f.category == category]
    context = {
        "text": text,
        "error": error,
        "profile": profile,
        "profiles": PROFILES,
        "strict": strict,
        "format": fmt,
        "formats": FORMATS,
        "live": live,
        "findings": shown,
        "all_count": len(findings),
        "segments": _segments(text, shown),
        "categories": counts_by_category(findings),
        "category": category,
        "ignored": sorted(ignored),
        "labels": CATEGORY_LABELS,
        "checked": bool(text) and not error,
        "items": [
            {
                "i": i,
                "f": f,
                "sig": signature(f),
                "label": CATEGORY_LABELS[f.category],
                "paragraph": text.count("\n", 0, f.start) + 1,
            }
            for i, f in enumerate(shown)
        ],
    }
    if live:
        template = "documents/_check_results.html"
    elif request.htmx:
        template = "documents/_check_panel.html"
    else:
        template = "documents/check.html"
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
