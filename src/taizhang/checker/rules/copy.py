"""Passages copied unchanged from a template library (范文)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..copy import TemplateIndex
from ..core import Context, Finding, make


@lru_cache(maxsize=4)
def _index_for(folder: str) -> TemplateIndex:
    return TemplateIndex.from_folder(folder)


def resolve(templates: object) -> TemplateIndex | None:
    if templates is None:
        return None
    if isinstance(templates, TemplateIndex):
        return templates
    return _index_for(str(Path(str(templates)).resolve()))


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Report runs copied from a template, with the template's name and copied share."""
    index = resolve(ctx.templates)
    if index is None or not text.strip():
        return
    total = len("".join(text.split())) or 1
    for tpl, spans in index.copied_spans(text):
        copied = sum(len("".join(text[s:e].split())) for s, e in spans)
        share = round(copied / total * 100)
        for start, end in spans:
            yield make(
                text,
                start,
                end,
                "copy.template",
                "copy",
                "警告",
                f"此段与范文《{tpl.name}》完全相同（{end - start}字）；全文约{share}%照搬该范文",
                None,
                "实务",
            )
