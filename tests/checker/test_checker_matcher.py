"""The pair matcher finds exactly what a naive scan finds, on short and long texts."""

from __future__ import annotations

import random

import pytest

from taizhang.checker.spelling import matcher as matcher_module
from taizhang.checker.spelling.matcher import PairMatcher

FORMS = ["部署", "布署", "决策部署", "贯彻落实", "坚持依", "依法治国", "以人民为中心", "𠀀字"]


def naive(forms: list[str], text: str) -> list[tuple[int, int, str]]:
    return sorted(
        (p, p + len(f), f) for f in set(forms) for p in range(len(text)) if text.startswith(f, p)
    )


def found(m: PairMatcher, text: str) -> list[tuple[int, int, str]]:
    return sorted(m.find(text))


@pytest.mark.parametrize("short", [True, False])
def test_every_occurrence_is_found_overlapping_and_at_the_edges(short, monkeypatch):
    monkeypatch.setattr(matcher_module, "SHORT", 10_000 if short else 0)
    m = PairMatcher((f, f) for f in FORMS)
    text = "决策部署要贯彻落实，坚持依法治国，坚持以人民为中心。布署𠀀字坚持依"
    assert found(m, text) == naive(FORMS, text)
    assert (len(text) - 3, len(text), "坚持依") in found(m, text)  # a form at the very end
    assert found(m, "") == [] and found(m, "部") == []


def test_long_random_text_matches_the_naive_scan():
    rng = random.Random(5)
    alphabet = "部署布决策贯彻落实坚持依法治国以人民为中心，。的了"
    text = "".join(rng.choice(alphabet) for _ in range(5000)) + "".join(FORMS)
    m = PairMatcher((f, f) for f in FORMS)
    assert len(text) > matcher_module.SHORT
    assert found(m, text) == naive(FORMS, text)


def test_a_one_character_form_is_refused():
    with pytest.raises(ValueError):
        PairMatcher([("部", 1)])
