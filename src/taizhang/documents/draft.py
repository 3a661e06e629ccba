"""Editable drafts: a writer Document as plain-text blocks with linked figure spans.

A draft is JSON: ``{"title", "subtitle", "salutation", "blocks": [{"key", "heading",
"text", "figures": [{"start", "end", "text", "fact", "label", "unit", "sources"}]}],
"signature": [...], "date"}``. Block ``text`` holds the block's lines; inside a section,
sub-headings keep their ordinals (（一）…, 1. …). A figure stays linked while its text is
still found where it was; once the user types another number there, the link is dropped
and the checker compares the new number with the ledger.
"""

from __future__ import annotations

import re
from typing import Any

from taizhang.writer import Document, FigureRun, Paragraph, Section, TextRun
from taizhang.writer.model import ordinal

PREAMBLE, CLOSING = "_preamble", "_closing"
SUB_HEADING = re.compile(r"^(（[一二三四五六七八九十]+）|\d+\.|（\d+）)\s*")
LEVELS = {"（": 2}


def _figure(span_start: int, run: FigureRun) -> dict[str, Any]:
    return {
        "start": span_start,
        "end": span_start + len(run.text),
        "text": run.text,
        "fact": run.fact,
        "label": run.label,
        "unit": run.unit,
        "sources": list(run.sources),
    }


def _paragraph_lines(paragraphs: list[Paragraph], lines: list[str], figures: list, pos: int) -> int:
    for p in paragraphs:
        if lines:
            pos += 1  # the newline before this line
        for run in p.runs:
            if isinstance(run, FigureRun):
                figures.append(_figure(pos, run))
            pos += len(run.text)
        lines.append(p.text)
    return pos


def _section_block(section: Section) -> dict[str, Any]:
    lines: list[str] = []
    figures: list = []
    pos = _paragraph_lines(section.paragraphs, lines, figures, 0)

    def walk(subs: list[Section], pos: int) -> int:
        n = 0
        for sub in subs:
            if sub.is_empty():
                continue
            n += 1
            heading = ordinal(sub.level, n) + sub.heading
            if lines:
                pos += 1
            lines.append(heading)
            pos += len(heading)
            pos = _paragraph_lines(sub.paragraphs, lines, figures, pos)
            pos = walk(sub.subsections, pos)
        return pos

    walk(section.subsections, pos)
    return {
        "key": section.key,
        "heading": section.heading,
        "text": "\n".join(lines),
        "figures": figures,
    }


def _plain_block(key: str, paragraphs: list[Paragraph]) -> dict[str, Any]:
    """The opening or closing paragraphs: a block without a heading."""
    lines: list[str] = []
    figures: list = []
    _paragraph_lines(paragraphs, lines, figures, 0)
    return {"key": key, "heading": "", "text": "\n".join(lines), "figures": figures}


def document_to_draft(doc: Document) -> dict[str, Any]:
    """Turn a composed document into editable blocks with figure spans."""
    blocks = []
    if doc.preamble:
        blocks.append(_plain_block(PREAMBLE, doc.preamble))
    blocks += [_section_block(s) for s in doc.sections if not s.is_empty()]
    if doc.closing:
        blocks.append(_plain_block(CLOSING, doc.closing))
    return {
        "kind": doc.kind,
        "variant": doc.variant,
        "subject": doc.subject,
        "year": doc.year,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "salutation": doc.salutation,
        "blocks": blocks,
        "signature": list(doc.signature),
        "date": doc.date,
    }


def _runs(line: str, offset: int, figures: list[dict]) -> list:
    runs, cursor = [], 0
    for f in figures:
        start, end = f["start"] - offset, f["end"] - offset
        if start < cursor or end > len(line) or start < 0:
            continue
        if start > cursor:
            runs.append(TextRun(line[cursor:start]))
        runs.append(
            FigureRun(
                value=None,
                unit=f.get("unit", ""),
                text=line[start:end],
                sources=tuple(f.get("sources", ())),
                fact=f.get("fact", ""),
                label=f.get("label", ""),
            )
        )
        cursor = end
    if cursor < len(line) or not runs:
        runs.append(TextRun(line[cursor:]))
    return runs


def _level(marker: str) -> int:
    if marker.startswith("（"):
        return 4 if marker[1].isdigit() else 2
    return 3


def _block_paragraphs(block: dict) -> tuple[list[Paragraph], list[Section]]:
    """Split a block's text into lead paragraphs and sub-sections (headings re-numbered)."""
    paragraphs: list[Paragraph] = []
    roots: list[Section] = []
    stack: list[Section] = []
    figures = sorted(block.get("figures", []), key=lambda f: f["start"])
    offset = 0
    for line in block["text"].split("\n"):
        line_figs = [f for f in figures if offset <= f["start"] and f["end"] <= offset + len(line)]
        match = SUB_HEADING.match(line)
        if match and len(line) <= 60:
            level = _level(match.group(1))
            section = Section(level=level, heading=line[match.end() :])
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].subsections if stack else roots).append(section)
            stack.append(section)
        elif line.strip():
            paragraph = Paragraph(_runs(line, offset, line_figs))
            (stack[-1].paragraphs if stack else paragraphs).append(paragraph)
        offset += len(line) + 1
    return paragraphs, roots


def draft_to_document(draft: dict[str, Any]) -> Document:
    """Rebuild a writer Document from a (possibly edited) draft, for rendering."""
    doc = Document(
        kind=draft.get("kind", ""),
        title=draft.get("title", ""),
        subtitle=draft.get("subtitle", ""),
        salutation=draft.get("salutation", ""),
        signature=list(draft.get("signature", [])),
        date=draft.get("date", ""),
        subject=draft.get("subject", ""),
        year=draft.get("year", 0),
        variant=draft.get("variant", ""),
    )
    for block in draft.get("blocks", []):
        paragraphs, subsections = _block_paragraphs(block)
        if block["key"] == PREAMBLE:
            doc.preamble = paragraphs
        elif block["key"] == CLOSING:
            doc.closing = paragraphs
        else:
            doc.sections.append(
                Section(
                    level=1,
                    heading=block["heading"],
                    paragraphs=paragraphs,
                    subsections=subsections,
                    key=block["key"],
                )
            )
    return doc


def relink_figures(old_text: str, old_figures: list[dict], new_text: str) -> list[dict]:
    """Keep the figures whose text is still in place after an edit, with new offsets.

    Figures are searched in order, each after the previous one; a figure is kept only when
    the same characters still appear with the same text on both sides (the two characters
    before and after), so a changed number loses its link.
    """
    kept, cursor = [], 0
    for f in sorted(old_figures, key=lambda f: f["start"]):
        before = old_text[max(0, f["start"] - 2) : f["start"]]
        after = old_text[f["end"] : f["end"] + 2]
        needle = before + f["text"] + after
        found = new_text.find(needle, cursor)
        if found < 0:
            continue
        start = found + len(before)
        kept.append({**f, "start": start, "end": start + len(f["text"])})
        cursor = start + len(f["text"])
    return kept


def draft_plain_text(draft: dict[str, Any]) -> tuple[str, list[dict]]:
    """Return the draft's full plain text and its linked figures with global offsets."""
    text, figures, _ = draft_layout(draft)
    return text, figures


def draft_layout(draft: dict[str, Any]) -> tuple[str, list[dict], list[tuple[str, int, int]]]:
    """Plain text, figures with global offsets, and where each block's text sits."""
    lines: list[str] = [draft.get("title", "")]
    figures: list[dict] = []
    places: list[tuple[str, int, int]] = []
    pos = len(lines[0])
    for extra in (draft.get("subtitle"), draft.get("salutation")):
        if extra:
            lines.append(extra)
            pos += 1 + len(extra)
    n = 0
    for block in draft.get("blocks", []):
        if block["key"] not in (PREAMBLE, CLOSING):
            n += 1
            heading = ordinal(1, n) + block["heading"]
            lines.append(heading)
            pos += 1 + len(heading)
        pos += 1
        figures += [
            {**f, "start": f["start"] + pos, "end": f["end"] + pos} for f in block["figures"]
        ]
        places.append((block["key"], pos, pos + len(block["text"])))
        lines.append(block["text"])
        pos += len(block["text"])
    lines += list(draft.get("signature", [])) + ([draft["date"]] if draft.get("date") else [])
    return "\n".join(lines), figures, places


def locate(draft: dict[str, Any], start: int, end: int) -> tuple[str, int, int] | None:
    """Map a span of the plain text to (block key, local start, local end), if in one block."""
    for key, lo, hi in draft_layout(draft)[2]:
        if lo <= start and end <= hi:
            return key, start - lo, end - lo
    return None
