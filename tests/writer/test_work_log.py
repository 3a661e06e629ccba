"""A year's work log as a drafter sums it up: short logs told entry by entry, longer ones
field by field, each field with its count (citing its entries), its weightiest entries
with their days, and the rest by title, with 等 only when some are left out."""

from __future__ import annotations

import re

from taizhang.writer import compose_document as compose
from taizhang.writer.compose.worklog import DATED_PER_PARAGRAPH, SHORT
from taizhang.writer.demo import personal_facts
from taizhang.writer.facts import Record
from taizhang.writer.model import FigureRun, TextRun

from .writer_cases import busy_head, long_logs

SEEDS = range(8)
MAKERS = [lambda: personal_facts("head"), lambda: personal_facts("family_planning"),
          busy_head, long_logs]  # fmt: skip
DAY = re.compile(r"\d{1,2}月\d{1,2}日，$")


def documents():
    for make in MAKERS:
        for variant in ("summary", "duty"):
            for seed in SEEDS:
                facts = make()
                yield facts, compose(facts, variant=variant, seed=seed)


def log_refs(facts) -> dict[str, str]:
    """Each portfolio work-log entry's ref → its portfolio."""
    return {
        r.ref: key
        for key, s in facts.sections.items()
        if key.startswith("portfolio:")
        for r in s.records
        if r.kind == "工作记录"
    }


def paragraphs(doc):
    stack = list(doc.sections)
    while stack:
        s = stack.pop()
        yield from s.paragraphs
        stack += s.subsections


def sentences(runs):
    """Split a paragraph's runs into sentences at 。 (text runs cut where a sentence ends)."""
    out, cur = [], []
    for r in runs:
        if not isinstance(r, TextRun):
            cur.append(r)
            continue
        *ended, rest = r.text.split("。")
        for piece in ended:
            out.append([*cur, TextRun(piece + "。")])
            cur = []
        if rest:
            cur.append(TextRun(rest))
    return out + ([cur] if cur else [])


def told(runs, refs):
    """(ref, dated) for each log entry a run of ``runs`` names."""
    out = []
    for i, r in enumerate(runs):
        if isinstance(r, FigureRun) and r.fact.startswith("record:"):
            ref = r.fact.removeprefix("record:")
            if ref in refs:
                before = runs[i - 1].text if i and isinstance(runs[i - 1], TextRun) else ""
                out.append((ref, bool(DAY.search(before))))
    return out


def test_no_paragraph_names_more_than_a_few_entries_with_their_days():
    for facts, doc in documents():
        refs = log_refs(facts)
        for p in paragraphs(doc):
            dated = [ref for ref, day in told(p.runs, refs) if day]
            assert len(dated) <= DATED_PER_PARAGRAPH, (facts.subject, p.text)


def test_each_field_states_how_many_entries_it_holds_and_cites_them():
    for facts, doc in documents():
        refs = log_refs(facts)
        grouped: dict[str, list[str]] = {}
        for p in paragraphs(doc):
            for runs in sentences(p.runs):
                counts = [r for r in runs if isinstance(r, FigureRun) and r.fact.startswith("log:")]
                if not counts:
                    continue
                whole = counts[0]
                assert whole.value == len(whole.sources) == len(set(whole.sources))
                assert {refs[x] for x in whole.sources} == {refs[whole.sources[0]]}
                said = [ref for ref, _ in told(runs, refs)]
                assert set(said) <= set(whole.sources), p.text
                text = "".join(r.text for r in runs)
                if len(said) == whole.value:  # every entry named: a complete list, no 等
                    assert len(counts) == 1 and "等" not in text, text
                else:  # the rest counted after 等: every entry not told with its day
                    rest = counts[1]
                    dated = {ref for ref, day in told(runs, refs) if day}
                    assert "等" + rest.text in text, text
                    assert set(rest.sources) == set(whole.sources) - dated, text
                    assert rest.value == len(rest.sources)
                    assert set(said) - dated <= set(rest.sources), text
                grouped.setdefault(refs[whole.sources[0]], []).extend(whole.sources)
        for portfolio, cited in grouped.items():  # the fields partition the portfolio's log
            assert len(cited) == len(set(cited)), portfolio
            own = [r for r, k in refs.items() if k == portfolio]
            assert set(cited) <= set(own)


def test_a_long_log_is_summed_up_and_every_entry_is_counted_once():
    facts = personal_facts("head")
    entries = [r for r in facts.sections["portfolio:政府全面工作"].records]
    assert len(entries) > SHORT
    for seed in SEEDS:
        doc = compose(facts, seed=seed)
        counted = [
            x
            for p in paragraphs(doc)
            for runs in sentences(p.runs)
            for x in next(
                (r.sources for r in runs if isinstance(r, FigureRun) and r.fact.startswith("log:")),
                [x for x, _ in told(runs, log_refs(facts))],
            )
        ]
        assert sorted(counted) == sorted(r.ref for r in entries), seed


def test_a_short_log_is_told_entry_by_entry_in_order():
    facts = personal_facts("family_planning")
    p = facts.section("portfolio:计划生育")
    p.records[:] = [
        Record(f"ledger.WorkEntry:{90 + i}", m, "工作记录", date=d, detail=w)
        for i, (d, m, w) in enumerate([
            ("2025-09-23", "优生优育知识讲座", "邀请县妇幼保健院医生到西岭村讲解孕期保健知识"),
            ("2025-01-14", "计生工作年度部署", "召开全镇计生专干会议，分解全年目标任务到村"),
            ("2025-05-28", "计生服务进村入户", "组织计生服务所开展优生优育宣传和免费孕前检查"),
        ])
    ]  # fmt: skip
    for seed in SEEDS:
        doc = compose(facts, seed=seed)
        days = [
            doc.plain_text.index(d) for d in ("1月14日，召开", "5月28日，组织", "9月23日，邀请")
        ]
        assert days == sorted(days)
        assert not [f for f in doc.figures() if f.fact.startswith("log:")]
