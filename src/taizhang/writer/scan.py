"""Find numbers in a text that no figure run accounts for (provenance check)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Document, layout

CN = "零〇一二两三四五六七八九十百"
# Arabic numbers (ASCII or full-width), with an optional 万/亿 and percent sign.
ARABIC = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿)?[%％]?")
# Chinese-numeral counts such as 三次, 两个, 十二名: an undeclared figure in words.
# 一 is left out on purpose: 一是, 一线, 一般, 进一步 are not counts.
CHINESE_COUNT = re.compile(r"第?[两二三四五六七八九十百千]+[个名人次件项条篇户座场期批位家所]")
# Exempt: dates and years, session numbering, district/group numbering, heading ordinals.
EXEMPT = (
    re.compile(r"[0-9]{4}年(?:度|[0-9]{1,2}月(?:[0-9]{1,2}日)?)?"),
    re.compile(r"[0-9]{1,2}月(?:[0-9]{1,2}日|份|上旬|中旬|下旬)?"),
    re.compile(rf"第[{CN}0-9]+届(?:[^，。；\n]{{0,16}}?第[{CN}0-9]+次(?:全体)?会议)?"),
    re.compile(rf"第[{CN}0-9]+次(?:全体)?会议"),
    re.compile(rf"第[{CN}0-9]+(?:选区|代表小组|小组|村民小组|组)"),
    re.compile(rf"^(?:[{CN}]+、|（[{CN}]+）|[0-9]+\.|（[0-9]+）)", re.M),
    # Names of rules that contain a numeral but state no figure.
    re.compile(r"八项规定|三会一课|两学一做|三分之二"),
)


@dataclass(frozen=True, slots=True)
class Unsourced:
    """A number in the text that belongs to no figure and is no date or numbering."""

    start: int
    end: int
    text: str

    def context(self, full: str, width: int = 12) -> str:
        return full[max(0, self.start - width) : self.end + width]


def unsourced_numbers(
    doc: Document | str, figure_spans: Iterable[tuple[int, int]] = ()
) -> list[Unsourced]:
    """Return every number of a document (or of a text with known figure spans) that
    no figure run covers, except dates, session numbering and heading ordinals."""
    if isinstance(doc, Document):
        text, spans = layout(doc)
        covered = [(s.start, s.end) for s in spans]
    else:
        text, covered = doc, list(figure_spans)
    covered += [m.span() for rx in EXEMPT for m in rx.finditer(text)]
    found: list[Unsourced] = []
    for rx in (ARABIC, CHINESE_COUNT):
        for m in rx.finditer(text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered):
                found.append(Unsourced(m.start(), m.end(), m.group()))
    return sorted(found, key=lambda u: u.start)
