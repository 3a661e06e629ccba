"""Character-trigram context in the spelling rule (checker/spelling/ngram.py).

Sentences written for this test. A slip that forms a word of its own (时点 for 试点) or that
only the characters around it betray (主体则任) is found through the trigrams of newspaper
prose; words of today the 1998 text never saw, and the constructions the filters know, stay
silent.
"""

from __future__ import annotations

import pytest

from taizhang.checker import check, spelling
from taizhang.checker.spelling import detect, ngram


def _typos(text: str) -> list:
    return [f for f in check(text, profile="generic") if f.rule == "typo.spelling"]


@pytest.fixture(scope="module")
def tables():
    return ngram.ngrams(spelling.lexicon())


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # 时点 is a word of its own: only the context (改革试点) tells it is a slip.
        ("全县开展农村集体产权制度改革时点工作。", "时点", "试点"),
        # 则 is bound to no word here, and no word finder proposes 责: the trigrams do.
        ("镇党委切实履行主体则任，抓好各项工作。", "则", "责"),
    ],
)
def test_a_slip_only_the_context_tells_is_found(text, wrong, right, monkeypatch):
    start = text.index(wrong)
    found = [f for f in _typos(text) if f.start <= start < f.end]
    assert found, _typos(text)
    assert right in found[0].suggestion
    # Without the trigram evidence the same sentence passes unflagged.
    monkeypatch.setattr(detect, "CONTEXT_WEIGHT", 0.0)
    monkeypatch.setattr(detect, "context_suspects", lambda ctx: [])
    assert not [f for f in _typos(text) if f.start <= start < f.end]


@pytest.mark.parametrize(
    "text",
    [
        # Words of today: the trigrams never count against a correction's absence.
        "加快发展农村电子商务，推行接诉即办。",
        "网格员每天入户走访，做好婴幼儿照护服务。",
        # The classical X之Y coins its own words.
        "二、德：筑牢信念之基，保持政治定力。",
        # A place name the document gives, used without its suffix.
        "长集镇积极推介长集小磨油等特产。",
        # A correction to a function character pays more (补 → 不).
        "缺什么补什么，确保问题整改到位。",
        # Register words of the project's own list, also as the setting of a single character.
        "对照案例检视自身，逐条核查销号。",
        "今年完成农户改厕120户，新建公厕3座。",
        # A surname the trigrams have not seen before a given name.
        "困难户赵明华反映住房漏雨，村里当天派人查看。",
    ],
)
def test_correct_prose_stays_silent(text):
    assert _typos(text) == []


def test_trigram_gain_is_positive_for_a_correction_and_counts_only_as_evidence(tables):
    text = "全县开展农村集体产权制度改革时点工作。"
    p = text.index("时点")
    (better,) = ngram.delta(ngram.Context(text, tables), [(p, p + 2, "试点")])
    assert better > 5
    # 电子商务 was rare in 1998: the trigrams prefer 上午, but a negative gain is not counted.
    text = "加快发展农村电子上午，拓宽农产品销路。"
    p = text.index("上午")
    (worse,) = ngram.delta(ngram.Context(text, tables), [(p, p + 2, "商务")])
    assert worse < 0
    cands = [c for c in spelling.candidates(text, spelling.lexicon()) if c.right == "商务"]
    assert cands and cands[0].context == worse
    assert cands[0].gain >= spelling.HINT_GAIN


def test_suspects_are_characters_seen_in_none_of_their_trigrams(tables):
    text = "镇党委切实履行主体则任，抓好各项工作。"
    found = ngram.suspects(ngram.Context(text, tables))
    assert {p for p, _, _ in found} == {text.index("则")}
    assert "责" in {ch for _, ch, _ in found}
    assert ngram.suspects(ngram.Context("镇党委切实履行主体责任，抓好各项工作。", tables)) == []


def test_tables_are_counts_of_the_corpus_the_package_ships(tables):
    assert ngram.corpus_path().endswith("199801.txt")
    total = int(tables.uni.sum())
    assert 1_500_000 < total < 3_000_000  # characters of January 1998 and sentence edges
    assert len(tables.keys) == len(tables.counts) > 500_000
    assert (tables.keys[1:] > tables.keys[:-1]).all()  # sorted, unique
    assert ((tables.keys & ngram.PAIR) > 0).sum() > 100_000  # pairs after the trigrams


def test_counts_are_kept_between_processes_as_plain_arrays(tmp_path, monkeypatch):
    monkeypatch.setenv("TAIZHANG_CACHE_DIR", str(tmp_path))
    counted = ngram._counts()
    (saved,) = tmp_path.glob("ngrams-*.npz")  # numpy arrays, no pickle
    loaded = ngram._counts()
    assert sorted(loaded) == sorted(counted)
    for name, array in counted.items():
        assert (loaded[name] == array).all(), name
    saved.write_bytes(b"damaged")
    assert (ngram._counts()["keys"] == counted["keys"]).all()  # counted again
