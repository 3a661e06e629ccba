"""Draft writes: generate, edit a section, regenerate a section, set status (all versioned)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.versioning import save_versioned
from taizhang.documents.dates import default_document_date
from taizhang.documents.draft import PREAMBLE, document_to_draft, locate, relink_figures
from taizhang.documents.facts import build_facts
from taizhang.documents.models import VARIANTS, Draft, DraftStatus, DraftVersion
from taizhang.writer import compose_document
from taizhang.writer.numbers import full_date
from taizhang.writer.requirements import missing_records


class ThinData(ValidationError):
    """The ledger lacks what the kind needs; ``missing`` names it, one sentence each."""

    def __init__(self, missing: list[str]):
        super().__init__("台账资料不全，无法生成这份文稿：" + "；".join(missing) + "。")
        self.missing = missing


def compose_for(
    *,
    kind: str,
    variant: str,
    year: int,
    township=None,
    person=None,
    inputs: dict | None = None,
    document_date: date | None = None,
):
    """Build facts from the registers and compose the writer document.

    The date under the signature is ``document_date``, else the default of
    ``default_document_date`` (never a day fixed in the fact builders).
    """
    facts = build_facts(kind=kind, year=year, township=township, person=person, inputs=inputs or {})
    facts.attributes["document_date"] = (document_date or default_document_date(year)).isoformat()
    return compose_document(facts, variant=variant), facts


def _version(draft: Draft, author, note: str) -> None:
    number = (draft.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    DraftVersion.objects.create(
        draft=draft, number=number, content=draft.content, author=author, note=note
    )


@transaction.atomic
def draft_generate(
    *,
    kind: str,
    year: int,
    variant: str = "",
    township=None,
    person=None,
    inputs: dict | None = None,
    document_date: date | None = None,
    draft_anyway: bool = False,
    actor=None,
) -> Draft:
    """Generate a new draft from fresh register data.

    When the ledger lacks what the kind needs, refuse with ``ThinData`` unless
    ``draft_anyway``; the draft is then marked 资料不全 with what was missing.
    """
    if variant not in VARIANTS.get(kind, {}):
        raise ValidationError({"variant": "文稿体例无效。"})
    if kind in ("personal", "deputy") and person is None:
        raise ValidationError({"person": "请选择人员。"})
    if township is None:
        raise ValidationError({"township": "请选择乡镇。"})
    document_date = document_date or default_document_date(year)
    doc, facts = compose_for(
        kind=kind,
        variant=variant,
        year=year,
        township=township,
        person=person,
        inputs=inputs,
        document_date=document_date,
    )
    missing = missing_records(facts)
    if missing and not draft_anyway:
        raise ThinData(missing)
    draft = Draft(
        kind=kind,
        variant=variant,
        township=township,
        person=person,
        year=year,
        title=doc.title[:200],
        content=document_to_draft(doc),
        inputs=inputs or {},
        document_date=document_date,
        missing=missing,
        created_by=actor,
    )
    draft.full_clean()
    draft.save()
    _version(draft, actor, "生成初稿")
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        obj=draft,
        summary=f"生成文稿 #{draft.pk}",
    )
    return draft


def _block(draft: Draft, key: str) -> dict:
    for block in draft.content.get("blocks", []):
        if block["key"] == key:
            return block
    raise ValidationError({"section": "文稿中没有这一部分。"})


def _require_editable(draft: Draft) -> None:
    if draft.status == DraftStatus.FINAL:
        raise ValidationError("文稿已定稿，不能再修改；请先改回草稿。")


@transaction.atomic
def draft_edit_section(
    *,
    draft: Draft,
    key: str,
    text: str,
    heading: str | None = None,
    expected_version: int | None,
    actor=None,
) -> Draft:
    """Replace one section's text; figures whose numbers were not touched stay linked."""
    _require_editable(draft)
    text = text.replace("\r\n", "\n").strip("\n")
    if len(text) > 20000:
        raise ValidationError({"text": "单个部分不能超过20000字。"})
    block = _block(draft, key)
    block["figures"] = relink_figures(block["text"], block["figures"], text)
    block["text"] = text
    if heading is not None and key != PREAMBLE and heading.strip():
        block["heading"] = heading.strip()[:100]
    save_versioned(draft, expected_version=expected_version, fields=["content"])
    _version(draft, actor, f"修改“{block['heading'] or '开头'}”")
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=draft,
        summary=f"修改文稿 #{draft.pk}",
    )
    return draft


@transaction.atomic
def draft_regenerate_section(
    *, draft: Draft, key: str, expected_version: int | None, actor=None
) -> Draft:
    """Rewrite one section from fresh register data, keeping the rest as edited."""
    _require_editable(draft)
    doc, _ = compose_for(
        kind=draft.kind,
        variant=draft.variant,
        year=draft.year,
        township=draft.township,
        person=draft.person,
        inputs=draft.inputs,
        document_date=draft.document_date,
    )
    fresh = {b["key"]: b for b in document_to_draft(doc)["blocks"]}
    if key not in fresh:
        raise ValidationError({"section": "最新数据中已没有这一部分的内容。"})
    blocks = draft.content["blocks"]
    index = next((i for i, b in enumerate(blocks) if b["key"] == key), None)
    if index is None:
        raise ValidationError({"section": "文稿中没有这一部分。"})
    blocks[index] = fresh[key]
    save_versioned(draft, expected_version=expected_version, fields=["content"])
    _version(draft, actor, f"按最新数据重写“{fresh[key]['heading'] or '开头'}”")
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=draft,
        summary=f"重写文稿 #{draft.pk} 的一部分",
    )
    return draft


@transaction.atomic
def draft_set_date(
    *, draft: Draft, document_date: date, expected_version: int | None, actor=None
) -> Draft:
    """Set the date under the signature (成文日期)."""
    _require_editable(draft)
    draft.document_date = document_date
    draft.content["date"] = full_date(document_date.isoformat())
    save_versioned(draft, expected_version=expected_version, fields=["document_date", "content"])
    _version(draft, actor, f"成文日期改为{draft.content['date']}")
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=draft,
        summary=f"文稿 #{draft.pk} 成文日期改为{draft.content['date']}",
    )
    return draft


@transaction.atomic
def draft_set_status(
    *, draft: Draft, status: str, expected_version: int | None, actor=None
) -> Draft:
    if status not in DraftStatus.values:
        raise ValidationError({"status": "状态无效。"})
    draft.status = status
    save_versioned(draft, expected_version=expected_version, fields=["status"])
    _version(draft, actor, f"设为{draft.get_status_display()}")
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=draft,
        summary=f"文稿 #{draft.pk} 设为{draft.get_status_display()}",
    )
    return draft


@transaction.atomic
def draft_apply_suggestion(
    *, draft: Draft, finding, expected_version: int | None, actor=None
) -> Draft:
    """Apply a checker suggestion at every place of the finding (a folded run has several),
    inside the blocks that hold them, as one new version."""
    _require_editable(draft)
    if finding.suggestion is None:
        raise ValidationError("该问题没有可直接采纳的修改建议，请手工编辑。")
    edits: dict[str, list[tuple[int, int]]] = {}
    for start, end in finding.spans:
        place = locate(draft.content, start, end)
        if place is None:
            raise ValidationError("该问题位于标题或落款，请手工编辑。")
        key, lo, hi = place
        if _block(draft, key)["text"][lo:hi] != finding.text:
            raise ValidationError("文稿已被修改，该问题的位置已变化，请重新查看。")
        edits.setdefault(key, []).append((lo, hi))
    for key, places in edits.items():
        block = _block(draft, key)
        text = block["text"]
        for lo, hi in sorted(places, reverse=True):
            text = text[:lo] + finding.suggestion + text[hi:]
        block["figures"] = relink_figures(block["text"], block["figures"], text)
        block["text"] = text
    save_versioned(draft, expected_version=expected_version, fields=["content"])
    places = len(finding.spans)
    _version(draft, actor, f"采纳校对建议（{places}处）" if places > 1 else "采纳校对建议")
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=draft,
        summary=f"修改文稿 {draft.title}",
    )
    return draft


@transaction.atomic
def draft_ignore_finding(
    *, draft: Draft, signature: str, expected_version: int | None, actor=None
) -> Draft:
    """Remember that the user judged a finding to be no problem."""
    ignored = draft.content.setdefault("ignored", [])
    if signature not in ignored:
        ignored.append(signature[:300])
    save_versioned(draft, expected_version=expected_version, fields=["content"])
    _version(draft, actor, "忽略一处校对提示")
    return draft


def draft_export_record(*, draft: Draft, fmt: str, api: bool = False) -> None:
    """Record an export of ``draft`` before its file is made (no row, no file)."""
    where = "接口导出" if api else "导出"
    audit_record(kind=AuditKind.EXPORT, obj=draft, summary=f"{where}文稿 #{draft.pk}（{fmt}）")
