"""Year-end document pages: list, generate, edit by section, regenerate, versions, export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.core.formviews import form_write, refusal_text
from taizhang.core.permissions import deny, get_for_user, require, user_can
from taizhang.core.versioning import ConflictError, parse_version
from taizhang.documents import polishing, services
from taizhang.documents.checking import finding_items, run_check, segments, signature
from taizhang.documents.draft import draft_plain_text, draft_to_document
from taizhang.documents.forms import DateForm, GenerateForm, SectionForm
from taizhang.documents.models import Draft
from taizhang.documents.selfcheck import blocking, draft_self_check, refusal_message
from taizhang.documents.services import draft_export_record
from taizhang.writer import render_document
from taizhang.writer.posts import UnknownPost
from taizhang.writer.render.docx import render_docx

CAN_READ = ("documents.use", "documents.view")


def _can_read(request) -> None:
    if not any(user_can(request.user, p) for p in CAN_READ):
        raise deny(request, "documents.use")


def _draft(request, pk: int) -> Draft:
    _can_read(request)
    return get_for_user(Draft.objects.select_related("township", "person"), request.user, pk=pk)


def _editable(request, draft: Draft) -> None:
    if not user_can(request.user, "documents.use"):
        raise deny(request, "documents.use")


def index(request):
    _can_read(request)
    drafts = Draft.objects.for_user(request.user).select_related("township", "person")[:100]
    form = GenerateForm(user=request.user) if user_can(request.user, "documents.use") else None
    return render(request, "documents/index.html", {"drafts": drafts, "form": form})


@require("documents.use")
@require_POST
def generate(request):
    form = GenerateForm(request.POST, user=request.user)
    thin: list[str] = []
    if form.is_valid():
        d = form.cleaned_data

        def write():
            try:
                return services.draft_generate(
                    kind=d["kind"],
                    variant=d["variant"],
                    year=d["year"],
                    township=d["township"],
                    person=d.get("person"),
                    inputs=form.inputs(),
                    document_date=d.get("document_date"),
                    draft_anyway=request.POST.get("draft_anyway") == "1",
                    actor=request.user,
                )
            except services.ThinData as exc:
                thin.extend(exc.missing)  # shown with the offer to draft anyway
                return False
            except UnknownPost as exc:
                # The user picks the nearest voice; never a silent default.
                form.add_error("voice", str(exc))
                return False

        draft = form_write(form, write)
        if draft:
            if draft.incomplete:
                messages.warning(request, "初稿已生成，但台账资料不全，文稿已标注“资料不全”。")
            else:
                messages.success(request, "初稿已生成。数字均来自台账，点击数字可查看来源记录。")
            return redirect("documents:detail", pk=draft.pk)
    drafts = Draft.objects.for_user(request.user).select_related("township", "person")[:100]
    return render(
        request,
        "documents/index.html",
        {"drafts": drafts, "form": form, "thin": thin},
        status=200 if thin else 400,
    )


def _blocks(draft: Draft) -> list[dict]:
    """Blocks with their text split into plain and figure pieces, each figure's records."""
    from taizhang.documents.draft import CLOSING, PREAMBLE
    from taizhang.figures.sources import resolve_figures
    from taizhang.writer.model import ordinal

    blocks = draft.content.get("blocks", [])
    lookup = resolve_figures(f["sources"] for block in blocks for f in block["figures"])
    out, n, fig = [], 0, 0
    for block in blocks:
        if block["key"] not in (PREAMBLE, CLOSING):
            n += 1
            block = {**block, "ordinal": ordinal(1, n)}
        pieces, cursor = [], 0
        for f in sorted(block["figures"], key=lambda f: f["start"]):
            if f["start"] < cursor:
                continue
            fig += 1
            pieces.append({"text": block["text"][cursor : f["start"]]})
            pieces.append(
                {
                    "text": block["text"][f["start"] : f["end"]],
                    "figure": f,
                    "sources": lookup(f["sources"]),
                    "pop": f"fig-{fig}",
                }
            )
            cursor = f["end"]
        pieces.append({"text": block["text"][cursor:]})
        out.append({**block, "pieces": pieces})
    return out


def _facts(draft: Draft):
    from taizhang.documents.facts import build_facts

    return build_facts(
        kind=draft.kind,
        year=draft.year,
        township=draft.township,
        person=draft.person,
        inputs=draft.inputs,
    )


def _draft_findings(draft: Draft) -> tuple[str, list]:
    text, _ = draft_plain_text(draft.content)
    profile = {
        "personal": "duty" if draft.variant == "duty" else "summary",
        "presidium": "presidium",
    }.get(draft.kind, "summary")
    ignored = set(draft.content.get("ignored", []))
    facts = _facts(draft)
    return text, run_check(
        text, facts=facts.all_facts(), names=facts.names, profile=profile, ignored=ignored
    )


def detail(request, pk: int):
    draft = _draft(request, pk)
    text, findings = _draft_findings(draft)
    return render(
        request,
        "documents/detail.html",
        {
            "draft": draft,
            "blocks": _blocks(draft),
            "items": finding_items(findings),
            "self_check": draft_self_check(draft),
            "segments": segments(text, findings),
            "versions": draft.versions.select_related("author")[:20],
            "can_edit": user_can(request.user, "documents.use") and draft.status == "draft",
            "can_use": user_can(request.user, "documents.use"),
            "can_polish": draft.status == "draft" and polishing.llm_endpoint() is not None,
        },
    )


@require_POST
def finding_action(request, pk: int):
    """Accept a checker suggestion in the draft, or ignore the finding, then reload."""
    draft = _draft(request, pk)
    _editable(request, draft)
    action, _, target = request.POST.get("action", "").partition(":")
    _, findings = _draft_findings(draft)
    finding = next((f for f in findings if signature(f) == target), None)
    if finding is None:
        messages.error(request, "该问题已不存在（文稿可能已被修改），请重新查看。")
    elif action == "accept" and _draft_write(
        request, draft, services.draft_apply_suggestion, finding=finding
    ):
        where = f"（共{len(finding.spans)}处）" if finding.positions else ""
        messages.success(request, f"已采纳：{finding.text} → {finding.suggestion}{where}")
    elif action == "ignore" and _draft_write(
        request, draft, services.draft_ignore_finding, signature=target
    ):
        messages.info(request, "已忽略该问题。")
    return redirect("documents:detail", pk=draft.pk)


@require_http_methods(["GET", "POST"])
def edit_section(request, pk: int, key: str):
    draft = _draft(request, pk)
    _editable(request, draft)
    block = next((b for b in draft.content.get("blocks", []) if b["key"] == key), None)
    if block is None:
        raise Http404("文稿中没有这一部分。")
    form = SectionForm(
        request.POST or None,
        initial={
            "key": key,
            "version": draft.version,
            "heading": block["heading"],
            "text": block["text"],
        },
    )
    if request.method == "POST" and form.is_valid():
        saved = form_write(
            form,
            lambda: services.draft_edit_section(
                draft=draft,
                key=key,
                text=form.cleaned_data["text"],
                heading=form.cleaned_data["heading"],
                expected_version=form.cleaned_data["version"],
                actor=request.user,
            ),
        )
        if saved is not None:
            messages.success(request, "已保存。改动过的数字将与台账核对。")
            return redirect("documents:detail", pk=draft.pk)
    return render(
        request, "documents/section_form.html", {"draft": draft, "block": block, "form": form}
    )


@require_POST
def regenerate_section(request, pk: int, key: str):
    draft = _draft(request, pk)
    _editable(request, draft)
    if _draft_write(request, draft, services.draft_regenerate_section, key=key):
        messages.success(request, "该部分已按最新台账数据重写。")
    return redirect("documents:detail", pk=draft.pk)


@require_POST
def set_date(request, pk: int):
    draft = _draft(request, pk)
    _editable(request, draft)
    form = DateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "成文日期无效，请按“年-月-日”填写。")
    elif _draft_write(
        request, draft, services.draft_set_date, document_date=form.cleaned_data["document_date"]
    ):
        messages.success(request, "成文日期已更新。")
    return redirect("documents:detail", pk=draft.pk)


@require_POST
def set_status(request, pk: int):
    draft = _draft(request, pk)
    _editable(request, draft)
    _draft_write(request, draft, services.draft_set_status, status=request.POST.get("status", ""))
    return redirect("documents:detail", pk=draft.pk)


def _draft_write(request, draft: Draft, write, **values) -> bool:
    """Run ``write`` on ``draft`` at the posted version; a refusal becomes an error message."""
    try:
        write(
            draft=draft,
            expected_version=parse_version(request.POST.get("version")),
            actor=request.user,
            **values,
        )
    except (ConflictError, ValidationError) as exc:
        messages.error(request, refusal_text(exc))
        return False
    except UnknownPost as exc:
        messages.error(request, str(exc))
        return False
    return True


FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": ("text/markdown; charset=utf-8", "md"),
}


def export(request, pk: int, fmt: str):
    draft = _draft(request, pk)
    if fmt not in FORMATS and fmt != "html":
        raise Http404("不支持的格式。")
    refused = blocking(draft_self_check(draft))
    if refused:
        # A writer bug or an edit that contradicts the ledger: never shipped silently.
        messages.error(request, refusal_message(refused))
        return redirect("documents:detail", pk=draft.pk)
    doc = draft_to_document(draft.content)
    draft_export_record(draft=draft, fmt=fmt)
    if fmt == "html":
        from taizhang.figures.sources import sources_listing
        from taizhang.writer.render.html import render_html

        listing = sources_listing(f.sources for f in doc.figures())
        return render(
            request,
            "documents/print.html",
            {"draft": draft, "body": render_html(doc, full_page=False, listing=listing)},
        )
    content_type, ext = FORMATS[fmt]
    data = render_docx(doc, created=timezone.now()) if fmt == "docx" else render_document(doc, fmt)
    response = HttpResponse(data, content_type=content_type)
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(draft.title)}.{ext}"
    return response


def print_css(request):
    """Serve the writer's document stylesheet (no inline styles under the CSP)."""
    from taizhang.writer.render.html import CSS

    return HttpResponse(CSS, content_type="text/css; charset=utf-8")
