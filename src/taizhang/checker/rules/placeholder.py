"""Unfilled template placeholders: xx, 20xx, ××, ***, ___, x月x日, 00村, a deleted year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Context, Finding, make

X = "xX×ｘＸ╳"
CN_DIGITS = "〇○零一二三四五六七八九十"
UNIT_AFTER_NAME = "村镇乡县市区组屯街社站所局委办队校院户"

PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    # 20xx, 201x, 20__, ２０ＸＸ: a year whose digits were never typed.
    (
        "placeholder.year",
        re.compile(f"[12１２][0-9０-９]{{1,2}}[{X}_＿]{{1,3}}(?![A-Za-z])"),
        "年份未填写完整",
    ),
    # xx / XX / ×× / ○○ standing for a name, a place or a number.
    (
        "placeholder.mark",
        re.compile(f"[{X}]{{2,}}(?![A-Za-z])"),
        "模板占位符未替换",
    ),
    (
        "placeholder.mark",
        re.compile(f"([○□△〇])\\1+(?![{CN_DIGITS}])"),
        "模板占位符未替换",
    ),
    # x月x日, x年, x人: a single x before a date or count word.
    (
        "placeholder.mark",
        re.compile(f"[{X}](?=[年月日号时届次名件项万元个户人位天%％])"),
        "日期或数量以占位符代替，未填写",
    ),
    # 第○选区, ○月○日, □村: a single blank mark where an ordinal, a date or a name goes.
    (
        "placeholder.mark",
        re.compile(f"[○□△{X}](?=[选届次期号条款章个批])"),
        "模板占位符未替换",
    ),
    (
        "placeholder.mark",
        re.compile(f"[○□](?![{CN_DIGITS}○□])(?=[年月日号时村镇乡组])"),
        "模板占位符未替换",
    ),
    # （    ）: an empty pair of brackets left for a name or a number.
    (
        "placeholder.blank",
        re.compile(r"[（(][ \u3000]{2,}[）)]"),
        "空白占位符未填写",
    ),
    # 2025年 月 日, 12月  日: a month or a day left blank between its neighbours.
    (
        "placeholder.blank-date",
        re.compile(
            "[0-9０-９]{0,4}年[ \u3000]+月(?:[ \u3000]*[0-9]{0,2}[ \u3000]*日)?"
            "|[0-9０-９]{1,2}月[ \u3000]+日(?![常益渐趋夜用报本期子前后记志])"
        ),
        "日期未填写完整",
    ),
    # *** and ___ blanks (a line that is only *** or ___ is a Markdown rule, not a blank).
    (
        "placeholder.blank",
        re.compile(r"[*_＿]{2,}"),
        "空白占位符未填写",
    ),
    # 00村, 000同志: zeros standing for a name.
    (
        "placeholder.digits",
        re.compile(f"0{{2,}}(?=[{UNIT_AFTER_NAME}]|同志)"),
        "以数字“0”代替名称，未填写",
    ),
    # 【单位名称】, （姓名）, [填写日期]: bracketed field names left in the text.
    (
        "placeholder.field",
        re.compile(
            r"[【\[〔<＜《（(]\s*(?:请)?(?:填写|输入)?[\u4e00-\u9fff]{0,4}"
            r"(?:姓名|名称|单位名|日期|时间|职务|地点|金额|数量|填写|输入|此处)"
            r"[\u4e00-\u9fff]{0,3}\s*[】\]〕>＞》）)]"
        ),
        "模板字段未替换",
    ),
]

# Each pattern in order runs only when one of its guard strings occurs in the text at all
# (a C-speed substring test that spares a regex scan of clean text); "" means always.
GUARDS = [
    X + "_＿",
    X,
    "○□△〇",
    X,
    "○□△" + X,
    "○□",
    "（(",
    [" 月", " 日", "\u3000月", "\u3000日"],
    "*_＿",
    ["00"],
    "",
]
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The patterns start on a literal or a class (fast scan); what may or must precede a match is
# checked here: (characters that must not precede it, text that must precede it).
BEFORE = [
    ("0123456789０１２３４５６７８９", ""),
    (LATIN + X, ""),
    (CN_DIGITS, ""),
    (LATIN + X, ""),
    ("", "第"),
    (CN_DIGITS + "○□", ""),
    ("", ""),
    ("0123456789０１２３４５６７８９", ""),
    ("*_", ""),
    ("0123456789.．", ""),
    ("", ""),
]
RULE_LINE = re.compile(r"^[ \t]*(?:\*{3,}|_{3,}|-{3,})[ \t]*$", re.M)


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find placeholders that a template left unfilled."""
    md_rules = {m.start() for m in RULE_LINE.finditer(text)}
    covered: set[int] = set()
    for (rule, pattern, message), guard, (not_before, need) in zip(
        PATTERNS, GUARDS, BEFORE, strict=True
    ):
        if guard and not any(g in text for g in guard):
            continue
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if start and not_before and text[start - 1] in not_before:
                continue
            if need and not text.startswith(need, start - len(need), start):
                continue
            if start == end:
                continue
            if rule == "placeholder.blank" and not _blank_ok(text, m):
                continue
            if rule == "placeholder.blank" and _is_rule_line(text, start, md_rules):
                continue
            if rule == "placeholder.field" and not _field_ok(m.group()):
                continue
            if any(pos in covered for pos in range(start, end)):
                continue
            covered.update(range(start, end))
            yield make(
                text,
                start,
                end,
                rule,
                "placeholder",
                "错误",
                message + "：“" + m.group().strip() + "”",
            )


def _blank_ok(text: str, m: re.Match[str]) -> bool:
    """*** or ___ (three or more), ＿＿, or ** before a place or date word."""
    run = m.group()
    if run[0] in "（(":
        return True
    if len(set(run)) != 1:
        return False
    if run[0] == "＿" or len(run) >= 3:
        return True
    return run[0] == "*" and text[m.end() : m.end() + 1] in set("村镇乡县同年月日")


def _is_rule_line(text: str, pos: int, md_rules: set[int]) -> bool:
    return text.rfind("\n", 0, pos) + 1 in md_rules


def _field_ok(s: str) -> bool:
    # （单位：万元） is a unit note and 《…》 titles name documents; neither is a blank.
    inner = s[1:-1]
    if s[0] == "《":
        return inner.strip() in {"单位名称", "姓名", "日期", "名称"}
    return "：" not in inner and len(inner.strip()) <= 8
