"""Claims against the facts: a session "召开" that never opened, "全部办结" with cases open."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..core import Finding, make
from ..numbers import last_count, scaled

SRC = "台账"


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the ledger says, for checking the claims a document makes (all optional)."""

    township_kind: str | None = None  # "乡" or "镇": the township's own kind
    township_name: str | None = None  # e.g. "烽火乡"
    year: int | None = None  # the document's year
    session_held: bool | None = None  # the year's people's congress session was actually opened
    cases_total: int | None = None  # cases the document reports on
    cases_closed: int | None = None
    cases_on_time: int | None = None


SESSION_WORD = re.compile(r"人民代表大会|人代会|代表大会")
HELD = re.compile(r"胜利召开|顺利召开|隆重召开|如期召开|圆满召开|召开了|召开|举行了|举行|胜利闭幕")
NOT_YET = re.compile(
    r"未|没有|尚未|将于|将|拟|计划|准备|筹备|下一次|下次|明年|推迟|延期|延后|来年|次年|届时"
)
CLOSED_ALL = re.compile(
    r"全部办结|均已办结|已全部办结|均办结|全部办理完毕|均已办理完毕|全部办理完成|已全部办复"
    r"|办结率(?:为|达到|达)?\s*100(?:\.0+)?\s*[%％]|100(?:\.0+)?\s*[%％]办结"
)
ON_TIME_ALL = re.compile(
    r"全部按期办结|均按期办结|均已按期办结|全部按时办结|均按时办结|均在规定时限内办结|全部在规定时限内办结"
    r"|(?:按期|按时)办结率(?:为|达到|达)?\s*100(?:\.0+)?\s*[%％]"
)
STOPS = "。！？；\n"
TITLE_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?:度)?")


def run(text: str, facts: ClaimFacts) -> Iterator[Finding]:
    if facts.year is not None:
        yield from _title_year(text, facts.year)
    if facts.session_held is False and ("代表大会" in text or "人代会" in text):
        yield from _session(text)
    if "办结" in text:
        yield from _closed_in_text(text)
    total, closed, on_time = facts.cases_total, facts.cases_closed, facts.cases_on_time
    if total is not None and closed is not None and closed < total:
        for m in CLOSED_ALL.finditer(text):
            yield _claim(
                text, m, f"台账记载{total}件中办结{closed}件，尚有未办结的，不能称“全部办结”"
            )
    if total is not None and on_time is not None and on_time < total:
        for m in ON_TIME_ALL.finditer(text):
            yield _claim(text, m, f"台账记载{total}件中按期办结{on_time}件，不能称“全部按期办结”")


def _session(text: str) -> Iterator[Finding]:
    for w in SESSION_WORD.finditer(text):
        start = max(text.rfind(c, 0, w.start()) for c in STOPS) + 1
        ends = [i for c in STOPS if (i := text.find(c, w.end())) != -1]
        end = min(ends) if ends else len(text)
        held = HELD.search(text, start, end)
        if held is None or NOT_YET.search(text, start, end):
            continue
        yield make(
            text,
            held.start(),
            held.end(),
            "consistency.claim-session",
            "consistency",
            "错误",
            "台账中本年度人代会并未召开，不能写“召开”；应如实说明会议情况",
            None,
            SRC,
        )


def _claim(text: str, m: re.Match[str], message: str) -> Finding:
    return make(
        text,
        m.start(),
        m.end(),
        "consistency.claim-cases",
        "consistency",
        "错误",
        message,
        None,
        SRC,
    )


def _title_year(text: str, year: int) -> Iterator[Finding]:
    """The title names the document's own year (2024年工作总结 in a 2025 document is stale)."""
    lead = len(text) - len(text.lstrip())
    stop = text.find("\n", lead)
    for m in TITLE_YEAR.finditer(text, lead, len(text) if stop == -1 else stop):
        if int(m.group(1)) != year:
            yield make(
                text,
                m.start(1),
                m.end(1),
                "consistency.claim-year",
                "consistency",
                "错误",
                f"标题年份与文稿年度不符：本文稿为{year}年度，标题却作{m.group(1)}年",
                str(year),
                SRC,
            )


WORDS_ALL = re.compile(r"全部办结|均已办结|已全部办结|均办结|全部办理完毕|均已办理完毕")


def _closed_in_text(text: str) -> Iterator[Finding]:
    """受理5件，已办结4件……全部办结: the sentence's own counts deny the claim."""
    for m in WORDS_ALL.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
        ends = [i for c in "。！？\n" if (i := text.find(c, m.end())) != -1]
        end = min(ends) if ends else len(text)
        closed = last_count(text, start, end, "(?<!未)办结(?:了)?", "件")
        if closed is None or closed.start() <= m.start() < closed.end():
            continue
        base = last_count(text, start, closed.start(), "受理|收到|交办|提出|共|办理", "件")
        if base is None:
            continue
        done, whole = scaled(closed.group(1), closed.group(2)), scaled(base.group(1), base.group(2))
        if done is None or whole is None or done >= whole:
            continue
        yield make(
            text,
            m.start(),
            m.end(),
            "consistency.claim-cases",
            "consistency",
            "错误",
            f"文中受理{base.group(1)}件、办结{closed.group(1)}件，不能称“{m.group()}”",
            None,
            "实务",
        )
