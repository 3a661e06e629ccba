"""Expected parts of a year-end summary, duty report or presidium report; empty sections."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core import Context, Finding, make
from ..paragraphs import paragraphs

MIN_CHARS = 300  # shorter texts are excerpts, not whole documents

PARTS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "summary": [
        ("工作开展情况", re.compile(r"工作|开展|完成|推进|落实")),
        ("存在的不足", re.compile(r"不足|问题|差距|短板|薄弱|欠缺")),
        ("今后打算", re.compile(r"今后|下一步|明年|来年|打算|努力方向|工作思路|工作计划")),
    ],
    "duty": [
        ("学习情况", re.compile(r"学习")),
        ("履职情况", re.compile(r"履职|职责|分管|工作")),
        ("廉洁自律", re.compile(r"廉洁|廉政|自律|八项规定|纪律")),
        ("存在的不足", re.compile(r"不足|问题|差距|短板|薄弱|欠缺")),
        ("今后打算", re.compile(r"今后|下一步|明年|来年|打算|努力方向")),
    ],
    "presidium": [
        ("代表工作", re.compile(r"代表")),
        ("议案建议办理", re.compile(r"议案|建议")),
        ("监督工作", re.compile(r"监督|视察|评议|调研|检查")),
        ("存在的不足", re.compile(r"不足|问题|差距|短板|薄弱|欠缺")),
        (
            "下一年工作安排",
            re.compile(
                r"今后|下一步|明年|来年|下一年|下年度|\d{4}年(?:的)?工作|新的一年|工作安排|工作任务|打算"
            ),
        ),
    ],
}
OPENING = re.compile(r"一年来|今年以来|年来|本年度|\d{4}年|年度|任职以来|现将|现就|本人")
EMPTY_BODY = re.compile(
    r"^[ \t\u3000]*(?:无|暂无|略|（略）|\(略\)|待补充|待填写)[。.]?[ \t\u3000]*$"
)


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Check that the parts a profile expects are present and no section is empty."""
    parts = PARTS.get(ctx.profile)
    if parts is None or len(text.strip()) < MIN_CHARS:
        return
    src = "实务"
    head = text[: max(200, len(text) // 5)]
    if not OPENING.search(head):
        yield make(
            text,
            0,
            0,
            "structure.missing-opening",
            "structure",
            "提示",
            "缺少开头部分（任职岗位、时段和总体评价）",
            None,
            src,
        )
    for name, pattern in parts:
        if not pattern.search(text):
            yield make(
                text,
                len(text),
                len(text),
                "structure.missing-part",
                "structure",
                "警告",
                f"缺少“{name}”部分",
                None,
                src,
            )
    yield from _empty_sections(text)


def _empty_sections(text: str) -> Iterator[Finding]:
    paras = [p for p in paragraphs(text) if text[p.start : p.end].strip()]
    for i, p in enumerate(paras):
        if not p.level or p.level > 2:
            continue
        heading = text[p.body_start : p.end].strip()
        if "。" in heading.rstrip("。") or len(heading) > 40:
            continue  # a heading run into its body is not empty
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        empty = (
            nxt is None
            or (nxt.level and nxt.level <= p.level)
            or bool(EMPTY_BODY.match(text[nxt.start : nxt.end]))
        )
        if empty:
            yield make(
                text,
                p.start,
                p.end,
                "structure.empty-section",
                "structure",
                "警告",
                f"“{heading}”一节没有内容",
                None,
                "实务",
            )
