"""The site's one upload check and its one way of serving a stored file.

Every upload path (case attachments, meeting files, activity photos, workbook imports,
the 文稿校对 page) asks :func:`upload_problem` with the purpose of the upload; every
download goes out through :func:`serve_file`, which writes the audit row and sets the
same headers everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse

from taizhang.core.audit import AuditKind, audit_record

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = (b"PK\x03\x04",)

# Extension -> (content type, leading bytes; empty for plain text).
KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".docx": (DOCX, ZIP),
    ".xlsx": (XLSX, ZIP),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    ".txt": ("text/plain", ()),
    ".md": ("text/markdown", ()),
    ".markdown": ("text/markdown", ()),
    ".html": ("text/html", ()),
    ".htm": ("text/html", ()),
}

# Purpose -> (allowed extensions, the refusal of any other kind; {name} is the file).
PURPOSES: dict[str, tuple[tuple[str, ...], str]] = {
    "attachment": (
        (".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".xlsx", ".txt"),
        "文件“{name}”类型不允许，仅限 PDF、JPG、PNG、DOC、DOCX、XLSX、TXT。",
    ),
    "photo": ((".jpg", ".jpeg", ".png"), "文件“{name}”不是照片，仅限 JPG、PNG 图片。"),
    "workbook": ((".xlsx",), "文件“{name}”类型不允许，仅限 .xlsx 工作簿。"),
    "document": (
        (".docx", ".md", ".markdown", ".html", ".htm", ".txt"),
        "不支持“{name}”的文件类型：只能上传 .docx、.md、.html 或 .txt 文件，或直接粘贴文本。",
    ),
}


def upload_limit() -> int:
    """The TAIZHANG_UPLOAD_MAX_MB limit in bytes."""
    return int(settings.UPLOAD_MAX_BYTES)


def too_large(size: int) -> str:
    limit = upload_limit()
    shown = f"{limit // 1048576} MB" if limit >= 1048576 else f"{limit // 1024} KB"
    return f"文件过大（{size / 1048576:.1f} MB），上限为 {shown}。"


def upload_problem(upload, *, purpose: str = "attachment") -> str | None:
    """Return a Chinese reason why ``upload`` is refused for ``purpose``, or None.

    Checked in this order: the kind allowed for the purpose (by extension), the size
    limit, an empty file, and the leading bytes against the extension.
    """
    allowed, refusal = PURPOSES[purpose]
    name = os.path.basename(getattr(upload, "name", "") or "")
    ext = os.path.splitext(name)[1].lower()
    if ext not in allowed:
        return refusal.format(name=name)
    if upload.size > upload_limit():
        return f"“{name}”{too_large(upload.size)}"
    if upload.size == 0:
        return f"文件“{name}”为空。"
    magics = KINDS[ext][1]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if magics and not any(head.startswith(m) for m in magics):
        return f"文件“{name}”的内容与扩展名不符。"
    return None


def check_upload(upload, *, purpose: str = "attachment", field: str = "file") -> None:
    """Raise ValidationError on ``field`` when :func:`upload_problem` refuses ``upload``."""
    problem = upload_problem(upload, purpose=purpose)
    if problem:
        raise ValidationError({field: problem})


def extension(name: str) -> str:
    """The lower-case extension of ``name`` if it is a known kind, else ''."""
    ext = os.path.splitext(os.path.basename(name or ""))[1].lower()
    return ext if ext in KINDS else ""


def content_type(name: str) -> str:
    return KINDS.get(extension(name), ("application/octet-stream", ()))[0]


def disposition(filename: str, *, inline: bool = False) -> str:
    """Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name."""
    kind = "inline" if inline else "attachment"
    stem, ext = os.path.splitext(filename)
    fallback = "".join(c if c.isascii() and c.isalnum() else "_" for c in stem) or "file"
    fallback += "".join(c for c in ext if c.isascii() and (c.isalnum() or c == "."))
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def serve_file(
    request,
    source,
    *,
    filename: str,
    summary: str | None,
    obj=None,
    object_type: str = "",
    kind: str | None = None,
    inline: bool = False,
    personal: bool = True,
) -> FileResponse:
    """Send ``source`` (a path or an open binary file) as a download.

    The audit row (EXPORT, ``summary`` with identifiers only) is written before anything
    is sent; ``summary=None`` is for a caller that has already audited this download.
    ``personal`` files are never cached; the browser never guesses the type.
    """
    if summary is not None:
        audit_record(kind=AuditKind.EXPORT, obj=obj,
                     object_type=object_type, summary=summary)  # fmt: skip
    # FileResponse closes the handle once the body is sent.
    handle = Path(source).open("rb") if isinstance(source, str | Path) else source  # noqa: SIM115
    response = FileResponse(handle, content_type=kind or content_type(filename))
    response["Content-Disposition"] = disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    if personal:
        response["Cache-Control"] = "no-store"
    return response
