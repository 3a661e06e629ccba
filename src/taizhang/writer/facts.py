"""Plain facts handed from the registers to the writer and the checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Number = int | float | Decimal


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure taken from the ledger, with the ids of the records it counts.

    ``key`` is a stable machine name (``session.present``); ``label`` is the Chinese
    label (``实到代表``); ``unit`` is the Chinese measure word or unit (``人``, ``万元``,
    ``%``); ``sources`` are record references such as ``"people.Deputy:12"``.
    """

    key: str
    label: str
    value: Number | None
    unit: str = ""
    sources: tuple[str, ...] = ()
    # Words that name the figure in running text, used by the checker's ledger
    # cross-check to find the number a sentence states for this fact.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """One ledger record a document tells by name: a project, a case, a work entry.

    ``ref`` is the record reference (``"ledger.Project:3"``); ``kind`` what it is
    (项目, 救助, 信访, 工作记录 …); ``state`` its state (在建, 已办结); ``date`` an ISO
    date; ``detail`` what was done, free of personal data; ``place`` a village or unit.
    """

    ref: str
    title: str
    kind: str = ""
    state: str = ""
    date: str = ""
    detail: str = ""
    place: str = ""


@dataclass(slots=True)
class FactSection:
    """A group of facts and free texts for one section of a document."""

    key: str
    facts: dict[str, Fact] = field(default_factory=dict)
    # Free text entered by a person (integrity, shortcomings, plans) or list items
    # (highlights of work entries, typical petition case without personal data).
    texts: dict[str, list[str]] = field(default_factory=dict)
    # Short strings describing this section's item: a date (ISO ``2025-06-16``), the
    # unit evaluated, an inspection topic, a portfolio name. Optional; added for the
    # writer's repeated sections (``evaluation:1``, ``portfolio:招商引资``).
    attributes: dict[str, str] = field(default_factory=dict)
    # Records told by name (project names with their state, case titles, a petition story).
    records: list[Record] = field(default_factory=list)

    def add(self, fact: Fact) -> None:
        self.facts[fact.key] = fact

    def value(self, key: str) -> Number | None:
        fact = self.facts.get(key)
        return None if fact is None else fact.value


@dataclass(slots=True)
class Facts:
    """Everything the writer needs for one document: subject, year, sections."""

    kind: str  # "personal" | "presidium" | "deputy"
    subject: str  # person name or township name
    year: int
    attributes: dict[str, str] = field(default_factory=dict)  # post, unit, term, district…
    sections: dict[str, FactSection] = field(default_factory=dict)
    # Persons the document names (a motion's lead deputy): proper names the checker's
    # spelling rules take as words, not as slips.
    names: set[str] = field(default_factory=set)

    def section(self, key: str) -> FactSection:
        if key not in self.sections:
            self.sections[key] = FactSection(key=key)
        return self.sections[key]

    def all_facts(self) -> list[Fact]:
        return [f for s in self.sections.values() for f in s.facts.values()]
