"""Number forms against GB/T 15835-2011: decimal marks, full-width digits, years, ranges."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Context, Finding, make

SRC = "GB/T 15835-2011"
MEASURE_UNITS = r"(?:万|亿|%|％|‰|元|吨|公里|千米|米|亩|公顷|平方米|平方公里|立方米|倍|个百分点|千克|公斤|斤|千瓦)"
DECIMAL_MARK = re.compile(rf"(\d{{1,6}})([、。])(\d{{1,3}})(?=\s*{MEASURE_UNITS})")
FULLWIDTH = re.compile(r"[０-９][０-９．，]*(?<=[０-９])")
FW_TABLE = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
SHORT_YEAR = re.compile(
    r"(?:[’'‘]\d{2}|(?:[0-2]\d|[89]\d))年(?=\d{1,2}月|度|[上下]半年|底(?!下)|初)"
)
# 9～16亿 for 9亿～16亿; 15～30% for 15%～30%.
RANGE_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*([～~〜—–-]|至)\s*(\d+(?:\.\d+)?)\s*(万|亿|%|％)")
RANGE_OK_PREV = re.compile(r"(?:万|亿|%|％)$")
CN = "一二三四五六七八九十"
# 三、五天 for 三五天: adjacent numerals of an estimate are not separated by 顿号.
APPROX_COMMA = re.compile(
    rf"([{CN}])、([{CN}])(十|百|千|万)?"
    r"(?=(?:个|名|人|天|次|家|户|米|公里|岁|种|项|元|里|斤|亩|辆|件|位|分钟|小时|条|篇|所|座|台|头"
    r"|只|份|批|场|期|届|处|起|吨|年|月|周|倍|页|村|组|公斤|万|间|棵|株|袋|箱))"
)
# 3-5户 with a hyphen: GB/T 15835 writes a range with ～ (3～5户).
HYPHEN_RANGE = re.compile(
    r"(\d{1,4}(?:\.\d+)?)-(\d{1,4}(?:\.\d+)?)(?![\d\-.])"
    r"(?=\s*(?:户|人|个|次|天|名|家|项|件|元|万|亿|%|％|岁|年|月|日|号|公里|米|亩|吨|倍|条|篇|所"
    r"|座|期|场|批|处|起|小时|分钟|周|公斤|千克|间|辆|台|套))"
)
ABOUT_AROUND = re.compile(r"(?:大约|约)\s*\d[\d.,，]*\s*[\u4e00-\u9fff%％]{0,3}?左右")
CN_VALUES = {c: i + 1 for i, c in enumerate(CN)}
DIGITS = "0123456789０１２３４５６７８９"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _after(text: str, pos: int, forbidden: str) -> bool:
    """Tell whether the character before ``pos`` is allowed (the patterns start on a literal)."""
    return pos == 0 or text[pos - 1] not in forbidden


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check how numbers are written."""
    for m in DECIMAL_MARK.finditer(text):
        if not _after(text, m.start(), DIGITS + ".、"):
            continue
        fixed = f"{m.group(1)}.{m.group(3)}"
        yield make(
            text,
            m.start(),
            m.end(),
            "number.decimal-mark",
            "number",
            "错误",
            f"小数点误作“{m.group(2)}”，应为“{fixed}”",
            fixed,
            SRC + " 5.1.1",
        )
    for m in FULLWIDTH.finditer(text):
        fixed = m.group().translate(FW_TABLE)
        yield make(
            text,
            m.start(),
            m.end(),
            "number.fullwidth-digit",
            "number",
            "警告",
            f"数字应使用半角阿拉伯数字“{fixed}”",
            fixed,
            SRC + " 4.1",
        )
    for m in SHORT_YEAR.finditer(text):
        if not _after(text, m.start(), DIGITS + "."):
            continue
        yield make(
            text,
            m.start(),
            m.end() - 1,
            "number.short-year",
            "number",
            "警告",
            "年份不应简写，应写全四位数字（如“2024年”）",
            None,
            SRC + " 5.1.4",
        )
    for m in RANGE_UNIT.finditer(text):
        if not _after(text, m.start(), DIGITS + "."):
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        if RANGE_OK_PREV.search(before):
            continue
        unit = m.group(4)
        fixed = f"{m.group(1)}{unit}{m.group(2)}{m.group(3)}{unit}"
        yield make(
            text,
            m.start(),
            m.end(),
            "number.range",
            "number",
            "警告",
            f"数值范围前后单位应一并写出，宜作“{fixed}”",
            None,
            SRC + " 5.1.3",
        )
    for m in APPROX_COMMA.finditer(text):
        if not _after(text, m.start(), "第" + CN):
            continue
        a, b = CN_VALUES[m.group(1)], CN_VALUES[m.group(2)]
        if not (b == a + 1 or (a, b) == (3, 5)):
            continue
        fixed = m.group(1) + m.group(2) + (m.group(3) or "")
        yield make(
            text,
            m.start(),
            m.end(),
            "number.approx-comma",
            "number",
            "警告",
            f"相邻两数连用表示概数，中间不用顿号，应作“{fixed}”",
            None,
            SRC + " 5.2.2",
        )
    for m in HYPHEN_RANGE.finditer(text) if "-" in text else ():
        if not _after(text, m.start(), DIGITS + "-./:：" + LATIN):
            continue
        fixed = f"{m.group(1)}～{m.group(2)}"
        yield make(
            text,
            m.start(),
            m.end(),
            "number.range-mark",
            "number",
            "警告",
            f"数值范围应使用浪纹线“～”连接，宜作“{fixed}”",
            fixed,
            SRC + " 5.1.3",
        )
    for m in ABOUT_AROUND.finditer(text):
        yield make(
            text,
            m.start(),
            m.end(),
            "number.about-around",
            "number",
            "提示",
            "“约”与“左右”语义重复，保留其一",
            None,
            "实务",
        )
