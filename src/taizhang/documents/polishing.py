"""Polishing a draft's sections with the office's own model: limit, lock, audit, versions."""

from __future__ import annotations

import re
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.checker.rules.pii import run as pii_run
from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.models import AuditEvent
from taizhang.core.versioning import save_versioned
from taizhang.documents.models import Draft, DraftVersion
from taizhang.writer.polish import Endpoint, PolishResult, polish_text
from taizhang.writer.polish.lock import compare

AUDIT_PREFIX = "文稿润色"
NOT_CONFIGURED = (
    "未配置润色模型。请设置环境变量 TAIZHANG_LLM_BASE_URL（本单位模型服务的地址，"
    "兼容 OpenAI 接口）和 TAIZHANG_LLM_MODEL（模型名称），需要时再设 TAIZHANG_LLM_API_KEY。"
)


def llm_endpoint() -> Endpoint | None:
    """The configured model endpoint, or None when polishing is not set up."""
    if not (settings.LLM_BASE_URL and settings.LLM_MODEL):
        return None
    return Endpoint(
        base_url=settings.LLM_BASE_URL,
        model=settings.LLM_MODEL,
        api_key=settings.LLM_API_KEY,
        timeout=settings.LLM_TIMEOUT,
    )


def polish_calls_today(user) -> int:
    """How many polish calls the user made today (Beijing time), from the audit trail."""
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return AuditEvent.objects.filter(
        user=user, at__gte=start, summary__startswith=AUDIT_PREFIX
    ).count()


def lock_names(draft: Draft) -> tuple[str, ...]:
    """Names a polish must keep: the subject, the township and the person's unit."""
    names = [draft.content.get("subject", ""), draft.township.name]
    if draft.person_id and draft.person.unit_id:
        names.append(draft.person.unit.name)
    return tuple(n for n in names if n)


def personal_strings(text: str) -> tuple[str, ...]:
    """Petitioners' names the checker finds: they never leave in a prompt."""
    from taizhang.checker.core import Context

    return tuple(
        f.text for f in pii_run(text, Context(profile="generic")) if f.rule.endswith("name")
    )


def _genre(draft: Draft) -> str:
    return "duty" if draft.variant == "duty" else draft.kind


def polish_text_for(draft: Draft, text: str, *, actor, key: str = "") -> PolishResult:
    """Polish a text of the draft within the user's daily limit; audit the call."""
    endpoint = llm_endpoint()
    if endpoint is None:
        raise ValidationError(NOT_CONFIGURED)
    if actor is not None and polish_calls_today(actor) >= settings.LLM_DAILY_LIMIT:
        raise ValidationError(f"今天的润色次数已用完（每人每天 {settings.LLM_DAILY_LIMIT} 次）。")
    post = (draft.content.get("attributes") or {}).get("post", "") if draft.content else ""
    result = polish_text(
        text,
        endpoint=endpoint,
        genre=_genre(draft),
        post=post,
        names=lock_names(draft),
        personal=personal_strings(text),
    )
    outcome = "采纳候选" if result.accepted else "未通过核对"
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=draft,
        outcome="成功" if result.accepted else "失败",
        summary=f"{AUDIT_PREFIX} 部分={key or '全文'} 模型={endpoint.model} 结果={outcome}",
    )
    return result


def _block(draft: Draft, key: str) -> dict:
    for block in draft.content.get("blocks", []):
        if block["key"] == key:
            return block
    raise ValidationError({"section": "文稿中没有这一部分。"})


def draft_polish_section(*, draft: Draft, key: str, actor) -> PolishResult:
    """Ask the model for one section; nothing is saved until the user accepts it."""
    return polish_text_for(draft, _block(draft, key)["text"], actor=actor, key=key)


def relink_in_order(old_figures: list[dict], new_text: str) -> list[dict]:
    """Find each linked figure again in the polished text, in order, as a whole number."""
    kept, cursor = [], 0
    for f in sorted(old_figures, key=lambda f: f["start"]):
        pattern = re.compile(r"(?<![\d.])" + re.escape(f["text"]) + r"(?![\d.])")
        m = pattern.search(new_text, cursor) or pattern.search(new_text)
        if m is None:
            continue
        kept.append({**f, "start": m.start(), "end": m.end()})
        cursor = m.end()
    return sorted(kept, key=lambda f: f["start"])


@transaction.atomic
def draft_accept_polish(
    *,
    draft: Draft,
    texts: dict[str, str],
    model: str,
    expected_version: int | None,
    actor=None,
) -> Draft:
    """Save the accepted polish of one or more sections as one new version.

    The lock is checked again on each posted text, so a text changed on the way back is
    refused the same way as a bad answer from the model; figures stay linked.
    """
    if draft.status == "final":
        raise ValidationError("文稿已定稿，不能再修改；请先改回草稿。")
    if not texts:
        raise ValidationError("没有选择要采纳的部分。")
    names = lock_names(draft)
    headings = []
    for key, raw in texts.items():
        block = _block(draft, key)
        text = raw.replace("\r\n", "\n").strip("\n")
        problems = compare(block["text"], text, names)
        if problems:
            label = block["heading"] or "开头"
            raise ValidationError(f"“{label}”：" + "；".join(p.message for p in problems))
        block["figures"] = relink_in_order(block["figures"], text)
        block["text"] = text
        headings.append(block["heading"] or "开头")
    save_versioned(draft, expected_version=expected_version, fields=["content"])
    number = (draft.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    DraftVersion.objects.create(
        draft=draft,
        number=number,
        content=draft.content,
        author=actor,
        note=f"润色“{'”“'.join(headings)}”（模型 {model[:60]}）"[:200],
    )
    return draft


def document_polish(doc, *, names: tuple[str, ...], genre: str, post: str = ""):
    """Polish every block of a composed document (the CLI path); return it and a report.

    Each block is kept as it was unless its polish passes the lock; the report has one
    line per block saying which were polished and why the others were kept.
    """
    from taizhang.documents.draft import document_to_draft, draft_to_document

    endpoint = llm_endpoint()
    if endpoint is None:
        raise ValidationError(NOT_CONFIGURED)
    draft = document_to_draft(doc)
    lines = []
    for block in draft["blocks"]:
        label = block["heading"] or "开头/结尾"
        result = polish_text(
            block["text"],
            endpoint=endpoint,
            genre=genre,
            post=post,
            names=names,
            personal=personal_strings(block["text"]),
        )
        audit_record(
            kind=AuditKind.UPDATE,
            object_type="documents.Document",
            object_id=doc.subject[:40],
            outcome="成功" if result.accepted else "失败",
            summary=f"{AUDIT_PREFIX} 部分={block['key']} 模型={endpoint.model} 命令行",
        )
        if result.accepted:
            block["figures"] = relink_in_order(block["figures"], result.text)
            block["text"] = result.text
            lines.append(f"已润色：{label}")
        else:
            lines.append(f"保持原文：{label}（{'；'.join(result.reasons)}）")
    return draft_to_document(draft), lines
