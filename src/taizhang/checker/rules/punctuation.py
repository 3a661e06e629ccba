"""Punctuation against GB/T 15834-2011: half-width marks, doubled marks, unpaired pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import CJK, Context, Finding, make

SRC = "GB/T 15834-2011"
HALF = {
    ",": ("，", "4.4"),
    ";": ("；", "4.6"),
    ":": ("：", "4.7"),
    "?": ("？", "4.2"),
    "!": ("！", "4.3"),
    ".": ("。", "4.1"),
}
# A half-width mark touching Chinese text on either side (but not 1,000 or 10:30).
HALF_MARK = re.compile(r"[,;:?!.]")
CJK_CHAR = re.compile(f"[{CJK}]")
HALF_PARENS = re.compile(rf"\(([^()\n]{{0,40}}[{CJK}][^()\n]{{0,40}})\)")
# A space typed before or after a full-width mark: 表彰 ，代表.
SPACE_MARK = re.compile(
    rf"(?<=[{CJK}\d])[ \u3000]+(?=[，。；：！？、])|(?<=[，。；：！？、])[ \u3000]+(?=[{CJK}])"
)
DOUBLED = re.compile(r"([，。、；：！？])\1+")
OPEN, CLOSE = "“‘（《【〔(", "”’）》】〕)"
PAIR_CHARS = re.compile(r"[“”‘’（）《》【】〔〕()\"]")
LIST_CLOSER = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[）)]")


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check marks that GB/T 15834 prescribes for Chinese text."""
    for m in HALF_MARK.finditer(text):
        ch = m.group()
        if not _half_in_chinese(text, m.start(), ch):
            continue
        if _in_latin_run(text, m.start()):
            continue
        full, clause = HALF[ch]
        yield make(
            text,
            m.start(),
            m.end(),
            "punctuation.halfwidth",
            "punctuation",
            "警告",
            f"中文文本中应使用全角标点“{full}”",
            full,
            f"{SRC} {clause}",
        )
    for m in HALF_PARENS.finditer(text):
        for pos, full in ((m.start(), "（"), (m.end() - 1, "）")):
            yield make(
                text,
                pos,
                pos + 1,
                "punctuation.halfwidth",
                "punctuation",
                "警告",
                f"中文文本中应使用全角括号“{full}”",
                full,
                f"{SRC} 4.9",
            )
    for m in SPACE_MARK.finditer(text) if " " in text or "\u3000" in text else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip():
            continue  # indentation
        yield make(
            text,
            m.start(),
            m.end(),
            "punctuation.space",
            "punctuation",
            "警告",
            "全角标点前后不应有空格",
            "",
            SRC,
        )
    for m in DOUBLED.finditer(text):
        yield make(
            text,
            m.start(),
            m.end(),
            "punctuation.doubled",
            "punctuation",
            "警告",
            f"标点“{m.group(1)}”重复",
            m.group(1),
            SRC,
        )
    yield from _unpaired(text)


def _half_in_chinese(text: str, pos: int, ch: str) -> bool:
    """A half-width mark touching Chinese text on either side (but not 1,000 or 10:30)."""
    prev = text[pos - 1] if pos else ""
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    prev_cjk = bool(prev) and CJK_CHAR.match(prev) is not None
    if ch == ".":
        return prev_cjk and (not nxt or nxt.isspace() or CJK_CHAR.match(nxt) is not None)
    return (
        prev_cjk
        or prev in "”）"
        or (bool(nxt) and (CJK_CHAR.match(nxt) is not None or nxt in "“（"))
    )


def _in_latin_run(text: str, pos: int) -> bool:
    # URLs, e-mail addresses and English phrases keep their own punctuation.
    left = text[max(0, pos - 12) : pos]
    return "://" in left or "www." in left or "@" in left


def _unpaired(text: str) -> Iterator[Finding]:
    para_start = 0
    stack: list[tuple[str, int]] = []
    ascii_quotes: list[int] = []
    for m in PAIR_CHARS.finditer(text):
        pos = m.start()
        nl = text.rfind("\n", para_start, pos)
        if nl != -1:
            yield from _flush(text, stack, ascii_quotes)
            stack, ascii_quotes = [], []
            para_start = nl + 1
        ch = m.group()
        if ch == '"':
            ascii_quotes.append(pos)
        elif ch in OPEN:
            stack.append((ch, pos))
        else:
            want = OPEN[CLOSE.index(ch)]
            if ch == "’" and _latin(text, pos - 1) and _latin(text, pos + 1):
                continue  # apostrophe in English
            if ch in "）)" and LIST_CLOSER.match(text, para_start) and pos < para_start + 5:
                continue  # 1） list marker
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == want or (want in "（(" and stack[i][0] in "（("):
                    del stack[i:]
                    break
            else:
                yield make(
                    text,
                    pos,
                    pos + 1,
                    "punctuation.unpaired",
                    "punctuation",
                    "警告",
                    f"“{ch}”缺少与之配对的前半部分",
                    None,
                    f"{SRC} 4.8",
                )
    yield from _flush(text, stack, ascii_quotes)


def _flush(text: str, stack: list[tuple[str, int]], quotes: list[int]) -> Iterator[Finding]:
    for ch, pos in stack:
        yield make(
            text,
            pos,
            pos + 1,
            "punctuation.unpaired",
            "punctuation",
            "警告",
            f"“{ch}”缺少与之配对的后半部分",
            None,
            f"{SRC} 4.8",
        )
    for i, pos in enumerate(quotes):
        if not _cjk_near(text, pos):
            continue
        full = "“" if i % 2 == 0 else "”"
        yield make(
            text,
            pos,
            pos + 1,
            "punctuation.halfwidth",
            "punctuation",
            "警告",
            f"中文文本中应使用全角引号“{full}”",
            full,
            f"{SRC} 4.8",
        )


def _latin(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos].isascii() and text[pos].isalpha()


def _cjk_near(text: str, pos: int) -> bool:
    window = text[max(0, pos - 2) : pos + 3]
    return re.search(f"[{CJK}]", window) is not None
