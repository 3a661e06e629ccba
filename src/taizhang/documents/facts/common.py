"""Shared helper of the fact builders: add one counted fact to a section."""

from __future__ import annotations

from taizhang.figures.registry import fact
from taizhang.writer.facts import FactSection


def put(
    section: FactSection,
    name: str,
    label: str,
    ids,
    unit: str,
    model: str,
    value=None,
    keywords: tuple[str, ...] = (),
) -> None:
    section.add(
        fact(
            f"{section.key}.{name}",
            label,
            ids,
            unit,
            model=model,
            value=value,
            keywords=keywords or (label,),
        )
    )
