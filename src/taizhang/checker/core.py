"""Finding, shared text helpers and the rule runner of the document checker."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

CATEGORIES = (
    "placeholder",
    "number",
    "arithmetic",
    "consistency",
    "typo",
    "spinner",
    "junk",
    "punctuation",
    "format",
    "structure",
    "pii",
    "copy",
    "ledger",
)
SEVERITIES = ("错误", "警告", "提示")
PROFILES = ("summary", "duty", "presidium", "generic")
# "full" runs every rule; "fast" (for the editor, checked on every keystroke) leaves out the
# broad spelling rule, whose lexicon lookups cost most of the time.
SPEEDS = ("full", "fast")
DATA_DIR = Path(__file__).parent / "data"

# Rules whose suggestion can be applied without a human decision (used by --fix).
MECHANICAL_RULES = frozenset(
    {
        "number.decimal-mark",
        "number.fullwidth-digit",
        "typo.doubled-char",
        "punctuation.halfwidth",
        "punctuation.doubled",
        "format.word-form",
        "format.traditional-char",
        "format.broken-word",
        "format.heading-form",
        "consistency.hundred-percent",
    }
)

CJK = "\u4e00-\u9fff\u3400-\u4dbf"
CJK_RE = re.compile(f"[{CJK}]")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text, located by code-point offsets."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    source: str = "实务"
    # A run of one kind in one paragraph is one finding: (start, end) of every place, the
    # first being start/end itself; empty for a finding at one place.
    positions: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def mechanical(self) -> bool:
        return self.suggestion is not None and self.rule in MECHANICAL_RULES

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every place this finding covers (one, or each place of a merged run)."""
        return self.positions or ((self.start, self.end),)


@dataclass(slots=True)
class Context:
    """What a rule may look at besides the text."""

    profile: str = "summary"
    facts: list[Any] | None = None
    templates: Any = None
    claims: Any = None  # consistency.ClaimFacts, for claims against the ledger
    speed: str = "full"
    strict: bool = False  # the broad spelling rule reports from the tuned floor (more 提示)


def make(
    text: str,
    start: int,
    end: int,
    rule: str,
    category: str,
    severity: str,
    message: str,
    suggestion: str | None = None,
    source: str = "实务",
) -> Finding:
    """Build a finding whose text is always the slice it points at."""
    return Finding(
        rule=rule,
        category=category,
        severity=severity,
        start=start,
        end=end,
        text=text[start:end],
        message=message,
        suggestion=suggestion,
        source=source,
    )


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Read a data file: tab-separated columns, '#' comments and blank lines skipped."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(col.strip() for col in line.split("\t")))
    return tuple(rows)


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every line, end excluding the newline."""
    start = 0
    for m in re.finditer("\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


Rule = Callable[[str, Context], Iterable[Finding]]


def run_rules(text: str, ctx: Context, rules: Iterable[Rule]) -> list[Finding]:
    """Run every rule, drop exact duplicates and sort by position."""
    seen: set[tuple[str, int, int, str]] = set()
    out: list[Finding] = []
    for rule in rules:
        for f in rule(text, ctx):
            key = (f.rule, f.start, f.end, f.message)
            if key in seen:
                continue
            seen.add(key)
            out.append(f)
    out = _drop_inside_junk(out)
    out = merge_runs(text, out)
    out.sort(key=lambda f: (f.start, f.end, f.category, f.rule))
    return out


def spare_names(text: str, findings: list[Finding], names: Iterable[str]) -> list[Finding]:
    """Drop the spelling findings that fall on a known proper name (a person the ledger holds).

    A name is any string of characters: 王建军 read as a slip for 王建君 is no slip when the
    ledger says so. Other findings at the same place (a doubled word, a mark) stay.
    """
    spans = [
        (i, i + len(name))
        for name in {n for n in names if n and len(n) >= 2}
        for i in _occurrences(text, name)
    ]
    if not spans:
        return findings
    return [
        f
        for f in findings
        if f.category not in ("typo", "spinner")
        or not any(a < f.end and f.start < b for a, b in spans)
    ]


def _occurrences(text: str, word: str):
    start = text.find(word)
    while start != -1:
        yield start
        start = text.find(word, start + 1)


NEWLINE = re.compile("\n")


def merge_runs(text: str, findings: list[Finding]) -> list[Finding]:
    """Fold the places of one mechanical finding within one paragraph into one finding.

    Ten half-width commas in a paragraph are one finding whose ``positions`` list the ten
    places; its one fix (the same suggestion) applies at every place.
    """
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.rule in MECHANICAL_RULES and not f.positions:
            groups.setdefault((f.rule, f.text, f.message, f.suggestion), []).append(f)
    if all(len(g) < 2 for g in groups.values()):
        return findings
    breaks = [m.start() for m in NEWLINE.finditer(text)]
    merged: dict[int, Finding] = {}  # id of the first finding of a run -> the merged finding
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        runs: dict[int, list[Finding]] = {}
        for f in group:
            runs.setdefault(bisect.bisect_right(breaks, f.start), []).append(f)
        for run in runs.values():
            if len(run) < 2:
                continue
            run.sort(key=lambda f: f.start)
            first = run[0]
            merged[id(first)] = replace(
                first,
                message=f"{first.message}（本段共{len(run)}处）",
                positions=tuple((f.start, f.end) for f in run),
            )
            dropped.update(id(f) for f in run[1:])
    return [merged.get(id(f), f) for f in findings if id(f) not in dropped]


def _drop_inside_junk(findings: list[Finding]) -> list[Finding]:
    """A line of web junk is deleted as a whole, so other findings touching it are noise."""
    junk = sorted((f.start, f.end) for f in findings if f.category == "junk" and f.end > f.start)
    if not junk:
        return findings
    starts = [s for s, _ in junk]
    kept = []
    for f in findings:
        if f.category != "junk":
            i = bisect.bisect_right(starts, f.start) - 1
            if i >= 0 and f.start < junk[i][1]:
                continue  # starts inside a junk line
            if i + 1 < len(junk) and junk[i + 1][0] < f.end:
                continue  # runs into a junk line

        kept.append(f)
    return kept
