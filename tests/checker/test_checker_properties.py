"""Robustness: any input is checked without error and every span is exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.checker import check

OFFICIAL = st.sampled_from(
    list(
        "一二三四五六七八九十年月日人件%％、。，,.:（）()“”xX×0123456789０１\n\t 应到实到出席率其中共占布署截止透过推荐信访人张王的"
    )
)
TEXTS = st.one_of(st.text(), st.text(alphabet=OFFICIAL, max_size=400))


def _assert_exact(text: str) -> None:
    for profile in ("summary", "presidium"):
        for f in check(text, profile=profile):
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start : f.end] == f.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_is_checked_with_exact_spans(text):
    _assert_exact(text)


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200))
def test_control_characters_never_raise(text):
    _assert_exact(text)


def test_a_very_long_line_is_checked():
    _assert_exact("应到代表54人，实到53人，出席率98.1%，" * 20000)
