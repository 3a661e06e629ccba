"""Django side of the checker: read uploads, run the checker, lay out highlights."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from taizhang.checker import check
from taizhang.checker.core import CATEGORIES
from taizhang.checker.markup import Source, html_source, markdown
from taizhang.core.zipguard import Limits, ZipRefused, inspect

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
# The checker's input: a long annual report is about 20,000 characters; past this the
# page asks for the text in parts instead of tying up a worker.
MAX_TEXT = 50_000
# A .docx is looked at before python-docx parses it (see core.zipguard).
DOCX_LIMITS = Limits(entries=500, unpacked=80 * 1024 * 1024)
MAX_DOCUMENT_XML = 10 * 1024 * 1024
# Formats of the check page: how the text is read (markup dropped, offsets kept).
FORMATS = {"txt": "纯文本", "md": "Markdown", "html": "HTML"}
UPLOADS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


class UploadError(ValueError):
    """An upload the page cannot read; the message is Chinese and names the file."""


def read_upload(name: str, data: bytes, limit: int) -> tuple[str, str]:
    """The text of an uploaded file and its format (txt, md or html; .docx is read as text)."""
    lower = name.lower()
    suffix = lower[lower.rfind(".") :] if "." in lower else ""
    if len(data) > limit:
        raise UploadError(f"文件过大：“{name}”超过 {limit // (1024 * 1024)} MB，请分段校对。")
    if suffix == ".docx":
        try:
            return docx_text(data), "txt"
        except ZipRefused as exc:
            raise UploadError(str(exc)) from exc
        except Exception as exc:  # python-docx raises assorted errors on corrupt files
            raise UploadError(
                f"无法读取该 Word 文件“{name}”，请确认是 .docx 格式（不支持旧版 .doc）。"
            ) from exc
    if suffix not in UPLOADS:
        raise UploadError(
            f"不支持“{name}”的文件类型：只能上传 .docx、.md、.html 或 .txt 文件，或直接粘贴文本。"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadError(
            f"无法读取“{name}”：文件不是 UTF-8 编码，请另存为 UTF-8 后再上传。"
        ) from exc
    if "\x00" in text:
        raise UploadError(f"无法读取“{name}”：文件内容不是文本。")
    return text, UPLOADS[suffix]


def source_of(text: str, fmt: str) -> Source:
    """The text as the checker reads it: Markdown and HTML without their markup."""
    if fmt == "md":
        return markdown(text)
    if fmt == "html":
        return html_source(text)
    return Source.plain(text)


@dataclass
class Segment:
    text: str
    finding: int | None = None  # index into the findings list
    severity: str = ""


def docx_text(data: bytes) -> str:
    """Return the paragraphs of a .docx joined with newlines (the checker's offsets).

    The zip directory is checked first: entry count, unpacked size and the size of the
    document part itself; a refusal raises ZipRefused with a Chinese message.
    """
    from docx import Document

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        inspect(archive, DOCX_LIMITS, what="Word 文件")
        size = archive.getinfo("word/document.xml").file_size
    if size > MAX_DOCUMENT_XML:
        raise ZipRefused(
            f"Word 文件正文解压后过大（{size / 1048576:.0f} MB，上限 "
            f"{MAX_DOCUMENT_XML // 1048576} MB），已拒绝，未读取内容。请分段校对。"
        )
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
    fmt: str = "txt",
    speed: str = "full",
    names=(),
    strict: bool = False,
) -> list:
    """Findings with offsets into ``text`` itself (markup of md/html skipped), less ignored.

    ``names`` are the persons the ledger knows for this text (spared by the spelling rules).
    """
    source = source_of(text, fmt)
    found = source.map_findings(
        check(source.text, facts=facts, profile=profile, speed=speed, names=names, strict=strict)
    )
    findings = [f for f in found if signature(f) not in ignored]
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
