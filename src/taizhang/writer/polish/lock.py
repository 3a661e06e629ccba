"""Fact lock: what a polished section must keep, and what it may not invent."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from taizhang.checker.core import DATA_DIR

# A number as written in the draft, with the unit that follows it (35件, 12.5万元, 98%).
UNIT = (
    r"(?:%|‰|万元|亿元|千元|元|万人次|人次|公里|千米|平方米|平方公里|立方米|万亩|亩|吨|"
    r"周岁|个百分点|[件人次个项名户家场条篇期天所座处位批封份届年月日小时分钟岁])"
)
NUMBER_RE = re.compile(rf"\d+(?:[.,]\d+)*(?:\s*{UNIT})?")
# Dates: 2025年3月18日, 3月18日, 2025年, in Arabic or Chinese numerals.
DATE_RE = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三十]?[一二三四五六七八九十])日"
    r"|(?:\d{4}|[〇零一二三四五六七八九]{4})年"
)
# Titles of records: 《…》 and “…” of up to 40 characters.
TITLE_RE = re.compile(r"《[^《》\n]{1,40}》|“[^“”\n]{2,40}”")
# A number spelled in Chinese numerals with a measure word: counts as a stated figure.
CN_NUMBER_RE = re.compile(
    r"[零一二两三四五六七八九十百千万]+(?:点[零一二三四五六七八九]+)?"
    r"(?:%|万元|亿元|元|公里|亩|[件人名户家场条篇座处位封份岁])"
)
# Counting words a writer may add freely: 一是, 三个方面, 第二, 两级, 一批 …
COUNTING_OK = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十两]+个?方面|第[一二三四五六七八九十]+|"
    r"[一两]级|[一二三四五六七八九十两]+项(?:工作|任务|举措|制度)|一[批些道起体线]|两级|[一二三四五六七八九十]+条(?:措施|意见|经验))"
)
# Posts a person's name sits next to: 王明同志, 李华代表, 主席张强, 镇长刘洋.
POSTS = (
    r"同志|代表|主席|副主席|书记|副书记|主任|乡长|镇长|副乡长|副镇长|委员|专干|所长|站长|院长|局长"
)


@cache
def _person_re() -> re.Pattern[str]:
    chars: set[str] = set()
    for line in (DATA_DIR / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            chars.update(line.split())
    s = "".join(sorted(chars))
    return re.compile(
        rf"([{s}][\u4e00-\u9fff]{{1,2}}?)(?={POSTS})"
        rf"|(?:{POSTS})([{s}][\u4e00-\u9fff]{{1,2}}?)"
        r"(?=带领|主持|率|作|在|的|等|和|与|[，。、；：）]|$)"
    )


def person_names(text: str) -> Counter[str]:
    """Personal names the text states next to a post (王明同志, 主席张强)."""
    return Counter(m.group(1) or m.group(2) for m in _person_re().finditer(text))


HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")


@dataclass(frozen=True, slots=True)
class Violation:
    """Why a polished text was refused: kind (lost, invented, heading, checker) and what."""

    kind: str
    text: str
    message: str


def _counts(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(re.sub(r"\s+", "", m.group()) for m in pattern.finditer(text))


def locked_facts(text: str, names: tuple[str, ...] = ()) -> list[str]:
    """Return the facts of a text that must survive a rewrite unchanged, in order seen."""
    seen: dict[str, None] = {}
    for pattern in (DATE_RE, NUMBER_RE, TITLE_RE):
        for m in pattern.finditer(text):
            seen.setdefault(re.sub(r"\s+", "", m.group()), None)
    for name in names:
        if name and name in text:
            seen.setdefault(name, None)
    return list(seen)


def headings(text: str) -> list[str]:
    """Return the heading lines of a block (（一）…, 1. …) in order."""
    return [line.strip() for line in text.split("\n") if HEADING_RE.match(line.strip())]


def compare(original: str, polished: str, names: tuple[str, ...] = ()) -> list[Violation]:
    """List every way ``polished`` changes or invents a fact of ``original``."""
    problems: list[Violation] = []
    compact = re.sub(r"\s+", "", polished)
    before_all = Counter()
    for pattern in (DATE_RE, NUMBER_RE, TITLE_RE):
        before_all += _counts(pattern, original)
    for fact in locked_facts(original, names):
        need = max(before_all.get(fact, 0), 1)
        if compact.count(fact) < need:
            problems.append(Violation("lost", fact, f"原文的“{fact}”在润色稿中缺失或被改写"))
    for pattern, what in ((DATE_RE, "日期"), (NUMBER_RE, "数字"), (TITLE_RE, "标题")):
        before, after = _counts(pattern, original), _counts(pattern, polished)
        for item, n in after.items():
            if n > before.get(item, 0):
                problems.append(
                    Violation("invented", item, f"润色稿新增了原文没有的{what}“{item}”")
                )
    known = person_names(original)
    for name in person_names(polished):
        if name not in known and name not in original and not any(name in n for n in names):
            problems.append(Violation("invented", name, f"润色稿出现了原文没有的人名“{name}”"))
    for m in CN_NUMBER_RE.finditer(polished):
        token = m.group()
        if COUNTING_OK.match(token) or token in original:
            continue
        problems.append(Violation("invented", token, f"润色稿用汉字写出了原文没有的数字“{token}”"))
    if headings(original) != headings(polished):
        problems.append(Violation("heading", "", "润色稿改动了小标题的层次或文字"))
    return problems
