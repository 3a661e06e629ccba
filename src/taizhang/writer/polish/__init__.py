"""Polishing by the office's own language model, with every fact of the draft locked.

Pure Python: the Django side hands in a block's text and the names to lock, and gets
back the polished text or the reasons it was refused. Personal data is masked before
the call and put back after; the answer is accepted only when every locked fact is
still there, nothing is invented, the headings are the same and the checker finds no
error that the original did not have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .client import Endpoint, PolishError, chat
from .lock import Violation, compare, locked_facts
from .privacy import mask

__all__ = ["Endpoint", "PolishError", "PolishResult", "Violation", "polish_text", "prompt_for"]

GENRE_NAMES = {
    "personal": "个人年终工作总结",
    "duty": "述职报告",
    "presidium": "人大主席团年度工作总结",
    "presidium_report": "人大主席团工作报告",
    "report": "人大主席团工作报告",
    "deputy": "代表向选民述职报告",
}


@dataclass(slots=True)
class PolishResult:
    """The outcome of one polish: accepted text, or the original with the reasons."""

    original: str
    text: str
    accepted: bool
    model: str
    violations: list[Violation] = field(default_factory=list)
    error: str = ""

    @property
    def reasons(self) -> list[str]:
        return [self.error] if self.error else [v.message for v in self.violations]


@cache
def house_rules() -> str:
    return (Path(__file__).parent / "house_rules.md").read_text(encoding="utf-8")


def prompt_for(text: str, *, genre: str, post: str, locked: list[str]) -> tuple[str, str]:
    """Return the system and user messages for one block (already masked)."""
    kind = GENRE_NAMES.get(genre, genre or "公文")
    facts = "\n".join(f"- {f}" for f in locked) or "- （无）"
    user = (
        f"文种：{kind}\n"
        + (f"职务：{post}\n" if post else "")
        + f"以下事实必须原样保留：\n{facts}\n\n"
        + f"请润色下面这一部分，只输出润色后的正文：\n{text}"
    )
    return house_rules(), user


def polish_text(
    text: str,
    *,
    endpoint: Endpoint,
    genre: str = "",
    post: str = "",
    names: tuple[str, ...] = (),
    personal: tuple[str, ...] = (),
    checker=None,
) -> PolishResult:
    """Polish one block of text; keep the original unless every fact survives.

    ``names`` are names, units and titles that must stay unchanged; ``personal`` are
    strings that must never leave in a prompt (petitioners' names, addresses). ``checker``
    returns the error-level findings of a text as comparable keys (defaults to the
    document checker).
    """
    masked = mask(text, personal)
    locked = locked_facts(masked.text, tuple(n for n in names if n not in personal))
    system, user = prompt_for(masked.text, genre=genre, post=post, locked=locked)
    result = PolishResult(original=text, text=text, accepted=False, model=endpoint.model)
    try:
        answer = chat(endpoint, system, user)
    except PolishError as exc:
        result.error = str(exc)
        return result
    lost = masked.missing(answer)
    if lost:
        result.violations = [
            Violation("privacy", key, f"润色稿丢失或改动了个人信息占位符“{key}”") for key in lost
        ]
        return result
    restored = masked.restore(answer)
    violations = compare(text, restored, names)
    errors = checker or _checker_errors
    new_errors = errors(restored) - errors(text)
    violations += [
        Violation("checker", found, f"润色稿有校对错误：{message}") for found, message in new_errors
    ]
    result.violations = violations
    if not violations:
        result.text, result.accepted = restored, True
    return result


def _checker_errors(text: str) -> set[tuple[str, str]]:
    from taizhang.checker import check

    return {(f.text, f.message) for f in check(text, profile="generic") if f.severity == "错误"}
