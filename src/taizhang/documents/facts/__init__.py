"""Build writer Facts from the registers, one builder per document kind."""

from __future__ import annotations

from taizhang.writer.facts import Facts


def build_facts(
    *, kind: str, year: int, township=None, person=None, inputs: dict | None = None
) -> Facts:
    """Return the Facts of one document; every figure carries the ids it counts."""
    inputs = inputs or {}
    if kind in ("presidium", "presidium_report"):
        from taizhang.documents.facts.presidium import presidium_facts

        return presidium_facts(township, year, inputs, kind=kind)
    if kind == "personal":
        from taizhang.documents.facts.personal import personal_facts

        return personal_facts(person, year, inputs)
    if kind == "deputy":
        from taizhang.documents.facts.deputy import deputy_facts

        return deputy_facts(person, year, inputs)
    raise ValueError(f"unknown document kind: {kind}")


def add_texts(facts: Facts, inputs: dict) -> None:
    """Put the person's own words (integrity, shortcomings, plans) where the writer reads them."""
    if inputs.get("integrity"):
        facts.section("integrity").texts["text"] = list(inputs["integrity"])
    plans = facts.section("plans")
    for key in ("shortcomings", "plans"):
        if inputs.get(key):
            plans.texts[key] = list(inputs[key])
