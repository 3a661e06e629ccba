"""Personal data out of prompts: placeholders before the call, the originals after."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from taizhang.checker.rules.pii import ID_RE, LANDLINE_RE, MOBILE_RE, OLD_ID_RE

PLACEHOLDER_RE = re.compile(r"〔保密\d+〕")


@dataclass(slots=True)
class Masked:
    """A text with personal data replaced, and the table to put it back."""

    text: str
    table: dict[str, str] = field(default_factory=dict)

    def restore(self, text: str) -> str:
        for key, value in self.table.items():
            text = text.replace(key, value)
        return text

    def missing(self, text: str) -> list[str]:
        """Placeholders the answer lost or altered (each must come back exactly)."""
        return [key for key in self.table if text.count(key) != self.text.count(key)]


def mask(text: str, personal: tuple[str, ...] = ()) -> Masked:
    """Replace ID numbers, phones and the given personal strings (names, addresses)."""
    masked = Masked(text)
    values: dict[str, str] = {}

    def key_for(value: str) -> str:
        if value not in values:
            values[value] = f"〔保密{len(values) + 1}〕"
            masked.table[values[value]] = value
        return values[value]

    out = text
    for pattern in (ID_RE, OLD_ID_RE, MOBILE_RE, LANDLINE_RE):
        out = pattern.sub(lambda m: key_for(m.group()), out)
    # Longest first, so an address is replaced before a name inside it.
    for value in sorted({p for p in personal if p and len(p) >= 2}, key=len, reverse=True):
        if value in out:
            out = out.replace(value, key_for(value))
    masked.text = out
    return masked
