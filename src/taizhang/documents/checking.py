"""Django side of the checker: read uploads, run the checker, lay out highlights."""

from __future__ import annotations

import io
from dataclasses import dataclass

from taizhang.checker import check
from taizhang.checker.core import CATEGORIES

CATEGORY_LABELS = {
    "placeholder": "模板占位符",
    "number": "数字用法",
    "arithmetic": "计算与计数",
    "typo": "错别字",
    "spinner": "洗稿替换",
    "junk": "网页残留",
    "punctuation": "标点",
    "format": "格式",
    "structure": "结构",
    "pii": "个人信息",
    "copy": "模板照搬",
    "ledger": "与台账不符",
    "consistency": "前后一致",
}
MAX_TEXT = 200_000


@dataclass
class Segment:
    text: str
    finding: int | None = None  # index into the findings list
    severity: str = ""


def docx_text(data: bytes) -> str:
    """Return the paragraphs of a .docx joined with newlines (the checker's offsets)."""
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def signature(f) -> str:
    return f"{f.rule}|{f.start}|{f.text}"


def run_check(
    text: str,
    *,
    facts=None,
    profile: str = "summary",
    ignored: set[str] = frozenset(),
    category: str = "",
) -> list:
    findings = [f for f in check(text, facts=facts, profile=profile) if signature(f) not in ignored]
    if category:
        findings = [f for f in findings if f.category == category]
    return findings


def segments(text: str, findings: list) -> list[Segment]:
    """Split the text into plain and highlighted pieces; overlapping findings are not nested."""
    out, cursor = [], 0
    for i, f in sorted(enumerate(findings), key=lambda p: (p[1].start, -p[1].end)):
        if f.start < cursor or f.end <= f.start:
            continue
        if f.start > cursor:
            out.append(Segment(text[cursor : f.start]))
        out.append(Segment(text[f.start : f.end], i, f.severity))
        cursor = f.end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def apply_suggestion(text: str, finding) -> str:
    if finding.suggestion is None or text[finding.start : finding.end] != finding.text:
        return text
    return text[: finding.start] + finding.suggestion + text[finding.end :]


def counts_by_category(findings: list) -> list[tuple[str, str, int]]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    return [(c, CATEGORY_LABELS[c], counts[c]) for c in CATEGORIES if c in counts]


def finding_items(findings: list) -> list[dict]:
    """Findings with their index, signature and category label, for the shared partial."""
    return [
        {"i": i, "f": f, "sig": signature(f), "label": CATEGORY_LABELS[f.category]}
        for i, f in enumerate(findings)
    ]
