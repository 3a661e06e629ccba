"""The Word file meets GB/T 9704-2012, read back with python-docx and through LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from taizhang.writer.compose.personal import compose_personal
from taizhang.writer.compose.presidium import compose_presidium
from taizhang.writer.demo import personal_facts, presidium_facts
from taizhang.writer.render.docx import render_docx


@pytest.fixture(scope="module")
def doc():
    return compose_presidium(presidium_facts())


@pytest.fixture(scope="module")
def word(doc):
    return open_docx(io.BytesIO(render_docx(doc)))


def east_asia(run) -> str:
    return run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def paragraph(word, startswith: str):
    return next(p for p in word.paragraphs if p.text.startswith(startswith))


def test_page_is_a4_with_the_standard_margins(word):
    s = word.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1)
    assert abs(s.top_margin - Mm(37)) < Mm(0.1)
    assert abs(s.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(s.left_margin - Mm(28)) < Mm(0.1)
    assert abs(s.right_margin - Mm(26)) < Mm(0.1)


def test_title_is_centred_2hao_xiaobiaosong(word, doc):
    p = word.paragraphs[0]
    assert p.text == doc.title
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for r in p.runs:
        assert r.font.size == Pt(22)
        assert r.font.name == "方正小标宋简体" and east_asia(r) == "方正小标宋简体"


def test_body_is_3hao_fangsong_with_exact_spacing_and_indent(word):
    p = next(p for p in word.paragraphs if "主席团会议" in p.text)
    pf = p.paragraph_format
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert pf.line_spacing == Pt(28.95)
    assert pf.first_line_indent == Pt(32)
    for r in p.runs:
        assert r.font.size == Pt(16) and east_asia(r) == "仿宋_GB2312"
    normal = word.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_headings_use_heiti_and_kaiti():
    word = open_docx(io.BytesIO(render_docx(compose_personal(personal_facts("investment")))))
    h1 = next(p for p in word.paragraphs if p.text.startswith("一、"))
    h2 = next(p for p in word.paragraphs if p.text.startswith("（一）"))
    assert all(east_asia(r) == "黑体" and r.font.size == Pt(16) for r in h1.runs)
    assert all(east_asia(r) == "楷体_GB2312" for r in h2.runs)


def test_signature_and_date_are_right_aligned(word):
    sign = word.paragraphs[-2]
    date = word.paragraphs[-1]
    assert sign.text == "烽火乡人大主席团" and date.text == "2025年12月28日"
    assert sign.alignment == WD_ALIGN_PARAGRAPH.RIGHT and date.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_page_numbers_alternate_sides_in_4hao_songti(word):
    assert word.settings.odd_and_even_pages_header_footer
    s = word.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for p in (odd, even):
        xml = p._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert all(r.font.size == Pt(14) and east_asia(r) == "宋体" for r in p.runs)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_an_a4_pdf_with_the_text(tmp_path, doc):
    path = tmp_path / "presidium.docx"
    path.write_bytes(render_docx(doc))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "presidium.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert doc.title in flat and "人大主席团" in doc.title
    assert re.search("(实到|实际出席|实到代表|实际到会)53名", flat)
    assert "98.1%" in flat and "—1—" in flat
