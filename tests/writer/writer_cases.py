"""Every demo document of every kind and variant, for the writer tests."""

from __future__ import annotations

from taizhang.writer import compose_document as compose
from taizhang.writer.demo import deputy_facts, personal_facts, presidium_facts
from taizhang.writer.model import Document

CASES = [
    ("presidium", "summary", lambda: presidium_facts()),
    ("presidium", "report", lambda: presidium_facts()),
    ("personal", "summary", lambda: personal_facts("investment")),
    ("personal", "duty", lambda: personal_facts("investment")),
    ("personal", "summary", lambda: personal_facts("league")),
    ("personal", "duty", lambda: personal_facts("league")),
    ("personal", "summary", lambda: personal_facts("family_planning")),
    ("personal", "duty", lambda: personal_facts("family_planning")),
    ("deputy", "", lambda: deputy_facts()),
]


def all_documents() -> list[Document]:
    return [compose(make(), variant=variant) for _, variant, make in CASES]
