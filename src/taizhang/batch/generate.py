"""One batch document: compose from the registers, refuse thin data, render, check."""

from __future__ import annotations

from dataclasses import dataclass

from taizhang.checker import check
from taizhang.checker.core import SEVERITIES
from taizhang.documents.selfcheck import blocking, findings_text, self_check
from taizhang.documents.services import compose_for
from taizhang.writer import render_document
from taizhang.writer.posts import UnknownPost
from taizhang.writer.requirements import missing_records

ERROR, WARNING, _HINT = SEVERITIES


@dataclass(slots=True)
class Outcome:
    refused: bool = False
    reason: str = ""
    data: bytes = b""
    errors: int = 0
    warnings: int = 0


class SelfCheckFailed(Exception):
    """The document broke one of the checker's consistency rules."""


PROFILES = {"presidium": "presidium", "personal": "summary", "deputy": "generic"}


def generate_docx(item) -> Outcome:
    """Compose and render the item's document; a thin ledger gives a refusal, not a file."""
    try:
        doc, facts = compose_for(
            kind=item.kind,
            variant=item.variant,
            year=item.run.year,
            township=item.township,
            person=item.person,
        )
    except UnknownPost as exc:  # the user picks the voice on the page or with --voice
        return Outcome(refused=True, reason=str(exc))
    missing = missing_records(facts)
    if missing:
        return Outcome(refused=True, reason="；".join(missing))
    failed = blocking(self_check(doc.plain_text, facts, item.township))
    if failed:  # a draft that contradicts itself is a bug shown to the user, never shipped
        raise SelfCheckFailed("自检未通过：" + findings_text(failed))
    profile = "duty" if item.variant == "duty" else PROFILES.get(item.kind, "generic")
    findings = check(doc.plain_text, profile=profile, facts=facts.all_facts(), names=facts.names)
    return Outcome(
        data=render_document(doc, "docx"),
        errors=sum(f.severity == ERROR for f in findings),
        warnings=sum(f.severity == WARNING for f in findings),
    )
