"""The parts of a Word file around the text: properties, fonts, theme, language (zh-CN).

python-docx starts from a template saved by Word 2013 for Mac with a Japanese theme; none
of that may show in a document a township hands in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx.oxml.ns import qn

# Parts of the template that say nothing about this document.
DROPPED = ("thumbnail", "stylesWithEffects", "customXml")
# Font table entries: name, panose-free family, GB2312 charset (86) for the Chinese faces.
FONT_TABLE = (("仿宋_GB2312", "modern"), ("方正小标宋简体", "script"), ("黑体", "modern"),
              ("楷体_GB2312", "modern"), ("宋体", "roman"), ("Times New Roman", "roman"))  # fmt: skip
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def set_properties(d, *, title: str, author: str, created: datetime) -> None:
    """Core and application properties: the organ or person, now, zh-CN, this program."""
    core = d.core_properties
    core.title = title
    core.author = core.last_modified_by = author
    # Word stores UTC (…Z); an aware time is converted, a naive one is taken as UTC.
    if created.tzinfo:
        created = created.astimezone(UTC).replace(tzinfo=None)
    core.created = core.modified = created
    core.language = "zh-CN"
    core.comments = core.subject = core.keywords = core.category = ""
    core.revision = 1
    package = d.part.package
    app = next(
        r.target_part for r in package.rels.values() if r.reltype.endswith("/extended-properties")
    )
    app._blob = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>台账 taizhang</Application><Company>{escape(author)}</Company>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def clean_package(d) -> None:
    """Drop the template's leftovers; Chinese theme fonts, font table and language."""
    package = d.part.package
    for rels in (package.rels, d.part.rels):
        for r_id, rel in list(rels.items()):
            if any(rel.reltype.endswith("/" + name) for name in DROPPED):
                rels.pop(r_id)
    for rel in d.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind == "theme":
            rel.target_part._blob = chinese_theme(rel.target_part.blob.decode())
        elif kind == "fontTable":
            rel.target_part._blob = font_table().encode()
    lang = d.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
    for el in d.styles.element.iter(qn("w:lang")):
        el.set(qn("w:val"), "zh-CN")
        el.set(qn("w:eastAsia"), "zh-CN")


def chinese_theme(xml: str) -> bytes:
    """Theme fonts: East Asian 宋体, no per-script Japanese (or other) substitutes."""
    xml = re.sub(r'<a:font script="[A-Za-z]+" typeface="[^"]*"/>', "", xml)
    xml = xml.replace('<a:ea typeface=""/>', '<a:ea typeface="宋体"/>')
    return xml.encode()


def font_table() -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:charset w:val="{"00" if name.isascii() else "86"}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for name, family in FONT_TABLE
    )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:fonts xmlns:w="{W}">{fonts}</w:fonts>'
    )
