"""The work log (工作记录) of a cadre's portfolios: told, and picked for 能."""

from __future__ import annotations

import re

from ..facts import FactSection, Record
from ..model import FigureRun, Paragraph, Run, TextRun
from ..numbers import format_date
from .base import Composer, merge, nth, sentence
from .log_themes import NAMES, OTHER, grouped, pooled_themes, theme_of, weight
from .telling import DIGIT, named, rec


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
    """Work-log entries that tell a problem solved (协调解决, 调解化解), else organising; five."""
    log = [r for s in c.repeated("portfolio") for r in s.records if r.kind == "工作记录"]
    solved = [r for r in log if SKILL.search(r.detail + r.title)]
    organised = [r for r in log if r not in solved and ORGANISING.search(r.detail + r.title)]
    return (solved + organised)[:5]


# Entries that tell money paid out or people chosen in the open (公示, 一卡通, 漏发): told
# under probity, where a drafter puts them, and not again with the portfolio.
OPEN_HANDS = re.compile(
    r"发放到户|一卡通|打卡发放|重复发放|漏发|清退|公示|张榜|惠民资金|奖励金|补助资金|补贴名单"
)


def probity_records(c: Composer) -> list[Record]:
    """Up to three portfolio entries on money paid out or people chosen in the open, by date
    (entries told under 能 in a duty report stay there)."""
    skill = {r.ref for r in skill_records(c)} if c.variant == "duty" else set()
    log = [r for s in c.repeated("portfolio") for r in s.records if r.kind == "工作记录"]
    found = [r for r in log if r.ref not in skill and OPEN_HANDS.search(r.title + r.detail)]
    return sorted(found[:3], key=lambda r: r.date or "")


def worklog(c: Composer, name: str, entries: list[Record]) -> list[list[Run]]:
    """A short log told entry by entry; a longer one summed up field by field."""
    entries = sorted(entries, key=lambda r: r.date or "")
    if len(entries) <= SHORT:
        return listed(c, name, entries)
    paragraphs: list[list[Run]] = []
    dated = DATED_PER_PARAGRAPH
    for key, records in grouped(entries):
        runs, told = theme_sentence(c, name, key, records)
        if paragraphs and dated + told <= DATED_PER_PARAGRAPH:
            paragraphs[-1] += runs
            dated += told
        else:
            paragraphs.append(runs)
            dated = told
    return [merge(p) for p in paragraphs]


# A log of up to SHORT entries is told whole; a paragraph of a longer one names at most
# DATED_PER_PARAGRAPH entries with their dates.
SHORT = 4
DATED_PER_PARAGRAPH = 4


def dated(c: Composer, r: Record) -> list[Run]:
    """One entry with its day and what was done (its title when its words hold a digit)."""
    body = r.detail if r.detail and not DIGIT.search(r.detail) else r.title
    return [TextRun(f"{format_date(r.date, c.facts.year)}，"), rec(r, body.rstrip("。；"))]


def count(records: list[Record], name: str, key: str, label: str) -> FigureRun:
    """How many entries, citing each of them."""
    n = len(records)
    refs = tuple(r.ref for r in records)
    return FigureRun(n, "项", f"{n}项", refs, f"log:{name}:{key}", label)


def theme_sentence(
    c: Composer, name: str, key: str, records: list[Record]
) -> tuple[list[Run], int]:
    """One sentence for a field of work: its count, the weightiest entries with their days,
    the rest by title (with 等 only when some are left out). Returns (runs, entries dated)."""
    picks = told_count(len(records), duty=c.variant == "duty")
    ranked = sorted(records, key=lambda r: -weight(r))  # stable: earlier first on a tie
    told = sorted(ranked[:picks], key=lambda r: r.date or "")
    rest = [r for r in ranked if r not in told]
    items: list[Run] = []
    for i, r in enumerate(told):
        items += [TextRun("；")] * bool(i) + dated(c, r)
    salt = f"{name}{key}"
    if len(records) == 1:
        theme = NAMES.get(theme_of(records[0]), "")
        head = c.say("log.single", salt, theme=theme, items=items) or c.say(
            "log.single_plain", salt, items=items
        )
    else:
        label = f"{NAMES.get(key, '')}工作"
        n = count(records, name, key, label)
        themes = pooled_themes(records) if key == OTHER else []
        if any(theme_of(r) == OTHER for r in records):
            themes = []  # an entry of no field: the pool is not named by the others' fields
        head = (
            c.say("log.group", salt, theme=NAMES[key], n=n, items=items)
            if key != OTHER
            else c.say("log.other_named", salt, themes="、".join(themes), n=n, items=items)
            if 1 < len(themes) <= 3
            else c.say("log.other", salt, n=n, items=items)
        )
    tail = None
    if len(rest) > 3:
        left = count(rest, name, f"{key}.rest", "其余工作")
        tail = c.say("log.rest_some", salt, names=named(rest, 2), n=left)
    elif rest:
        tail = c.say("log.rest_all", salt, names=named(sorted(rest, key=lambda r: r.date or "")))
    runs = sentence(head, tail, join="；")
    assert runs is not None
    return runs, len(told)


def told_count(n: int, *, duty: bool) -> int:
    """How many of a field's n entries are told with their days: all of two or three; two
    of four or five (three from six on) in a summary; three (four from six on) in a duty
    report, the longer kind (GENRES §1)."""
    if n <= 3:
        return n
    if duty:
        return 4 if n >= 6 else 3
    return 3 if n >= 6 else 2


def listed(c: Composer, name: str, entries: list[Record]) -> list[list[Run]]:
    """Dated log entries, three a sentence, two sentences a paragraph; one entry, no lead
    (an entry whose words hold a digit is told by its title: no unsourced number)."""
    told = [dated(c, r) for r in entries]
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
