"""Runs of one kind in one paragraph are one finding listing its places, with one fix."""

from __future__ import annotations

import json

from taizhang.checker import check
from taizhang.checker.cli import apply_fixes, main

COMMAS = "召开会议,研究工作,部署任务,落实责任,强化督查,推进整改,听取汇报,总结经验,表彰先进,安排明年,开展评议。"


def test_ten_halfwidth_commas_in_a_paragraph_are_one_finding():
    (f,) = check(COMMAS, profile="generic")
    assert f.rule == "punctuation.halfwidth" and f.suggestion == "，"
    assert len(f.positions) == 10 and (f.start, f.end) == f.positions[0]
    assert all(COMMAS[s:e] == "," for s, e in f.positions)
    assert "本段共10处" in f.message


def test_one_fix_applies_at_every_place():
    fixed, applied = apply_fixes(COMMAS, check(COMMAS, profile="generic"))
    assert fixed == COMMAS.replace(",", "，")
    assert len(applied) == 10


def test_runs_do_not_cross_paragraphs_or_kinds():
    text = "召开会议,研究工作:部署任务。\n第二段,一处。"
    found = check(text, profile="generic")
    assert [(f.text, len(f.spans)) for f in found] == [(",", 1), (":", 1), (",", 1)]
    two = check("召开会议,研究工作,部署任务。\n第二段,一处。", profile="generic")
    assert [len(f.spans) for f in two] == [2, 1]


def test_json_lists_the_places_and_keeps_every_old_field(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(COMMAS, encoding="utf-8")
    main([str(path), "--json", "--profile", "generic"])
    (report,) = json.loads(capsys.readouterr().out)
    (finding,) = report["findings"]
    assert {"rule", "category", "severity", "start", "end", "text", "message", "suggestion"} <= set(
        finding
    )
    assert finding["positions"] == [[i, i + 1] for i, c in enumerate(COMMAS) if c == ","]
