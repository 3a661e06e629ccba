"""Side-by-side character diff of an original and a polished text, as plain segments."""

from __future__ import annotations

from difflib import SequenceMatcher


def side_by_side(
    original: str, polished: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return (left, right) segments: ("same"|"del"|"ins", text) for each side."""
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, original, polished, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            left.append(("same", original[a0:a1]))
            right.append(("same", polished[b0:b1]))
            continue
        if a1 > a0:
            left.append(("del", original[a0:a1]))
        if b1 > b0:
            right.append(("ins", polished[b0:b1]))
    return left, right
