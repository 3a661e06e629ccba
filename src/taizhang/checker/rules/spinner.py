"""Article-spinner swaps: near-synonyms that read wrongly in official register, in context."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import ahocorasick

from ..core import Context, Finding, load_tsv, make
from ..lexicon import lexicon

# Swaps whose context is wider than the next word: (pattern, group of the swapped word, original).
WIDE: list[tuple[re.Pattern[str], str]] = [
    # 《关于……的推荐》: a deputy's written suggestion is titled 建议.
    (re.compile(r"《关于[^》\n]{2,40}的(推荐)》"), "建议"),
    # 推荐9件 / 推荐共12件: counted pieces are suggestions, not recommendations.
    (re.compile(r"(推荐)(?:共|计)?\d{1,4}件"), "建议"),
    # 增强对……的监管: supervision and management are 加强ed, not 增强ed.
    (
        re.compile(
            r"(增强)对[^，。；\n]{1,24}?的(?:监管|管理|监督|检查|督导|指导|整治|巡查|领导|保护|排查)"
        ),
        "加强",
    ),
]
DENSITY = 3  # this many swaps in one text point to a spun text rather than a slip


class _Swap:
    __slots__ = ("wrong", "right")

    def __init__(self, wrong: str, right: str) -> None:
        self.wrong, self.right = wrong, right


def _looking_through(text: str, hit: tuple) -> bool:
    """透过……看 is the correct 'look through' construction (透过评议发现的问题看)."""
    start, end, entry = hit
    if entry.wrong != "透过":
        return False
    clause = re.match(r"[^，。；！？\n]{0,30}", text[end : end + 30])
    return clause is not None and "看" in clause.group()


@cache
def _heads() -> ahocorasick.Automaton | None:
    """spinner_heads.tsv: a collocation's head replaced by a near-synonym (不断提高 → 不停提高)."""
    auto = ahocorasick.Automaton()
    for row in load_tsv("spinner_heads.tsv"):
        head, spun, objects, cont = (list(row) + [".", ".", "."])[:4]
        objs = [o for o in objects.split("|") if o and o != "."] or [""]
        vetoes = tuple(c for c in cont.split("|") if c and c != ".")
        for s in spun.split("|"):
            if not s or s == head:
                continue
            for o in objs:
                auto.add_word(s + o, (s, head, len(s + o), vetoes))
    if not len(auto):
        return None
    auto.make_automaton()
    return auto


# 透过 is "look through" (透过现象看本质); anywhere else in official prose it stands for 通过.
TOUGUO_OK = re.compile(
    r"[^，。；！？\n]{0,30}?(?:看|见|窥|折射|映射|反映出|现象|表面|玻璃|窗|缝隙|光)"
)


def _head_swaps(text: str) -> list[tuple]:
    auto = _heads()
    hits = []
    if auto is not None:
        for end_idx, (spun, head, n, vetoes) in auto.iter(text):
            start = end_idx - n + 1
            if vetoes and any(text.startswith(v, end_idx + 1) for v in vetoes):
                continue
            hits.append((start, start + len(spun), _Swap(spun, head)))
    pos = text.find("透过")
    while pos != -1:
        if not TOUGUO_OK.match(text, pos + 2):
            hits.append((pos, pos + 2, _Swap("透过", "通过")))
        pos = text.find("透过", pos + 2)
    return hits


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find spinner swaps; several of them raise the severity and add a document finding."""
    hits = [h for h in lexicon("spinner.tsv").scan(text) if not _looking_through(text, h)]
    taken = {h[0] for h in hits}
    for h in _head_swaps(text):
        if not any(s <= h[0] < e for s, e, _ in hits):
            hits.append(h)
            taken.add(h[0])
    for pattern, right in WIDE:
        for m in pattern.finditer(text):
            if m.start(1) not in taken:
                hits.append((m.start(1), m.end(1), _Swap(m.group(1), right)))
    hits.sort(key=lambda h: h[0])
    spun = len(hits) >= DENSITY
    severity = "错误" if spun else "警告"
    for start, end, entry in hits:
        yield make(
            text,
            start,
            end,
            "spinner.swap",
            "spinner",
            severity,
            f"用词不当，疑为“洗稿”替换：“{entry.wrong}”在公文中应作“{entry.right}”",
            entry.right,
            "实务",
        )
    if spun:
        start, end, _ = hits[0]
        yield make(
            text,
            start,
            end,
            "spinner.density",
            "spinner",
            "错误",
            f"全文有{len(hits)}处近义词替换痕迹，疑经“伪原创”工具改写，建议通篇核对",
            None,
            "实务",
        )
