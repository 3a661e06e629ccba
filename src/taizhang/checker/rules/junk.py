"""Web junk pasted along with a template: site chrome, list titles, previews, footers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import ahocorasick

from ..core import DATA_DIR, Context, Finding, make

TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    rf"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    rf"|ua|uo|ui|ue|ve|er|[aoeiuvü{TONE}])[{TONE}a-z]{{0,3}}[1-5]?"
)
LINE_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    (
        "junk.list-title",
        re.compile(
            r"(?:精选|通用|优秀|合集|汇编|范文|模板|大全|推荐|热门|最新|共)[^\n]{0,8}?\d{1,3}篇",
            re.M,
        ),
        "网页列表标题（“…N篇”）",
    ),
    (
        "junk.list-title",
        re.compile(r"^[ \t\u3000]*【?篇[一二三四五六七八九十\d]{1,3}】?[：:]?", re.M),
        "范文网页的分篇标题",
    ),
    (
        "junk.list-title",
        re.compile(r"^[ \t\u3000]*范文[一二三四五六七八九十\d]{1,3}[：:]", re.M),
        "范文网页的分篇标题",
    ),
    (
        "junk.footer",
        re.compile(
            r"第\s*\d+\s*页[\s，,/／]*共\s*\d+\s*页|共\s*\d+\s*页[\s，,/／]*第\s*\d+\s*页|[Pp]age\s*\d+\s*of\s*\d+",
            re.M,
        ),
        "页脚（页码）",
    ),
    (
        "junk.footer",
        re.compile(r"^[ \t\u3000]*[-—－]\s*\d{1,3}\s*[-—－][ \t\u3000]*$", re.M),
        "页脚（页码）",
    ),
    (
        "junk.contact",
        re.compile(r"(?:QQ|qq|扣扣|微信|VX|vx|wx)(?:号|群)?\s*[：:]?\s*[A-Za-z0-9_-]{5,}", re.M),
        "网页客服或联系方式",
    ),
    (
        "junk.contact",
        re.compile(r"[48]00[-－ ]?\d{3}[-－ ]?\d{4}(?!\d)", re.M),
        "网页客服电话",
    ),
    (
        "junk.url",
        re.compile(
            r"(?:https?://|www\.)[A-Za-z0-9./?=&%_#:-]+|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+\.(?:com|net|cc|top|cn)(?![A-Za-z])(?:/[^\s，。]*)?",
            re.M,
        ),
        "网址",
    ),
    (
        "junk.preview",
        re.compile(r"(?:\.{3,}|。。。|(?<!…)…)[ \t]*$", re.M),
        "网页摘要预览行（以省略号截断）",
    ),
]
# A pattern runs only when one of its guard strings occurs in the text ("" = always).
GUARDS = [
    ["篇"],
    ["篇"],
    ["范文"],
    ["页", "age"],
    ["-", "—", "－"],
    ["QQ", "qq", "扣扣", "微信", "VX", "vx", "wx"],
    ["400", "800"],
    ["http", "www.", ".com", ".net", ".cc", ".top", ".cn"],
    ["...", "。。。", "…"],
]
PINYIN = re.compile(
    rf"(?<=[\u4e00-\u9fff])[（(\[【]\s*({SYLLABLE}(?:[\s'’]+{SYLLABLE})*)\s*[）)\]】]",
    re.I,
)


@cache
def _phrases() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for line in (DATA_DIR / "junk.txt").read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            auto.add_word(word, word)
    auto.make_automaton()
    return auto


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find lines that came from a web page rather than from the writer."""
    flagged: set[int] = set()
    for end_idx, word in _phrases().iter(text):
        start = text.rfind("\n", 0, end_idx) + 1
        if start in flagged:
            continue
        flagged.add(start)
        yield _line(text, start, "junk.site", f"网页杂质：含“{word}”等网站文字，应删除")
    for (rule, pattern, what), guard in zip(LINE_PATTERNS, GUARDS, strict=True):
        if guard and not any(g in text for g in guard):
            continue
        for m in pattern.finditer(text):
            if rule == "junk.url" and "gov.cn" in m.group():
                continue
            start = text.rfind("\n", 0, m.start()) + 1
            if rule == "junk.preview" and not _preview_line(text[start : m.start()]):
                continue
            if start in flagged:
                continue
            flagged.add(start)
            yield _line(text, start, rule, f"网页杂质：{what}，应删除")
    for m in PINYIN.finditer(text):
        if not (re.search(f"[{TONE}]", m.group(1)) or re.search(r"\s|\d", m.group(1))):
            continue
        yield make(
            text,
            m.start(),
            m.end(),
            "junk.pinyin",
            "junk",
            "警告",
            "夹杂拼音注音（转换残留），应删除",
            "",
            "实务",
        )


def _preview_line(line: str) -> bool:
    return len(line.strip()) >= 8 and re.search("[\u4e00-\u9fff]", line) is not None


def _line(text: str, start: int, rule: str, message: str) -> Finding:
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return make(text, start, end, rule, "junk", "警告", message, "", "实务")
