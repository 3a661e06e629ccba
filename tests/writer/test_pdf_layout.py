"""GB/T 9704 in the LibreOffice render: 28 characters a line, 22 lines a page, 7.3.5 signature.

One LibreOffice run converts three documents (an organ's, a person's, and a paragraph that
once lost its comma); `pdftotext -bbox` gives every word's box.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from collections import defaultdict

import pytest

from taizhang.writer.compose.personal import compose_personal
from taizhang.writer.compose.presidium import compose_presidium
from taizhang.writer.demo import personal_facts, presidium_facts
from taizhang.writer.model import Document, FigureRun, Paragraph, Section, TextRun
from taizhang.writer.render.docx import render_docx
from taizhang.writer.render.fonts import NAMED_FONTS, fontconfig_env
from taizhang.writer.typeset import title_lines

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed"),
]

LEFT, WIDTH = 79.37, 442.2  # 28 mm margin, 156 mm type area, in points
RIGHT = LEFT + WIDTH
CHAR = 15.75  # body pitch
FOOTER_Y = 760  # page numbers sit below this


def comma_document() -> Document:
    """The sentence whose comma after "63公里" LibreOffice used to drop at a line end."""
    runs = [
        TextRun("新修村组道路年度目标为"),
        FigureRun(60, "公里", "60公里", ("x:1",), "a"),
        TextRun("，截至年底完成"),
        FigureRun(63, "公里", "63公里", ("x:1",), "b"),
        TextRun("，完成率"),
        FigureRun(None, "%", "105.0%", ("x:1",), "c"),
        TextRun("。"),
    ]
    return Document(
        kind="personal",
        title="长集镇人民政府副镇长何永秋2025年度述职报告",
        sections=[Section(1, "交通道路", [Paragraph(runs)])],
        signature=["何永秋"],
        date="2025年12月31日",
    )


def quotes_document() -> Document:
    """Curly quotes on every line: each must take a full character, as in Word."""
    text = "围绕“三农”工作和“乡村振兴”主题开展“代表进站”活动，落实‘一事一议’制度。" * 4
    return Document(
        kind="presidium",
        title="关于“代表进站”活动的情况报告",
        sections=[Section(1, "开展“代表进站”活动", [Paragraph([TextRun(text)])])],
        signature=["烽火乡人大主席团"],
        date="2025年12月31日",
    )


def test_curly_quotes_sit_in_runs_set_in_the_chinese_font():
    from docx import Document as read_docx
    from docx.oxml.ns import qn

    paragraphs = read_docx(io.BytesIO(render_docx(quotes_document()))).paragraphs
    runs = [r for p in paragraphs for r in p.runs if set(r.text) & set("“”‘’")]
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:hint")) == "eastAsia"
        slots = {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia")}
        assert len(slots) == 1 and "Times New Roman" not in slots, slots


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    docs = {
        "organ": compose_presidium(presidium_facts()),
        "person": compose_personal(personal_facts("investment")),
        "comma": comma_document(),
        "quotes": quotes_document(),
    }
    for name, doc in docs.items():
        (out / f"{name}.docx").write_bytes(render_docx(doc))
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *(str(out / f"{n}.docx") for n in docs)],
        check=True, capture_output=True, timeout=240, env=fontconfig_env(),
    )  # fmt: skip
    return {name: (doc, pages(out / f"{name}.pdf")) for name, doc in docs.items()}


def pages(pdf) -> list[list[tuple[float, float, float, str]]]:
    """Each page's lines as (y, x0, x1, text), top to bottom, page numbers left out."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for page in xml.split("<page ")[1:]:
        lines = defaultdict(list)
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<', page
        ):
            if float(m[3]) < FOOTER_Y:
                lines[round(float(m[3]))].append((float(m[1]), float(m[2]), html.unescape(m[4])))
        out.append([
            (y, min(w[0] for w in ws), max(w[1] for w in ws), "".join(w[2] for w in sorted(ws)))
            for y, ws in sorted(lines.items())
        ])  # fmt: skip
    return out


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", ["organ", "person", "comma", "quotes"])
def test_the_pdf_text_is_the_document_text_with_no_character_lost(rendered, name):
    doc, pdf = rendered[name]
    assert flat("".join(line[3] for page in pdf for line in page)) == flat(doc.plain_text)


def test_the_comma_after_63_km_survives_at_the_line_end(rendered):
    _, pdf = rendered["comma"]
    assert "63公里，" in "".join(line[3] for line in pdf[0])


NO_LINE_START = "，。、；：？！）】》”’"
NO_LINE_END = "（【《“‘"


def test_full_lines_hold_28_characters(rendered):
    counted = kept_together = 0
    for name in ("organ", "person", "quotes"):
        lines = [line for page in rendered[name][1] for line in page]
        for (_, x0, x1, text), after in zip(lines, lines[1:], strict=False):
            full = x1 > RIGHT - CHAR / 2
            if not full or any(c.isascii() for c in text):
                # Half-width digits make a line's count vary; curly quotes are full width.
                continue
            assert x1 < RIGHT + 1, text  # nothing past the type area
            expected = 26 if x0 > LEFT + CHAR else 28
            moved = expected - len(text)
            if moved in (1, 2):
                # A closing mark never starts a line, an opening one never ends it: the
                # last character moves down with it (LibreOffice does not hang marks), and
                # with two closing marks in a row (”，) the mark before them moves too.
                nxt = after[3]
                assert nxt[moved : moved + 1] in tuple(NO_LINE_START) or (
                    moved == 1 and text[-1] in NO_LINE_END
                ), text
                kept_together += 1
                continue
            assert len(text) == expected, text
            counted += 1
    assert counted >= 20 and kept_together <= counted / 4


def test_full_pages_hold_22_lines(rendered):
    _, pdf = rendered["organ"]
    assert len(pdf) >= 3
    for page in pdf[1:-1]:  # the first carries the title, the last is not full
        assert len(page) == 22
        steps = {b[0] - a[0] for a, b in zip(page, page[1:], strict=False)}
        assert all(28 <= step <= 30 for step in steps)  # one exact 28.95 pt line each


def test_the_title_breaks_where_we_break_it_and_never_leaves_one_character(rendered):
    doc, pdf = rendered["organ"]
    expected = title_lines(doc.title)
    assert len(expected) == 2 and expected[1].startswith("关于")
    assert [line[3] for line in pdf[0][: len(expected)]] == expected
    _, pdf = rendered["comma"]
    assert [line[3] for line in pdf[0][:2]] == ["长集镇人民政府", "副镇长何永秋2025年度述职报告"]


def _closing(pdf):
    """The signature line and the date line: the last two lines of the last page."""
    return pdf[-1][-2], pdf[-1][-1]


def test_an_organs_signature_is_centred_over_a_date_4_characters_from_the_right(rendered):
    sign, day = _closing(rendered["organ"][1])
    assert sign[3] == "烽火乡人大主席团" and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", day[3])
    assert abs((RIGHT - day[2]) / CHAR - 4) < 0.15
    assert abs((sign[1] + sign[2]) / 2 - (day[1] + day[2]) / 2) / CHAR < 0.25


@pytest.mark.parametrize("name", ["person", "comma"])
def test_a_persons_signature_starts_2_characters_left_of_a_date_2_from_the_right(rendered, name):
    # GB/T 9704 7.3.5.2: the date is longer than a name, so it sits 2 characters from the
    # right and the signature moves left to start 2 characters before it.
    sign, day = _closing(rendered[name][1])
    assert abs((RIGHT - day[2]) / CHAR - 2) < 0.15
    assert abs((day[1] - sign[1]) / CHAR - 2) < 0.25


def test_the_named_fonts_map_to_simplified_chinese_fonts_never_japanese():
    expected = {
        "仿宋_GB2312": "Noto Serif CJK SC",
        "方正小标宋简体": "Noto Serif CJK SC",
        "黑体": "Noto Sans CJK SC",
        "楷体_GB2312": "AR PL KaitiM GB",
        "宋体": "Noto Serif CJK SC",
    }
    for name in NAMED_FONTS:
        found = subprocess.run(
            ["fc-match", "--format=%{family[0]}", name],
            capture_output=True, text=True, check=True, env=fontconfig_env(),
        ).stdout  # fmt: skip
        assert found == expected[name], name
