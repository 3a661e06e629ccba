"""Render a document as a GB/T 9704-2012 Word file with python-docx.

28 characters a line: 3号 is 16 pt in Word, and 28 of them (448 pt) overrun the 156 mm
(442.2 pt) type area, so body characters are condensed by 0.25 pt (w:spacing -5), giving
the 15.75 pt pitch of the standard's 3号. 22 lines a page: exact 28.95 pt line spacing.
Lost punctuation: LibreOffice drops a comma that would hang past a full line (the comma
after "63公里"). Its .docx import reads w:overflowPunct inverted (val="1" switches its
hanging punctuation off), so every paragraph says val="1": Word keeps its default (a
closing mark may hang), LibreOffice moves the last character and the mark to the next
line instead of losing the mark. Curly quotes belong to both scripts: Word sets them from
the East-Asian font by the run's w:hint, LibreOffice from the Latin one (half width). So
body text is split by script: Chinese text with its quotes in runs whose every font slot
names the Chinese font, digits and Latin letters in runs of Times New Roman (a run of
quotes alone would cost LibreOffice a fraction of a point at each edge: 27 a line).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from ..model import Block, Document
from ..typeset import signature_layout, title_lines
from .docx_package import clean_package, set_properties

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT, 4: BODY_FONT}
PAGE_FONT = "宋体"
# Arabic numerals of the body in Times New Roman: half a character wide, as in 仿宋_GB2312,
# so the signature and date land where GB/T 9704 7.3.5 puts them with any CJK face.
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 2号
BODY_SIZE = Pt(16)  # 3号
PAGE_SIZE = Pt(14)  # 4号
LINE = Pt(28.95)  # 22 lines on the type area
INDENT = Pt(32)  # two characters of 3号
CONDENSE = -5  # twentieths of a point: 16 pt characters at a 15.75 pt pitch
CHAR = Pt(15.75)  # one character of the body at that pitch
LATIN = re.compile(r"([\x00-\x7f]+)")  # digits and Latin letters; the rest is Chinese


def render_docx(doc: Document, *, created: datetime | None = None, author: str = "") -> bytes:
    """Return the document as .docx bytes laid out per GB/T 9704-2012.

    ``author`` defaults to the signature (the organ or the person); ``created`` to now
    (aware UTC: the writer has no Django clock, callers pass ``timezone.now()``).
    """
    d = new_docx()
    setup_page(d)
    setup_styles(d)
    setup_footers(d)
    clean_package(d)
    set_properties(
        d,
        title=doc.title,
        author=author or (doc.signature[0] if doc.signature else doc.subject),
        created=created or datetime.now(UTC),
    )
    place = signature_layout(doc.signature, doc.date, sealed=sealed(doc))
    signature_lines = iter(place.signature)
    blocks = list(doc.blocks())
    p = d.paragraphs[0] if d.paragraphs else d.add_paragraph()
    for i, block in enumerate(blocks):
        if i:
            p = d.add_paragraph()
        write_block(p, block)
        if block.kind == "signature":
            p.paragraph_format.right_indent = Emu(round(CHAR * next(signature_lines, 2)))
        elif block.kind == "date":
            p.paragraph_format.right_indent = Emu(round(CHAR * place.date))
        nxt = blocks[i + 1].kind if i + 1 < len(blocks) else ""
        # One empty line after the title, and between the body and the signature.
        if (
            block.kind in ("title", "subtitle")
            and nxt not in ("subtitle", "")
            or block.kind not in ("signature", "date", "title", "subtitle")
            and nxt
            in (
                "signature",
                "date",
            )
        ):
            blank(d.add_paragraph())
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def sealed(doc: Document) -> bool:
    """An organ's document is sealed (GB/T 9704 7.3.5.1); a person's is signed unsealed."""
    return doc.kind.startswith("presidium")


def setup_page(d) -> None:
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(37), Mm(35)
    s.left_margin, s.right_margin = Mm(28), Mm(26)
    s.header_distance, s.footer_distance = Mm(15), Mm(25)


def set_font(target, name: str, size: Pt, *, condense: bool = True, latin: str = "") -> None:
    """Set a run's or style's font for Latin and East-Asian text (w:eastAsia)."""
    target.font.name = latin or name
    target.font.size = size
    rpr = target.element.get_or_add_rPr()
    if condense and size == BODY_SIZE:
        spacing = rpr.find(qn("w:spacing"))
        if spacing is None:
            spacing = OxmlElement("w:spacing")
            rpr.append(spacing)
        spacing.set(qn("w:val"), str(CONDENSE))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), latin if latin and attr != "eastAsia" else name)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    # Quotes and dashes belong to both scripts: set them full width in the Chinese font.
    fonts.set(qn("w:hint"), "eastAsia")


def setup_styles(d) -> None:
    # Theme fonts in the template's defaults would override the explicit names.
    defaults = d.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for fonts in defaults.iter(qn("w:rFonts")):
            for attr in list(fonts.attrib):
                if attr.endswith("Theme"):
                    del fonts.attrib[attr]
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(qn(f"w:{attr}"), BODY_FONT)
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:eastAsia"), "zh-CN")
    normal = d.styles["Normal"]
    set_font(normal, BODY_FONT, BODY_SIZE, latin=LATIN_FONT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.first_line_indent = INDENT
    pf.space_before = pf.space_after = Pt(0)
    pf.widow_control = False


# Children of w:pPr that the schema puts after w:overflowPunct (Word rejects other orders).
AFTER_OVERFLOW_PUNCT = ("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                        "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                        "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                        "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                        "w:pPrChange")  # fmt: skip


def keep_punctuation(p: DocxParagraph) -> None:
    """Mark the paragraph w:overflowPunct="1" (see the module docstring)."""
    ppr = p._p.get_or_add_pPr()
    el = OxmlElement("w:overflowPunct")
    el.set(qn("w:val"), "1")
    ppr.insert_element_before(el, *AFTER_OVERFLOW_PUNCT)


def write_block(p: DocxParagraph, block: Block) -> None:
    keep_punctuation(p)
    pf = p.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.first_line_indent = INDENT
    if block.kind == "title":
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.first_line_indent = Pt(0)
        pf.line_spacing = Pt(35)  # a 2号 title needs more than the body's exact line
        for n, line in enumerate(title_lines(block.text)):
            run = p.add_run(line)
            if n:
                run._r.insert(0, OxmlElement("w:br"))
            set_font(run, TITLE_FONT, TITLE_SIZE)
        return
    if block.kind == "subtitle":
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.first_line_indent = Pt(0)
        set_font(p.add_run(block.text), HEADING_FONTS[2], BODY_SIZE)
        return
    if block.kind == "salutation":
        pf.first_line_indent = Pt(0)
        body_runs(p, block.text)
        return
    if block.kind in ("signature", "date"):
        # Right indents per GB/T 9704 7.3.5 are set by the caller (signature_layout).
        pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pf.first_line_indent = Pt(0)
        body_runs(p, block.text)
        return
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.kind == "heading":
        set_font(p.add_run(block.text), HEADING_FONTS.get(block.level, BODY_FONT), BODY_SIZE)
        return
    assert block.paragraph is not None
    body_runs(p, block.paragraph.text)


def body_runs(p: DocxParagraph, text: str) -> None:
    """Add body text: digits and Latin in Times New Roman, the rest (quotes too) in 仿宋."""
    for n, piece in enumerate(LATIN.split(text)):
        if piece:
            set_font(p.add_run(piece), BODY_FONT, BODY_SIZE, latin=LATIN_FONT if n % 2 else "")


def blank(p: DocxParagraph) -> None:
    """Make an empty line of body height."""
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = LINE
    p.paragraph_format.first_line_indent = Pt(0)


def setup_footers(d) -> None:
    """Page numbers "— n —" in 4号 宋体: odd pages right, even pages left."""
    d.settings.odd_and_even_pages_header_footer = True
    s = d.sections[0]
    page_number(s.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    page_number(s.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def page_number(p: DocxParagraph, align) -> None:
    pf = p.paragraph_format
    pf.alignment = align
    pf.first_line_indent = Pt(0)
    # One character of space from the edge of the type area.
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        pf.right_indent = PAGE_SIZE
    else:
        pf.left_indent = PAGE_SIZE
    set_font(p.add_run("— "), PAGE_FONT, PAGE_SIZE)
    for kind, instr in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = p.add_run()
        set_font(run, PAGE_FONT, PAGE_SIZE)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif instr == " PAGE ":
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            run._r.append(it)
        else:
            run.text = instr or ""
    set_font(p.add_run(" —"), PAGE_FONT, PAGE_SIZE)
