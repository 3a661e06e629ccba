"""Every proposal a document names is told with where it stands, and a count of what is
left undone is never called 少数 or 个别 (the count may be most of the whole)."""

from __future__ import annotations

import re

import pytest

from taizhang.writer import compose_document as compose
from taizhang.writer.compose.telling import by_state
from taizhang.writer.demo import personal_facts
from taizhang.writer.facts import Record
from taizhang.writer.model import FigureRun
from taizhang.writer.phrases import presidium, presidium_report

from .writer_cases import WAITING, busy_deputy, busy_head, rich_presidium


@pytest.mark.parametrize("seed", range(8))
def test_a_suggestion_not_yet_assigned_is_told_as_waiting(seed):
    text = compose(busy_deputy(), seed=seed).plain_text
    sentence = next(s for s in re.split(r"[。；]", text) if WAITING in s)
    after = sentence.split(f"{WAITING}”", 1)[1]
    assert "交办" in after, sentence


@pytest.mark.parametrize("bank", [presidium.P, presidium_report.P])
def test_counts_left_undone_carry_no_few_or_single_quantifier(bank):
    for key, lines in bank.items():
        for line in lines if isinstance(lines, tuple) else ():
            if "{n}" in line:
                assert not re.search(r"^(?:少数|个别)", line), (key, line)


@pytest.mark.parametrize("seed", range(8))
def test_a_work_report_does_not_plan_the_session_it_is_delivered_at(seed):
    doc = compose(rich_presidium(), variant="report", seed=seed)
    session = re.search(r"在.*?(第[^第]+次会议)上", doc.subtitle).group(1)
    body = doc.plain_text.replace(doc.subtitle, "")
    assert session not in body, body[body.find(session) - 40 : body.find(session) + 20]


@pytest.mark.parametrize("n", [2, 4, 5, 7])
def test_records_by_state_are_all_named_or_counted(n):
    states = ["已办结", "已办结", "调查中", "已发放", "已办结", "已审批", "调查中"]
    records = [Record(f"cases.Case:{i}", f"第{i}村救助", "救助", states[i]) for i in range(n)]
    runs = by_state(records, limit=4)
    named = {r.sources[0] for r in runs if isinstance(r, FigureRun) and r.value is None}
    counted = [r for r in runs if isinstance(r, FigureRun) and r.value is not None]
    assert len(named) == min(n, 4)
    assert sum(r.value for r in counted) == n - len(named)
    assert {s for r in counted for s in r.sources} | named == {r.ref for r in records}


@pytest.mark.parametrize("make", [lambda: personal_facts("head"), busy_head])
@pytest.mark.parametrize("seed", range(6))
def test_a_heads_petitions_add_up_with_those_declined(make, seed):
    text = compose(make(), variant="summary", seed=seed).plain_text
    line = next(s for s in text.split("。") if "不予受理" in s)
    total, *parts = (int(n) for n in re.findall(r"(\d+)件", line))
    assert parts and sum(parts) == total, line
