"""乡 and 镇 used for one township within one document; organs that do not exist."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..core import Finding, make

SRC = "实务"
H = "\u4e00-\u9fff"
ORGANS = (
    r"党委|人大|人民政府|政府|纪委|一级|级(?!别|差)|两级|卫生院|中心校|中心学校|财政所|司法所|派出所"
    r"|农技站|农业站|文化站|林业站|水利站|畜牧站|便民服务中心|党政办|综治办|社会事务办|经济发展办"
    r"|第[一二三四五六七八九十]+届"
)
# The township referring to itself: 乡党委, 全镇, 村、乡两级, 镇村两级. 乡镇, 城镇, 县乡, 乡（镇）
# and 村镇 are generic words, not this township. The pattern starts on 乡/镇 (a fast scan); what
# precedes it is checked in Python.
SELF = re.compile(rf"[乡镇](?:(?:{ORGANS})|(?<=[全我本该].)(?![乡镇本])|、?村两级)")
GENERIC_BEFORE = set("城县村乡镇（(／/")
# A township named before an organ: 长集镇人民政府, 烽火乡第十四届人民代表大会.
NAMED = re.compile("[乡镇](?=人大主席团|人民代表大会|人民政府|党委|第[一二三四五六七八九十]+届)")
# Characters that end a phrase rather than a place name (在乡党委, 落实镇政府…).
NOT_NAME = set("在由经向和与的全我本该及对为是到从请把将被给按实了下中上报送交至即各原")
WRONG_ORGAN = re.compile(
    r"(?:人民政府|政府|人大主席团|人大)(团委)(?:副?书记)?|(?:人民政府|政府)(人大副?主席|人大主席团)"
)
OTHER = {"乡": "镇", "镇": "乡"}


def run(text: str, kind: str | None, name: str | None) -> Iterator[Finding]:
    """Flag 乡 in a 镇 document (and the reverse) and organs no township has."""
    if "乡" in text or "镇" in text:
        yield from _kinds(text, kind, name)
    if "团委" in text or "政府人大" in text:
        yield from _organs(text)


def _kinds(text: str, kind: str | None, name: str | None) -> Iterator[Finding]:
    stem = name[:-1] if name and name[-1] in "乡镇" else name
    if kind is None and name and name[-1] in "乡镇":
        kind = name[-1]
    named = Counter(
        (two, m.group())
        for m in NAMED.finditer(text)
        if _is_name(two := text[max(0, m.start() - 2) : m.start()])
    )
    if stem is None and named:
        stem = _main_stem(text, named)
    sure = kind is not None
    forms = [f for m in SELF.finditer(text) if (f := _form(text, m)) is not None]
    how = f"本乡镇为“{kind}”"
    if kind is None:
        kind, how = _inferred(text, forms, named, stem)
        if kind is None:
            return
    wrong = OTHER[kind]
    flagged: set[int] = set()
    for start, end, k in forms:
        if k != wrong:
            continue
        pos = start if text[start] == k else start + (1 if text[start + 1] == k else 2)
        before = text[max(0, pos - 2) : pos]
        if len(before) == 2 and _is_name(before) and before != stem:
            continue  # another township's organ (学习白马镇党委的做法)
        flagged.add(pos)
        if stem and text.startswith(stem, pos - len(stem)):
            start = pos - len(stem)
        yield _finding(text, (start, end, pos), wrong, kind, sure, how)
    if stem:
        for m in re.finditer(re.escape(stem + wrong), text):
            if m.end() - 1 not in flagged:
                span = (m.start(), m.end(), m.end() - 1)
                yield _finding(text, span, wrong, kind, sure, how)


def _form(text: str, m: re.Match[str]) -> tuple[int, int, str] | None:
    """(start, end, kind) of a self-reference, widened to 全乡 / 村、乡两级; None if generic."""
    k, start, rest = m.group()[0], m.start(), m.group()[1:]
    prev = text[start - 1] if start else ""
    if rest.endswith("村两级"):
        return None if k == "乡" and not rest.startswith("、") else (start, m.end(), k)
    if not rest:
        return start - 1, m.end(), k  # 全乡, 我镇
    if rest == "两级" and text.startswith("村、", start - 2):
        return start - 2, m.end(), k
    if prev in GENERIC_BEFORE:
        return None
    return start, m.end(), k


def _is_name(two: str) -> bool:
    return len(two) == 2 and all("\u4e00" <= c <= "\u9fff" for c in two) and two[-1] not in NOT_NAME


def _main_stem(text: str, named: Counter[tuple[str, str]]) -> str:
    title = text[: text.find("\n")] if "\n" in text else text
    for (stem, _), _ in named.most_common():
        if stem in title:
            return stem
    return named.most_common(1)[0][0][0]


def _inferred(text, forms, named, stem: str | None) -> tuple[str | None, str]:
    """The township's kind from its own name, else from a clear majority of its self-references,
    with the reason in words."""
    if stem:
        kinds = {k for (s, k) in named if s == stem}
        if len(kinds) == 1:
            kind = kinds.pop()
            return kind, f"本文称“{stem}{kind}”"
    counts = Counter(k for _, _, k in forms)
    xiang, zhen = counts["乡"], counts["镇"]
    if xiang >= 2 * zhen + 2:
        return "乡", "全文多处称“乡”"
    if zhen >= 2 * xiang + 2:
        return "镇", "全文多处称“镇”"
    return None, ""


def _finding(text, span, wrong, kind, sure, how) -> Finding:
    start, end, pos = span
    fixed = text[start:pos] + kind + text[pos + 1 : end]
    return make(
        text,
        start,
        end,
        "consistency.township-kind",
        "consistency",
        "错误" if sure else "警告",
        f"乡、镇称谓前后不一：{how}，此处却作“{wrong}”，宜作“{fixed}”",
        fixed,
        SRC,
    )


def _organs(text: str) -> Iterator[Finding]:
    for m in WRONG_ORGAN.finditer(text):
        if m.group(1):
            message = (
                "人民政府和人大均不设团委；团委是共青团乡（镇）委员会，宜作“共青团××镇（乡）委员会”"
            )
        else:
            message = "人大及其主席团不属于人民政府，二者不应连写"
        yield make(
            text,
            m.start(),
            m.end(),
            "consistency.organ",
            "consistency",
            "错误",
            message,
            None,
            SRC,
        )
