"""How records are named in running text: by title, by state, by topic."""

from __future__ import annotations

import re

from ..facts import Record
from ..model import FigureRun, Run, TextRun
from ..scan import CHINESE_COUNT
from .base import merge

# A digit or a count in words (两户, 三次): words holding one are told by their title, as
# the number would have no source.
DIGIT = re.compile(rf"[0-9０-９]|{CHINESE_COUNT.pattern}")
# What a project's or case's state means in running text.
STATE_WORDS = {
    "洽谈": "正在洽谈", "签约": "已签约", "在建": "正在建设", "投产": "已建成投产",
    "竣工": "已竣工", "终止": "已终止",
    "已建档": "已发放并建档", "已发放": "资金已发放", "已审批": "已审批待发放",
    "已上报": "已上报待审批", "已核实": "已核实待上报", "已申请": "已受理申请",
    "已办结": "已办结", "已回访": "已办结并回访", "已评价": "已答复并评价",
    "已答复": "已答复", "不予受理": "依法不予受理", "待重办": "正在重新办理",
    "调查中": "正在调查", "已受理": "已受理待办", "已交办": "已交办承办单位", "办理中": "正在办理",
    "已登记": "已登记", "已退回": "退回重新交办", "整改中": "正在整改", "已反馈": "已反馈",
}  # fmt: skip


def rec(r: Record, shown: str = "") -> FigureRun:
    """A record told by name: a run carrying its source, so its name is no stray number."""
    return FigureRun(None, "", shown or r.title, (r.ref,), f"record:{r.ref}", r.kind)


def named(records: list[Record], limit: int = 3) -> list[Run]:
    """Runs naming up to ``limit`` records joined by 、 (titles in 《》 stay as they are)."""
    runs: list[Run] = []
    for i, r in enumerate(records[:limit]):
        if i:
            runs.append(TextRun("、"))
        runs.append(rec(r))
    return runs


def by_state(records: list[Record], *, limit: int = 5, unit: str = "件") -> list[Run] | None:
    """Runs such as 冷链物流中心、……正在建设，食用油小包装生产线已建成投产.

    Records past ``limit`` (or whose state has no words) are not left out silently: they are
    counted by state at the end (另有2件已办结、1件正在调查), each count citing its records.
    """
    groups: dict[str, list[Record]] = {}
    for r in records:
        groups.setdefault(STATE_WORDS.get(r.state, r.state), []).append(r)
    clauses, rest, told = [], {}, 0
    for word, rs in groups.items():
        shown = rs[: max(limit - told, 0)] if word else []
        if shown:
            clauses.append([*named(shown, limit), TextRun(word)])
            told += len(shown)
        if rs[len(shown) :]:
            rest[word] = rs[len(shown) :]
    if not clauses:
        return None
    if rest:
        clauses.append(_rest_clause(rest, unit))
    runs: list[Run] = []
    for i, cl in enumerate(clauses):
        if i:
            runs.append(TextRun("，"))
        runs.extend(cl)
    return merge(runs)


def _rest_clause(rest: dict[str, list[Record]], unit: str) -> list[Run]:
    """另有2件已办结、1件正在调查: the records not named, counted by state."""
    runs: list[Run] = [TextRun("另有")]
    for i, (word, rs) in enumerate(rest.items()):
        if i:
            runs.append(TextRun("、"))
        refs = tuple(r.ref for r in rs)
        runs += [FigureRun(len(rs), unit, f"{len(rs)}{unit}", refs, "records:rest", rs[0].kind)]
        runs.append(TextRun(word))
    return runs


TOPIC_TAIL = re.compile(r"(?:的)?(?:专题视察|专题调研|执法检查|视察|调研|工作评议|评议)$")


def topic(r: Record, *, place: bool = False) -> Record:
    """An activity named by its topic without the activity word (…专题视察 → …)."""
    name = r.place if place and r.place else TOPIC_TAIL.sub("", r.title) or r.title
    return Record(r.ref, name, r.kind, r.state, r.date, r.detail, r.place)
