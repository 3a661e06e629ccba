"""Shared machinery of the composers: seeded phrase choice, fact look-up, templates."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..facts import Fact, Facts, FactSection, Number
from ..model import FigureRun, Paragraph, Run, Section, TextRun
from ..numbers import bare, format_date, format_figure, is_zero, to_decimal

Value = FigureRun | str | list[Run] | None
PLACEHOLDER = re.compile(r"\{(\w+)(#?)\}")


class Composer:
    """Helper bound to one Facts: picks phrasings, finds facts, builds sentences."""

    def __init__(
        self,
        facts: Facts,
        bank: dict[str, tuple[str, ...]],
        *,
        variant: str = "",
        seed: object = None,
    ) -> None:
        self.facts = facts
        self.bank = bank
        self.variant = variant
        base = f"{facts.kind}|{facts.subject}|{facts.year}"
        self.seed = base if seed is None else f"{base}|{seed}"

    # -- choice -------------------------------------------------------------------------
    def pick(self, slot: str, options: Sequence[str]) -> str:
        """Choose one phrasing for a slot, stable for the same subject, year and seed."""
        digest = hashlib.sha256(f"{self.seed}|{slot}".encode()).digest()
        return options[int.from_bytes(digest[:4], "big") % len(options)]

    def phrase(self, slot: str, salt: str = "") -> str:
        """Pick from the bank, preferring the variant's own slot (``title.report``).

        ``salt`` varies the choice between repeated items (one per portfolio).
        """
        own = f"{slot}.{self.variant}"
        options = self.bank[own] if self.variant and own in self.bank else self.bank[slot]
        return self.pick(slot + salt, options)

    def say(self, slot: str, salt: str = "", **values: Value) -> list[Run] | None:
        """Fill the picked phrasing of a slot; None when a value is missing or zero."""
        return clause(self.phrase(slot, salt), **values)

    def line(self, slot: str, salt: str = "", **values: Value) -> str:
        """Fill a slot that holds no figure (titles, leads); '' when a value is missing."""
        runs = self.say(slot, salt, **values)
        return "" if runs is None else "".join(r.text for r in runs)

    # -- look-up ------------------------------------------------------------------------
    def section(self, key: str) -> FactSection | None:
        return self.facts.sections.get(key)

    def repeated(self, prefix: str) -> list[FactSection]:
        """Return the sections keyed ``prefix:…`` in the order they were added."""
        return [s for k, s in self.facts.sections.items() if k.startswith(prefix + ":")]

    def fact(self, section: FactSection | None, name: str) -> Fact | None:
        if section is None:
            return None
        return section.facts.get(f"{section.key}.{name}") or section.facts.get(name)

    def attr(self, section: FactSection | None, name: str) -> str:
        """Return a section attribute, falling back to the document's attributes."""
        if section is not None and section.attributes.get(name):
            return section.attributes[name].strip()
        return (self.facts.attributes.get(name) or "").strip()

    def texts(self, section: FactSection | None, name: str) -> list[str]:
        if section is None:
            return []
        return [t.strip() for t in section.texts.get(name, []) if t and t.strip()]

    def date(self, section: FactSection | None, name: str = "date") -> str:
        return format_date(self.attr(section, name), self.facts.year)

    def value(self, section: FactSection | None, name: str) -> Number | None:
        f = self.fact(section, name)
        return None if f is None or is_zero(f.value) else f.value

    def fig(self, section: FactSection | None, name: str) -> FigureRun | None:
        """Return the figure for a fact, or None when it is missing or zero."""
        f = self.fact(section, name)
        if f is None or is_zero(f.value):
            return None
        assert f.value is not None
        return figure_of(f)

    def rate(
        self, part: FigureRun | None, whole: FigureRun | None, key: str, label: str
    ) -> FigureRun | None:
        """Return part/whole as a percentage carrying the sources of both counts."""
        if part is None or whole is None or is_zero(whole.value):
            return None
        assert part.value is not None and whole.value is not None
        pct = to_decimal(part.value) * 100 / to_decimal(whole.value)
        sources = tuple(dict.fromkeys(part.sources + whole.sources))
        return FigureRun(pct, "%", format_figure(pct, "%"), sources, key, label)

    def total(self, figures: Iterable[FigureRun | None], key: str, label: str) -> FigureRun | None:
        """Return the sum of several figures with the union of their sources."""
        present = [f for f in figures if f is not None and f.value is not None]
        if not present:
            return None
        value = sum((to_decimal(f.value) for f in present), start=to_decimal(0))  # type: ignore[arg-type]
        sources = tuple(dict.fromkeys(s for f in present for s in f.sources))
        unit = present[0].unit
        return FigureRun(value, unit, format_figure(value, unit), sources, key, label)


def figure_of(fact: Fact) -> FigureRun:
    assert fact.value is not None
    return FigureRun(
        fact.value,
        fact.unit,
        format_figure(fact.value, fact.unit),
        tuple(fact.sources),
        fact.key,
        fact.label,
    )


def clause(template: str, **values: Value) -> list[Run] | None:
    """Fill a template; ``{x}`` is a figure with unit, ``{x#}`` its bare number.

    Returns None when any placeholder's value is missing, zero or empty: a clause
    never states a missing figure.
    """
    runs: list[Run] = []
    pos = 0
    for m in PLACEHOLDER.finditer(template):
        value = values.get(m.group(1))
        if value is None or value == "" or value == []:
            return None
        if m.start() > pos:
            runs.append(TextRun(template[pos : m.start()]))
        if isinstance(value, FigureRun):
            if m.group(2):
                value = replace(value, text=bare(abs_value(value), value.unit))
            runs.append(value)
        elif isinstance(value, list):
            runs.extend(value)
        else:
            runs.append(TextRun(value))
        pos = m.end()
    if pos < len(template):
        runs.append(TextRun(template[pos:]))
    return merge(runs)


def abs_value(f: FigureRun) -> Number:
    assert f.value is not None
    return abs(to_decimal(f.value))


def sentence(*clauses: list[Run] | None, join: str = "，", end: str = "。") -> list[Run] | None:
    """Join the clauses that survived into one sentence; None if none did."""
    kept = [c for c in clauses if c]
    if not kept:
        return None
    runs: list[Run] = []
    for i, c in enumerate(kept):
        if i:
            runs.append(TextRun(join))
        runs.extend(c)
    runs.append(TextRun(end))
    return merge(runs)


def merge(runs: list[Run]) -> list[Run]:
    """Merge adjacent text runs."""
    out: list[Run] = []
    for r in runs:
        if isinstance(r, TextRun) and out and isinstance(out[-1], TextRun):
            out[-1] = TextRun(out[-1].text + r.text)
        elif not (isinstance(r, TextRun) and not r.text):
            out.append(r)
    return out


def text(s: str) -> list[Run]:
    return [TextRun(s)]


def para(*sentences: list[Run] | None, lead: str = "") -> Paragraph | None:
    """Build a paragraph from the sentences that survived; a lead alone is dropped."""
    body = [r for s in sentences if s for r in s]
    if not body:
        return None
    runs: list[Run] = ([TextRun(lead)] if lead else []) + body
    return Paragraph(merge(runs))


def section(
    level: int, heading: str, *paragraphs: Paragraph | None, key: str = "", subs=()
) -> Section:
    return Section(
        level,
        heading,
        [p for p in paragraphs if p is not None],
        [s for s in subs if s is not None and not s.is_empty()],
        key,
    )


def listing(items: Sequence[str], sep: str = "、") -> str:
    """Join items; quoted titles keep their own marks."""
    return sep.join(items)


def end_sentence(s: str) -> str:
    """Ensure a person's own text ends with Chinese terminal punctuation."""
    s = s.strip()
    return s if s.endswith(("。", "！", "？", "；", "”")) else s + "。"


def generic_figures(
    c: Composer, sec: FactSection | None, skip: set[str], template: str = "{label}{x}"
) -> list[list[Run]]:
    """Return one clause per fact of a section not in ``skip``, using its label."""
    if sec is None:
        return []
    out: list[list[Run]] = []
    for key, f in sec.facts.items():
        name = key.split(".", 1)[1] if key.startswith(sec.key + ".") else key
        if name in skip or is_zero(f.value):
            continue
        cl = clause(template, label=f.label, x=figure_of(f))
        if cl:
            out.append(cl)
    return out


def nth(composer: Composer, slot: str, i: int, /, **values):
    """Fill the i-th option after the picked one: repeated items never share a phrasing."""
    options = composer.bank[slot]
    base = options.index(composer.phrase(slot))
    return clause(options[(base + i) % len(options)], **values)


def zero_fig(c: Composer, s: FactSection | None, name: str) -> FigureRun | None:
    """A count that is stated even when it is zero (不满意0票), when the ledger has it."""
    f = c.fact(s, name)
    return figure_of(f) if f is not None and f.value is not None else None
