"""The annotated corpus: clean texts stay silent, planted defects are found."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from taizhang.checker import check

from .conftest import CORPUS, expected_spans, overlaps


def _run(name: str):
    spec = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    facts = [SimpleNamespace(**f) for f in spec.get("facts", [])] or None
    templates = CORPUS / "templates" if spec.get("templates") else None
    return spec, text, check(text, facts=facts, templates=templates, profile=spec["profile"])


@pytest.mark.parametrize("name", sorted(p.stem for p in CORPUS.glob("clean_*.txt")))
def test_clean_texts_yield_no_findings(name):
    _, _, findings = _run(name)
    assert findings == []


@pytest.mark.parametrize("name", sorted(p.stem for p in CORPUS.glob("defects_*.txt")))
def test_every_planted_defect_is_found_in_its_category(name):
    spec, text, findings = _run(name)
    for category, start, end in expected_spans(text, spec):
        hits = [
            f
            for f in findings
            if f.category == category and overlaps((start, end), (f.start, f.end))
        ]
        assert hits, (category, text[start:end])
