"""A strict check: the broad spelling rule reports from the floor tuned on the benchmark.

The EC-ODW dev file is read at run time from the shared benchmark folder (never copied into
the repository); the tests are skipped where it is absent.
"""

from __future__ import annotations

import json

import pytest

from taizhang.checker import check, spelling
from taizhang.checker.cli import main

from .test_checker_spelling import _dev_pairs


def _slips(text: str, strict: bool) -> set[tuple[int, int, str]]:
    found = check(text, profile="generic", strict=strict)
    return {(f.start, f.end, f.suggestion) for f in found if f.rule == "typo.spelling"}


@pytest.fixture(scope="module")
def sample():
    pairs = [(s, t) for s, t in _dev_pairs() if s != t][:150]
    return [(s, _slips(s, False), _slips(s, True)) for s, _ in pairs]


def test_strict_reports_more_and_keeps_every_default_finding(sample):
    assert spelling.STRICT_GAIN < spelling.HINT_GAIN
    assert all(default <= strict for _, default, strict in sample)
    more = [s for s, default, strict in sample if strict - default]
    assert len(more) >= 3, more


def test_cli_strict_flag(sample, tmp_path, capsys):
    text = next(s for s, default, strict in sample if not default and strict)
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    main([str(path), "--json", "--profile", "generic"])
    plain = json.loads(capsys.readouterr().out)[0]["findings"]
    main([str(path), "--json", "--profile", "generic", "--strict"])
    strict = json.loads(capsys.readouterr().out)[0]["findings"]
    assert not [f for f in plain if f["rule"] == "typo.spelling"]
    assert [f for f in strict if f["rule"] == "typo.spelling"]
