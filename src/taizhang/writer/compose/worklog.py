"""The work log (工作记录) of a cadre's portfolios: told, and picked for 能."""

from __future__ import annotations

import re

from ..facts import FactSection, Record
from ..model import Paragraph, Run, TextRun
from ..numbers import format_date
from .base import Composer, merge, nth
from .telling import DIGIT, rec


def is_log(p: Paragraph) -> bool:
    """A paragraph telling work-log entries (its record runs point at WorkEntry rows)."""
    return any(getattr(r, "fact", "").startswith("record:ledger.WorkEntry:") for r in p.runs)


def only_log(c: Composer, s: FactSection) -> bool:
    """A portfolio with nothing but work-log entries (no projects, no indicators)."""
    name = s.attributes.get("name")
    own = [i for i in c.repeated("indicator") if i.attributes.get("portfolio") == name]
    return not own and all(r.kind == "工作记录" for r in s.records)


SKILL = re.compile(r"协调|调解|化解|解决|攻坚|破解|理顺|疏通")
# Work that took organising when no entry tells a problem solved.
ORGANISING = re.compile(r"组织|筹备|调度|督促|推动|统筹")


def skill_records(c: Composer) -> list[Record]:
    """Work-log entries that tell a problem solved (协调解决, 调解化解), else organising; two."""
    log = [r for s in c.repeated("portfolio") for r in s.records if r.kind == "工作记录"]
    solved = [r for r in log if SKILL.search(r.detail + r.title)]
    organised = [r for r in log if r not in solved and ORGANISING.search(r.detail + r.title)]
    return (solved + organised)[:4]


def worklog(c: Composer, name: str, entries: list[Record]) -> list[list[Run]]:
    """Dated log entries, three a sentence, two sentences a paragraph; one entry, no lead
    (an entry whose words hold a digit is told by its title: no unsourced number)."""
    told = []
    for r in entries[:LOG_LIMIT]:
        day = format_date(r.date, c.facts.year)
        body = r.detail if r.detail and not DIGIT.search(r.detail) else r.title
        told.append([TextRun(f"{day}，"), rec(r, body.rstrip("。；"))])
    paragraphs: list[list[Run]] = []
    for start in range(0, len(told), 3):
        group = told[start : start + 3]
        runs: list[Run] = []
        if start:
            more = nth(c, "log.more", start // 3 - 1)
            runs.append(TextRun("".join(r.text for r in more or [])))
        elif len(told) > 1:
            runs.append(TextRun(c.line("log.lead", name, work=name)))
        for i, t in enumerate(group):
            if i:
                runs.append(TextRun("；"))
            runs.extend(t)
        runs.append(TextRun("。"))
        if start % 6:
            paragraphs[-1] += runs
        else:
            paragraphs.append(runs)
    return [merge(p) for p in paragraphs]


LOG_LIMIT = 24
