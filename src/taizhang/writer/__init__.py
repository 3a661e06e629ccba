"""Document writer: facts -> document model -> DOCX/HTML/Markdown/JSON, no Django."""

from __future__ import annotations

from .facts import Fact, Facts, FactSection
from .model import Document, FigureRun, Paragraph, Section, TextRun, layout
from .scan import Unsourced, unsourced_numbers

KINDS = ("personal", "presidium", "presidium_report", "deputy")


def compose_document(facts: Facts, *, variant: str = "", seed: object = None) -> Document:
    """Compose the document of ``facts.kind``; variant "" means the kind's default."""
    from .compose.deputy import compose_deputy
    from .compose.personal import compose_personal
    from .compose.presidium import compose_presidium
    from .compose.presidium_report import compose_presidium_report

    kwargs: dict = {"seed": seed}
    if variant:
        kwargs["variant"] = variant
    if facts.kind == "personal":
        return compose_personal(facts, **kwargs)
    if facts.kind == "presidium":
        return compose_presidium(facts, **kwargs)
    if facts.kind == "presidium_report":
        return compose_presidium_report(facts, seed=seed)
    if facts.kind == "deputy":
        return compose_deputy(facts, **kwargs)
    raise ValueError(f"unknown document kind: {facts.kind}")


def render_document(doc: Document, fmt: str) -> bytes | str | dict:
    """Render to "docx" (bytes), "html" / "md" (str) or "json" (dict)."""
    if fmt == "docx":
        from .render.docx import render_docx

        return render_docx(doc)
    if fmt == "html":
        from .render.html import render_html

        return render_html(doc, full_page=True)
    if fmt in ("md", "markdown"):
        from .render.markdown import render_markdown

        return render_markdown(doc)
    if fmt == "json":
        from .render.json import render_json

        return render_json(doc)
    raise ValueError(f"unknown format: {fmt}")


__all__ = [
    "KINDS",
    "Document",
    "Fact",
    "FactSection",
    "Facts",
    "FigureRun",
    "Paragraph",
    "Section",
    "TextRun",
    "Unsourced",
    "compose_document",
    "layout",
    "render_document",
    "unsourced_numbers",
]
