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


def take(
    section: FactSection, name: str, found, label: str = "", keywords: tuple[str, ...] = ()
) -> None:
    """Put a figure read from the registry into a section under the writer's key."""
    from dataclasses import replace

    if found is None or found.value is None:
        return
    words = tuple(dict.fromkeys(found.keywords + keywords))
    section.add(
        replace(found, key=f"{section.key}.{name}", label=label or found.label, keywords=words)
    )
