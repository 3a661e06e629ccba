"""Render a document as JSON-ready data: plain text plus figure offsets and sources."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..facts import Number
from ..model import Document, layout


def json_number(value: Number | None) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def render_json(doc: Document) -> dict[str, Any]:
    """Return the plain text and each figure's [start, end) offsets, fact key and sources."""
    text, spans = layout(doc)
    return {
        "kind": doc.kind,
        "variant": doc.variant,
        "subject": doc.subject,
        "year": doc.year,
        "title": doc.title,
        "text": text,
        "figures": [
            {
                "start": s.start,
                "end": s.end,
                "text": s.figure.text,
                "value": json_number(s.figure.value),
                "unit": s.figure.unit,
                "fact": s.figure.fact,
                "label": s.figure.label,
                "sources": list(s.figure.sources),
            }
            for s in spans
        ],
        "outline": [
            {"kind": b.kind, "text": b.text, "level": b.level, "key": b.key}
            for b in doc.blocks()
            if b.kind in ("title", "subtitle", "heading")
        ],
    }
