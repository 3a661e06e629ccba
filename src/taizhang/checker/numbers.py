"""Parse numbers written in Arabic or Chinese numerals, as used by arithmetic and ledger rules."""

from __future__ import annotations

import re

NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
UNITS = (
    "人次|人|名|件|次|个|户|项|家|篇|条|位|元|吨|公里|亩|座|间|场|期|批|张|处|起|宗|例|所|台|份|套"
)
NUM_UNIT = re.compile(rf"({NUM})\s*(万|亿)?\s*({UNITS})")
# A percentage as 98.6% or as 百分之九十八点六; the group holds the number either way.
PCT = (
    r"(?:百分之)?(\d+(?:\.\d+)?(?=\s*[%％])|(?<=百分之)[零〇一二两三四五六七八九十百点]+)\s*[%％]?"
)
HAN_PCT = re.compile(r"[零〇一二两三四五六七八九十百点]")
SMALL = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def parse_num(s: str) -> float | None:
    """Return the value of an Arabic or Chinese numeral, or None."""
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    if len(s) == 1 and s in SMALL:
        return float(SMALL[s])
    try:
        import cn2an  # imported at first use: it loads for a second

        return float(cn2an.cn2an(s.replace("两", "二"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def scaled(num: str, mult: str | None) -> float | None:
    value = parse_num(num)
    if value is None:
        return None
    return value * {"万": 1e4, "亿": 1e8}.get(mult or "", 1)


def pct_text(s: str) -> str:
    """Arabic form of a percentage number (九十八点六 → 98.6); digits are returned unchanged."""
    if not HAN_PCT.search(s):
        return s
    whole, _, frac = s.partition("点")
    value = parse_num(whole) if whole else 0.0
    digits = "".join(str(SMALL.get(c, "")) for c in frac)
    if value is None:
        return "0"
    return f"{int(value)}.{digits}" if digits else str(int(value))


def decimals(s: str) -> int:
    s = pct_text(s)
    return len(s.split(".")[1]) if "." in s else 0


def rate_matches(stated: str, part: float, base: float) -> bool:
    """Tell whether a stated percentage follows from part/base, rounded or truncated."""
    if base <= 0:
        return True
    value = part / base * 100
    stated = pct_text(stated)
    d = decimals(stated)
    got = float(stated)
    tolerance = 0.5 * 10**-d + 1e-9
    truncated = int(value * 10**d) / 10**d
    return abs(got - value) <= tolerance or abs(got - truncated) < 1e-9


def fmt(value: float, d: int = 1) -> str:
    text = f"{value:.{d}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# -- Counts near a position (shared by the arithmetic and consistency rules) -----------------

UNIT_EQ = {"名": "人", "位": "人"}


def same_unit(a: str, b: str) -> bool:
    return UNIT_EQ.get(a, a) == UNIT_EQ.get(b, b)


def para_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def clause_end(text: str, pos: int) -> int:
    """End of the sentence or semicolon clause holding ``pos``."""
    ends = [
        i for i in (text.find("。", pos), text.find("\n", pos), text.find("；", pos)) if i != -1
    ]
    return min(ends) if ends else len(text)


def sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in "。\n；") + 1
    return start, clause_end(text, pos)


def last_count(
    text: str, start: int, end: int, markers: str, unit: str | None = None
) -> re.Match[str] | None:
    """The last count in [start, end) that follows one of ``markers`` (a regex alternation)."""
    found = None
    for m in _marker_pattern(markers).finditer(text, start, end):
        if unit is None or same_unit(m.group(3), unit):
            found = m
    return found


_MARKER_PATTERNS: dict[str, re.Pattern[str]] = {}


def _marker_pattern(markers: str) -> re.Pattern[str]:
    pattern = _MARKER_PATTERNS.get(markers)
    if pattern is None:
        pattern = re.compile(rf"(?:{markers})[\u4e00-\u9fff]{{0,6}}?({NUM})\s*(万|亿)?\s*({UNITS})")
        _MARKER_PATTERNS[markers] = pattern
    return pattern


def nearest_same_unit(text: str, start: int, end: int, unit: str) -> re.Match[str] | None:
    found = None
    for m in NUM_UNIT.finditer(text, start, end):
        if same_unit(m.group(3), unit):
            found = m
    return found
