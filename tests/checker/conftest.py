"""Fixtures for checker tests: the annotated corpus and its template folder."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def corpus() -> Path:
    return CORPUS


def expected_spans(text: str, spec: dict) -> list[tuple[str, int, int]]:
    """Resolve annotations {category, text, nth?, after?, at_end?} to (category, start, end)."""
    out = []
    for item in spec["expected"]:
        if item.get("at_end"):
            out.append((item["category"], len(text), len(text)))
            continue
        pos = text.index(item["after"]) + len(item["after"]) if "after" in item else 0
        nth = item.get("nth", 0)
        for i in range(nth + 1):
            pos = text.index(item["text"], pos) + (0 if i == nth else 1)
        out.append((item["category"], pos, pos + len(item["text"])))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Closed-interval overlap when either span is empty, open overlap otherwise."""
    if a[0] == a[1] or b[0] == b[1]:
        return max(a[0], b[0]) <= min(a[1], b[1])
    return max(a[0], b[0]) < min(a[1], b[1])
