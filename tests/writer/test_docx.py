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
from taizhang.writer.typeset import text_width, title_lines


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
    # Broken at a meaningful point (before 关于) with a line break, never a lone character.
    assert (
        p.text == "\n".join(title_lines(doc.title)) == "烽火乡人大主席团\n关于2025年工作情况的总结"
    )
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


def test_an_organs_date_sits_4_characters_from_the_right_under_its_centred_signature(word):
    # GB/T 9704 7.3.5.1; the geometry is measured in the PDF by test_pdf_layout.
    sign = word.paragraphs[-2]
    date = word.paragraphs[-1]
    assert sign.text == "烽火乡人大主席团" and date.text == "2025年12月28日"
    assert sign.alignment == WD_ALIGN_PARAGRAPH.RIGHT and date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert abs(date.paragraph_format.right_indent.pt - 4 * 15.75) < 0.1
    sign_centre = sign.paragraph_format.right_indent.pt / 15.75 + text_width(sign.text) / 2
    assert abs(sign_centre - (4 + text_width(date.text) / 2)) < 0.01


def test_properties_name_the_organ_now_and_zh_cn_with_no_word_2013_or_japanese_leftovers(doc):
    from datetime import UTC, datetime
    from zipfile import ZipFile

    now = datetime(2026, 1, 5, 3, 4, 5, tzinfo=UTC)
    data = render_docx(doc, created=now)
    props = open_docx(io.BytesIO(data)).core_properties
    assert props.author == "烽火乡人大主席团" and props.language == "zh-CN"
    assert props.created == now and props.comments == ""
    with ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        text = {n: z.read(n).decode("utf-8", "replace") for n in names if n.endswith(".xml")}
    assert "Microsoft" not in text["docProps/app.xml"] and "taizhang" in text["docProps/app.xml"]
    assert not any(n.endswith((".jpeg", ".png")) or "stylesWithEffects" in n for n in names)
    everything = "".join(text.values())
    for leftover in ("ja-JP", "Jpan", "ＭＳ", "2013-12-23", "python-docx", "en-US"):
        assert leftover not in everything, leftover
    assert 'w:eastAsia="zh-CN"' in text["word/styles.xml"]


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
