"""Render a document as Markdown, optionally with footnotes naming each figure's sources.

Pure Markdown, no HTML: the signature and the date are plain closing lines (Markdown
cannot right-align; the Word and print versions carry the GB/T 9704 layout).
"""

from __future__ import annotations

from ..model import Document, FigureRun
from .sources import kinds_counted

ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def render_markdown(doc: Document, *, sources: bool = False) -> str:
    """Return Markdown; with ``sources=True`` each figure gets a footnote counting its records."""
    lines: list[str] = []
    notes: list[str] = []
    for block in doc.blocks():
        if block.kind == "title":
            lines.append("# " + esc(block.text))
        elif block.kind == "subtitle":
            lines.append(esc(block.text))
        elif block.kind == "heading":
            lines.append("#" * (block.level + 1) + " " + esc(block.text))
        elif block.paragraph is not None:
            parts = []
            for run in block.paragraph.runs:
                parts.append(run.text.translate(ESCAPE))
                if sources and isinstance(run, FigureRun) and run.sources:
                    notes.append(
                        f"[^{len(notes) + 1}]: {run.label or run.fact}：{kinds_counted(run.sources)}"
                    )
                    parts.append(f"[^{len(notes)}]")
            lines.append(line_start("".join(parts)))
        else:
            lines.append(esc(block.text))
    return "\n\n".join(lines + notes) + "\n"


def esc(text: str) -> str:
    return line_start(text.translate(ESCAPE))


def line_start(line: str) -> str:
    """Keep a line that starts like "1." or "12." from becoming a list item."""
    head = line.split(".", 1)[0]
    if "." in line and head.isdigit() and len(head) <= 9:
        return head + "\\." + line[len(head) + 1 :]
    return line
