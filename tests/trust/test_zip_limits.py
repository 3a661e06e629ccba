"""#12.10: an Office file is measured from its zip directory before any parser reads it."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.core.models import AuditEvent
from taizhang.exchange.workbook import WorkbookRefused, check_file

TYPES = '<Types><Override PartName="/xl/workbook.xml"/></Types>'


def _xlsx(path, parts: dict[str, bytes | str]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for name, body in parts.items():
            archive.writestr(name, body)
    return path


def _sheet(cells: str) -> str:
    return f"<worksheet><sheetData>{cells}</sheetData></worksheet>"


def test_a_tiny_sheet_reaching_the_last_cell_is_refused_unread(tmp_path):
    far = _sheet('<row r="1"><c r="A1"><v>1</v></c></row>'
                 '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')  # fmt: skip
    path = _xlsx(tmp_path / "far.xlsx", {"xl/worksheets/sheet1.xml": far})
    assert path.stat().st_size < 2000
    with pytest.raises(WorkbookRefused, match="1048576 行 × 16384 列"):
        check_file(path)


def test_cells_without_positions_are_counted_as_a_reader_lays_them_out(tmp_path):
    wide = _sheet("<row>" + "<c/>" * 20_000 + '</row><row r="200"><c><v>1</v></c></row>')
    path = _xlsx(tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": wide})
    with pytest.raises(WorkbookRefused, match="200 行 × 20000 列"):
        check_file(path)


def test_many_entries_are_refused(tmp_path):
    parts = {f"xl/media/p{i}.bin": b"x" for i in range(400)}
    with pytest.raises(WorkbookRefused, match="内部文件数量过多"):
        check_file(_xlsx(tmp_path / "many.xlsx", parts))


def test_a_large_declared_unpacked_size_is_refused_from_the_directory(tmp_path):
    # Sixty parts of 3 MB each: every part under the per-entry ratio check, 180 MB in all.
    parts = {f"xl/worksheets/sheet{i}.xml": b" " * (3 * 1024 * 1024) for i in range(60)}
    path = _xlsx(tmp_path / "sixty.xlsx", parts)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(WorkbookRefused, match="解压后体积过大"):
        check_file(path)


def test_upload_page_answers_with_the_reason_and_imports_nothing(login, world, tmp_path):
    far = _sheet('<row r="900000"><c r="ZZ900000"><v>1</v></c></row>')
    path = _xlsx(tmp_path / "far.xlsx", {"xl/worksheets/sheet1.xml": far})
    with path.open("rb") as fh:
        response = login("alice").post(reverse("exchange:upload"), {"file": fh})
    assert response.status_code == 400
    assert "表格范围过大" in response.content.decode()
    refused = AuditEvent.objects.filter(kind="import", outcome="拒绝").get()
    assert "未读取内容" in refused.summary


def _docx(body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


def test_check_page_refuses_a_docx_whose_text_part_unpacks_too_large(login, world):
    bomb = _docx(b"<w:document>" + b" " * (12 * 1024 * 1024) + b"</w:document>")
    assert len(bomb) < 100_000
    upload = SimpleUploadedFile("大.docx", bomb)
    page = login("alice").post(reverse("documents:check"), {"file": upload}).content.decode()
    assert "Word 文件压缩比异常" in page and "未读取内容" in page


def test_check_page_caps_pasted_text_with_a_clear_message(login, world):
    text = "本年度开展视察活动三次。" * 5000  # 60,000 characters
    response = login("alice").post(reverse("documents:check"), {"text": text})
    page = response.content.decode()
    assert "文本过长（共 60000 字，上限 50000 字），未校对" in page
    assert response.context["findings"] == []
