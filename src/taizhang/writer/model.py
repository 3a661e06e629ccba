"""Document model: runs, paragraphs, numbered sections, and the plain-text layout."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .facts import Number

CHINESE_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class TextRun:
    """Words with no figure in them."""

    text: str


@dataclass(frozen=True, slots=True)
class FigureRun:
    """A number as rendered in the text, with the fact it states and its source records."""

    value: Number | None
    unit: str
    text: str
    sources: tuple[str, ...] = ()
    fact: str = ""
    label: str = ""


Run = TextRun | FigureRun


@dataclass(slots=True)
class Paragraph:
    """One body paragraph: a list of runs."""

    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def figures(self) -> list[FigureRun]:
        return [r for r in self.runs if isinstance(r, FigureRun)]


@dataclass(slots=True)
class Section:
    """A numbered part of a document; ``level`` 1..4 renders as 一、 （一） 1. （1）."""

    level: int
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    key: str = ""

    def is_empty(self) -> bool:
        return not self.paragraphs and all(s.is_empty() for s in self.subsections)


@dataclass(slots=True)
class Document:
    """A generated document: title, salutation, sections and the signature block."""

    kind: str
    title: str
    subtitle: str = ""
    # The reporter's post and name under a report's subtitle (工作报告).
    reporter: str = ""
    salutation: str = ""
    preamble: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    date: str = ""
    subject: str = ""
    year: int = 0
    variant: str = ""

    def blocks(self) -> Iterator[Block]:
        """Yield every line of the document in reading order."""
        yield Block("title", self.title)
        if self.subtitle:
            yield Block("subtitle", self.subtitle)
        if self.reporter:
            yield Block("subtitle", self.reporter)
        if self.salutation:
            yield Block("salutation", self.salutation)
        for p in self.preamble:
            yield Block("paragraph", p.text, paragraph=p)
        yield from _section_blocks(self.sections)
        for p in self.closing:
            yield Block("paragraph", p.text, paragraph=p)
        for line in self.signature:
            yield Block("signature", line)
        if self.date:
            yield Block("date", self.date)

    @property
    def plain_text(self) -> str:
        return layout(self)[0]

    def figures(self) -> list[FigureRun]:
        return [r for b in self.blocks() if b.paragraph for r in b.paragraph.figures]


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the layout: a title, heading, paragraph or signature line."""

    kind: str  # title | subtitle | salutation | heading | paragraph | signature | date
    text: str
    level: int = 0
    ordinal: str = ""
    paragraph: Paragraph | None = None
    key: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """Where a figure run sits in the plain text."""

    start: int
    end: int
    figure: FigureRun


def ordinal(level: int, n: int) -> str:
    """Return the GB/T 9704 heading ordinal for the n-th heading (1-based) at a level."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def chinese_number(n: int) -> str:
    """Return 1..99 in Chinese numerals (十一, 二十三)."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_DIGITS[tens]
    return head + "十" + (CHINESE_DIGITS[ones] if ones else "")


def _section_blocks(sections: list[Section]) -> Iterator[Block]:
    n = 0
    for s in sections:
        if s.is_empty():
            continue
        n += 1
        o = ordinal(s.level, n)
        yield Block("heading", o + s.heading, level=s.level, ordinal=o, key=s.key)
        for p in s.paragraphs:
            yield Block("paragraph", p.text, paragraph=p, key=s.key)
        yield from _section_blocks(s.subsections)


def layout(doc: Document) -> tuple[str, list[Span]]:
    """Return the plain text (one line per block) and every figure's span in it."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for i, block in enumerate(doc.blocks()):
        if i:
            parts.append("\n")
            pos += 1
        if block.paragraph is None:
            parts.append(block.text)
            pos += len(block.text)
            continue
        for run in block.paragraph.runs:
            if isinstance(run, FigureRun):
                spans.append(Span(pos, pos + len(run.text), run))
            parts.append(run.text)
            pos += len(run.text)
    return "".join(parts), spans
