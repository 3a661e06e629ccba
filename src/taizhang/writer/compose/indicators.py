"""Indicators told in a cadre's document: plain results, targets, completion and rank."""

from __future__ import annotations

from ..facts import FactSection
from ..model import Run, TextRun
from ..numbers import to_decimal
from .base import Composer, merge, sentence


def plain_indicators(c: Composer, name: str, work: str, items: list) -> list[list[Run]]:
    """Results with no target (发展油坊50家), three to a sentence."""
    clauses = [
        c.say("ind.plain", i.key, name=c.attr(i, "name"), x=c.fig(i, "actual")) for i in items
    ]
    kept = [cl for cl in clauses if cl]
    out = []
    for n, start in enumerate(range(0, len(kept), 3)):
        body = sentence(*kept[start : start + 3], join="、")
        assert body is not None
        out.append(merge([TextRun(c.line("ind.plain_lead", f"{name}{n}", work=work)), *body]))
    return out


def indicator(c: Composer, s: FactSection) -> list[Run] | None:
    """An indicator with target, completion and county rank: 目标…，完成…，排名第3位."""
    name = c.attr(s, "name")
    target, actual = c.fig(s, "target"), c.fig(s, "actual")
    rate = c.rate(actual, target, f"{s.key}.completion_rate", "完成率")
    done = rate is not None and to_decimal(rate.value) >= 100
    up, down = c.fig(s, "rank_up"), c.fig(s, "rank_down")
    move = c.say("ind.up", s.key, n=up) if up else c.say("ind.down", s.key, n=down)
    rank = c.fig(s, "rank")
    return sentence(
        c.say("ind.target", s.key, name=name, target=target),
        c.say("ind.actual", s.key, actual=actual),
        c.say("ind.done" if done else "ind.rate", s.key, rate=rate),
        c.say("ind.rank_short" if target else "ind.rank", s.key, name=name, rank=rank),
        move if rank else None,
    )
