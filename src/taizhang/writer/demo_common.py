"""Shared pieces of the writer's example facts: record references, put, ledger words."""

from __future__ import annotations

from .facts import Fact, FactSection, Number


def refs(model: str, first: int, count: int) -> tuple[str, ...]:
    """Return ``count`` record references ``model:id`` starting at ``first``."""
    return tuple(f"{model}:{i}" for i in range(first, first + count))


def put(
    sec: FactSection,
    name: str,
    label: str,
    value: Number | None,
    unit: str,
    sources: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
) -> None:
    """Add a fact keyed ``<section>.<name>`` to a section."""
    sec.add(Fact(f"{sec.key}.{name}", label, value, unit, sources, keywords or (label,)))


# Words the problem sentences use next to an open count (the checker's ledger keywords).
OPEN_WORDS = (
    "未办结",
    "没有办结",
    "未整改",
    "没有整改",
    "尚未",
    "还有",
    "仍有",
    "尚有",
    "另有",
    "其余",
)
# Words next to the count of an activity's opinions still open.
OPEN_ITEM_WORDS = ("整改", "落实", "办理", "未办结", "还有", "其余", "另有", "尚有")
# Words next to a count of deputies taking part in a study or group activities.
RECTIFIED_WORDS = ("整改", "办结", "落实", "完成", "办理完毕")
JOINED_WORDS = ("参加", "参加代表", "参训", "到会", "到场", "参与", "累计")
WAY_WORDS = ("联系", "走访", "看望", "慰问", "上门", "入户", "电话", "短信")
