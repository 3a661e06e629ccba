"""Word forms, traditional characters and words broken by a line break."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..core import CJK, DATA_DIR, Context, Finding, load_tsv, make
from ..lexicon import lexicon
from ..paragraphs import LEAD, MARKERS

TRAD_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}
TRAD_QUOTE_RE = re.compile("[「」『』]")
# A space inside a sentence of Chinese prose (村民 环境卫生), not layout between names or units.
STRAY_SPACE = re.compile(rf"(?<=[{CJK}])[ \u3000]{{1,3}}(?=[{CJK}])")
PROSE_MARK = re.compile("[，。；]")
LINE_END_PUNCT = re.compile(r"[，。；：！？、”’）》…—,.;:!?)]\s*$")


@cache
def _trad() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    table = {row[0]: row[1] for row in load_tsv("trad.tsv")}
    trad = re.compile("[" + "".join(table) + "]")
    simp = re.compile("[" + "".join(set(table.values())) + "]")
    return trad, simp, table


@cache
def _words() -> frozenset[str]:
    words = set()
    for line in (DATA_DIR / "words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(w for w in line.split() if 2 <= len(w) <= 4)
    for name in ("confusion.tsv", "spinner.tsv", "forms.tsv"):
        words.update(row[1] for row in load_tsv(name) if 2 <= len(row[1]) <= 4)
    return frozenset(words)


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check word forms, traditional characters and broken lines."""
    for start, end, entry in lexicon("forms.tsv").scan(text):
        yield make(
            text,
            start,
            end,
            "format.word-form",
            "format",
            "警告",
            f"非规范词形：“{entry.wrong}”应写作“{entry.right}”",
            entry.right,
            entry.note,
        )
    trad, simp, table = _trad()
    trad_hits = list(trad.finditer(text))
    # A wholly traditional text is not "mixed"; only flag a minority of traditional forms.
    if trad_hits and len(trad_hits) * 2 < len(simp.findall(text)):
        for m in trad_hits:
            ch = m.group()
            yield make(
                text,
                m.start(),
                m.end(),
                "format.traditional-char",
                "format",
                "警告",
                f"简体文本中夹用繁体字“{ch}”，应为“{table[ch]}”",
                table[ch],
                "《通用规范汉字表》",
            )
    for m in TRAD_QUOTE_RE.finditer(text):
        fixed = TRAD_QUOTES[m.group()]
        yield make(
            text,
            m.start(),
            m.end(),
            "format.traditional-char",
            "format",
            "警告",
            f"简体文本中引号应使用“{fixed}”",
            fixed,
            "GB/T 15834-2011 4.8",
        )
    yield from _broken_words(text)
    yield from _stray_spaces(text)


def _stray_spaces(text: str) -> Iterator[Finding]:
    for m in STRAY_SPACE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end == -1 else line_end]
        before = text[line_start : m.start()]
        if len(line) < 20 or not PROSE_MARK.search(line) or not PROSE_MARK.search(before + "。"):
            continue
        if not before.strip() or _is_heading(before) and len(before.strip()) <= 6:
            continue
        if not PROSE_MARK.search(before) and len(before.strip()) < 8:
            continue  # a short lead such as 第一章 总则 or a name list
        yield make(
            text,
            m.start() - 1,
            m.end() + 1,
            "format.stray-space",
            "format",
            "警告",
            "汉字之间多出空格，应删除",
            text[m.start() - 1] + text[m.end()],
            "实务",
        )


def _is_heading(line: str) -> bool:
    lead = LEAD.match(line)
    i = lead.end() if lead else 0
    return any(p.match(line, i) for _, _, p in MARKERS)


def _broken_words(text: str) -> Iterator[Finding]:
    words = _words()
    for m in re.finditer(f"(?<=[{CJK}])\n(?=[{CJK}])", text):
        nl = m.start()
        line_start = text.rfind("\n", 0, nl) + 1
        prev_line = text[line_start:nl]
        if len(prev_line.strip()) < 10 or LINE_END_PUNCT.search(prev_line):
            continue
        next_end = text.find("\n", nl + 1)
        next_line = text[nl + 1 : next_end if next_end != -1 else len(text)]
        if _is_heading(prev_line) or _is_heading(next_line):
            continue
        left, right = text[max(line_start, nl - 3) : nl], text[nl + 1 : nl + 4]
        joined, cut = left + right, len(left)
        prose = (
            len(prev_line.strip()) >= 20
            and PROSE_MARK.search(prev_line) is not None
            and len(next_line.strip()) >= 2
        )
        if prose or any(
            joined[i : i + n] in words
            for n in (2, 3, 4)
            for i in range(max(0, cut - n + 1), min(cut, len(joined) - n + 1))
        ):
            yield make(
                text,
                nl - 1,
                nl + 2,
                "format.broken-word",
                "format",
                "警告",
                "词语被换行拆断，应合并为一段",
                text[nl - 1] + text[nl + 1],
                "实务",
            )
