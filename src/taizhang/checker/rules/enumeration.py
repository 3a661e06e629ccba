"""Announced enumeration counts (三个方面, 五项措施) against the items that follow."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Finding, make
from ..paragraphs import cn_int

CN = "一二三四五六七八九十"
ANNOUNCE = re.compile(
    r"(?<![第一二三四五六七八九十两\d])([两二三四五六七八九十]|[2-9])(?:个|项|种|条|点|大|类)(?:[\u4e00-\u9fff]{0,6}?)"
    r"(?=[：:。，]|$)|(?<![第一二三四五六七八九十两\d])([两二三四五六七八九十]|[2-9])(?:个方面|方面)"
)
INLINE_ITEM = re.compile(rf"([{CN}]{{1,2}})是|其([{CN}]{{1,2}})[，、]")
LINE_ITEM = re.compile(r"^[ \t\u3000]*(?:(\d{1,2})[.．、]|[（(](\d{1,2})[）)]|([①-⑩]))", re.M)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _value(s: str) -> int:
    return 2 if s == "两" else cn_int(s)


def enumerations(text: str) -> Iterator[Finding]:
    """Compare 'N个方面' with the count of 一是…/1.… items that follow it."""
    yield from _inline(text)
    yield from _lines(text)


def _announced(text: str, start: int, end: int) -> re.Match[str] | None:
    found = None
    for m in ANNOUNCE.finditer(text, start, end):
        found = m
    return found


def _report(text: str, ann: re.Match[str], count: int) -> Iterator[Finding]:
    said = _value(ann.group(1) or ann.group(2))
    if said and said != count:
        yield make(
            text,
            ann.start(),
            ann.end(),
            "arithmetic.enumeration",
            "arithmetic",
            "错误",
            f"列举数与实际不符：此处称{said}项，其后实际列出{count}项",
            None,
            "实务",
        )


def _inline(text: str) -> Iterator[Finding]:
    items = [(m.start(), cn_int(m.group(1) or m.group(2))) for m in INLINE_ITEM.finditer(text)]
    i = 0
    while i < len(items):
        pos, n = items[i]
        if n != 1:
            i += 1
            continue
        count, j = 1, i + 1
        while j < len(items) and items[j][1] == count + 1 and items[j][0] - items[j - 1][0] < 600:
            count, j = count + 1, j + 1
        para_start = text.rfind("\n", 0, pos) + 1
        sent_start = max(text.rfind("。", para_start, pos - 1), para_start - 1) + 1
        prev_sent = (
            max(text.rfind("。", para_start, max(para_start, sent_start - 1)), para_start - 1) + 1
        )
        ann = _announced(text, prev_sent, pos)
        if ann is None and not text[para_start:pos].strip() and para_start > 1:
            # 一是… opens its own line: the announcement ends the line above with a colon.
            prev_end = para_start - 1
            prev_start = text.rfind("\n", 0, prev_end) + 1
            if text[prev_start:prev_end].rstrip().endswith(("：", ":")):
                ann = _announced(text, prev_start, prev_end)
        if ann is not None and count >= 2:
            yield from _report(text, ann, count)
        i = j


def _lines(text: str) -> Iterator[Finding]:
    items = []
    for m in LINE_ITEM.finditer(text):
        n = (
            int(m.group(1) or m.group(2))
            if (m.group(1) or m.group(2))
            else CIRCLED.index(m.group(3)) + 1
        )
        items.append((m.start(), n))
    i = 0
    while i < len(items):
        pos, n = items[i]
        if n != 1:
            i += 1
            continue
        count, j = 1, i + 1
        while j < len(items) and items[j][1] == count + 1:
            count, j = count + 1, j + 1
        # The announcement is the line just above the first item, ending with a colon.
        prev_end = pos - 1
        prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
        prev = text[prev_start:prev_end]
        if prev_end > 0 and prev.rstrip().endswith(("：", ":")):
            ann = _announced(text, prev_start, prev_end)
            if ann is not None and count >= 2:
                yield from _report(text, ann, count)
        i = j
