"""Years whose digits were stripped: 于年4月, 截止年9月30日, 年，我镇…, 20年工作总结."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Finding, make

SRC = "实务"
CN_DIGITS = "〇零一二三四五六七八九十"
# A deleted year: 年 followed by a month with nothing (or blanks) before it; the context
# before 年 is checked in Python so that the scan can start from the literal 年.
YEAR_BEFORE_MONTH = re.compile("年(?=(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月)")
BLANKS_BEFORE_YEAR = re.compile("[ \u3000]+年")
OPENERS = "，。、：；（(“在于至到从自截止"
# 年，我镇…: a sentence cannot open on 年 followed by a comma.
LEAD_YEAR = re.compile("年[，,]")
SENTENCE_END = "。！？；\n"
# 202年 (a digit lost) and 20年 where a calendar year is meant (20年度, 20年，我镇).
SHORT = re.compile(r"20\d?年")
DIGITS = "0123456789０１２３４５６７８９.．"
# (20年度 and 20年5月 are number.short-year's.)
SHORT_AFTER = re.compile(r"工作总结|工作报告|述职|[，,](?:我|全|本|在|镇|乡|主席团)")
SHORT_BEFORE = set("，。、：；（(“\n 在于至到从自止")


def run(text: str) -> Iterator[Finding]:
    spans: list[tuple[int, int, str]] = []
    if "年" not in text:
        return
    for m in YEAR_BEFORE_MONTH.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in " \u3000":
            k -= 1
        prev = text[k - 1] if k > 0 else "\n"
        if prev.isspace() or prev in OPENERS:
            spans.append((k, m.end(), "年份缺失，“年”前应有具体年份"))
        elif k < m.start():
            spans.append((k + 1, m.end(), "年份缺失，“年”前应有具体年份"))
    if " 年" in text or "\u3000年" in text:
        for m in BLANKS_BEFORE_YEAR.finditer(text):
            k = m.start()
            two = text[max(0, k - 2) : k]
            after_digits = len(two) == 2 and two[0] in "12" and two[1].isdigit()
            prev = text[k - 1] if k > 0 else "\n"
            wide_blank = m.end() - 1 - k >= 2 and not (
                prev in CN_DIGITS or prev.isdigit() or prev.isspace()
            )
            if after_digits or wide_blank:
                spans.append((k, m.end(), "年份缺失，“年”前为空白"))
    for m in LEAD_YEAR.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in " \t\u3000":
            k -= 1
        if k == 0 or text[k - 1] in SENTENCE_END:
            spans.append((m.start(), m.start() + 1, "年份缺失，句首的“年”前应有具体年份"))
    for m in SHORT.finditer(text) if "20" in text else ():
        spans.extend(_short(text, m))
    last = -1
    for start, end, message in sorted(spans):
        if start < last:
            continue
        last = end
        yield make(
            text,
            start,
            end,
            "consistency.year-stripped",
            "consistency",
            "错误",
            message + "：“" + text[start:end].strip() + "”",
        )


def _short(text: str, m: re.Match[str]) -> list[tuple[int, int, str]]:
    digits = m.group()[:-1]
    prev = text[m.start() - 1] if m.start() else "\n"
    if prev in DIGITS:
        return []
    if len(digits) == 3:
        if text[max(0, m.start() - 2) : m.start()] == "公元":
            return []
        return [(m.start(), m.end(), f"年份残缺：“{digits}年”少了一位数字")]
    if prev in SHORT_BEFORE and SHORT_AFTER.match(text, m.end()):
        return [(m.start(), m.end(), "年份残缺：“20年”应写全四位数字")]
    return []
