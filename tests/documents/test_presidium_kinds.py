"""Presidium summary, work report and deputy report: right facts, parts in order, records told.

The attribution tests run on a second county built here (tests/documents/second_county.py)
with other names and numbers than the demo's; the variety and length tests on the demo.
"""

from __future__ import annotations

import re

import pytest

from taizhang.checker import check
from taizhang.checker.consistency import ClaimFacts, check_consistency
from taizhang.documents.services import compose_for
from taizhang.duty.selectors import duty_record_for
from taizhang.writer import unsourced_numbers
from taizhang.writer.requirements import LENGTHS, body_chars, full_ledger

from .second_county import build

SUMMARY_ORDER = [
    "session",
    "motions",
    "supervision",
    "deputies",
    "petitions",
    "publicity",
    "budget",
    "problems",
    "plans",
]
WORK_PARTS = {"session", "motions", "supervision", "deputies", "petitions", "publicity", "budget"}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[。！？\n]", text) if len(s.strip()) >= 8]


def overlap(a: str, b: str) -> float:
    x, y = set(sentences(a)), set(sentences(b))
    return len(x & y) / min(len(x), len(y))


def body(doc) -> str:
    return "\n".join(b.text for b in doc.blocks() if b.kind in ("paragraph", "heading"))


def assert_clean(doc, facts, profile: str) -> None:
    text = doc.plain_text
    assert "100.0%" not in text and "事项" not in body(doc).replace("信访事项", "")
    assert unsourced_numbers(doc) == []
    said = sentences(body(doc))
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]
    doubled = re.search(r"([\u4e00-\u9fff]{4,})[\u4e00-\u9fff]{0,2}\1", body(doc))
    assert doubled is None, doubled.group(0)
    errors = [f for f in check(text, facts=facts.all_facts(), profile=profile, names=facts.names)]
    assert errors == [], [(f.rule, f.message) for f in errors]
    session = facts.sections.get("session")
    claims = ClaimFacts(
        township_kind=facts.attributes.get("tier"),
        township_name=facts.attributes.get("township"),
        year=facts.year,
        session_held=(session.attributes.get("held") == "yes") if session else None,
    )
    found = check_consistency(text, facts=claims)
    assert found == [], [(f.rule, f.message, f.text) for f in found]


def sources_of(section) -> set[str]:
    return {s for p in section.paragraphs for r in p.figures for s in r.sources} | {
        s for sub in section.subsections for s in sources_of(sub)
    }


@pytest.fixture
def county(db):
    return build()


def test_a_deputys_suggestion_count_equals_the_duty_record(county):
    deputy = county.proposer
    record = duty_record_for(deputy, 2025)
    doc, facts = compose_for(kind="deputy", variant="", year=2025, township=county.town,
                             person=deputy.person)  # fmt: skip
    total = record.suggestions + record.entries["建议"]
    assert (record.suggestions, record.entries["建议"], total) == (3, 2, 5)
    submitted = next(f for f in doc.figures() if f.fact == "suggestions.submitted")
    assert submitted.value == total and submitted.text == "5件"
    registered = next(f for f in doc.figures() if f.fact == "suggestions.registered")
    recorded = next(f for f in doc.figures() if f.fact == "suggestions.recorded")
    assert (registered.value, recorded.value) == (3, 2)
    text = doc.plain_text
    for title in ("关于白沙村卫生室增配药品的建议", "关于河口村灌溉渠维修的建议"):
        assert title in text
    assert doc.salutation == "各位选民：" and re.search("作为第[123]选区选出的白沙镇人大代表", text)
    assert "履职要求" not in text and "年度要求" not in text
    assert_clean(doc, facts, "summary")


def test_presidium_opinions_are_supervision_work_not_overdue_items(county):
    doc, facts = compose_for(kind="presidium", variant="summary", year=2025, township=county.town)
    supervision = next(s for s in doc.sections if s.key == "supervision")
    told = "\n".join(p.text for p in supervision.paragraphs)
    assert "集镇供水管网压力不足" in told and "农技站已加装增压泵" in told
    assert "超期" not in doc.plain_text and "事项" not in told
    opinion_ids = {s for s in sources_of(supervision) if s.startswith("cases.Case:")}
    assert opinion_ids
    chairman, _ = compose_for(kind="personal", variant="summary", year=2025,
                              township=county.town, person=county.chairman)  # fmt: skip
    overdue = [f for f in chairman.figures() if "overdue" in f.fact or "超期" in f.label]
    assert not any(set(f.sources) & opinion_ids for f in overdue)


def test_a_town_is_a_town_throughout(county):
    for kind in ("presidium", "presidium_report"):
        doc, facts = compose_for(kind=kind, variant="", year=2025, township=county.town)
        text = doc.plain_text
        assert "镇党委的领导下和县人大常委会的指导下" in text
        assert "乡党委" not in text and "全乡" not in text and "村、乡两级" not in text
        assert "按照政府的部署" not in text
        assert "关于修建河口村防洪堤的议案" in text


def test_a_session_not_held_is_never_said_to_have_opened(county):
    for kind in ("presidium", "presidium_report"):
        doc, facts = compose_for(kind=kind, variant="", year=2025, township=county.village_town)
        text = doc.plain_text
        assert_clean(doc, facts, "generic")
        assert "第九届人民代表大会第二次会议" in text
        line = next(x for x in text.split("\n") if "第二次会议" in x)
        assert re.search("未能|没有举行|未予开会|没有召开|未能开会", line), line
        assert not re.search(r"第二次会议(胜利|顺利|依法)?(召开|举行)[，。]", line), line


def test_each_kind_has_its_parts_in_order_and_cites_its_own_records(county):
    summary, facts = compose_for(
        kind="presidium", variant="summary", year=2025, township=county.town
    )
    keys = [s.key for s in summary.sections]
    assert keys == [k for k in SUMMARY_ORDER if k in keys] and {"session", "motions",
            "supervision", "problems", "plans"} <= set(keys)  # fmt: skip
    for section in summary.sections:
        if section.key in WORK_PARTS:
            assert sources_of(section), section.key
    report, _ = compose_for(kind="presidium_report", variant="", year=2025, township=county.town)
    assert report.title == "白沙镇人大主席团工作报告"
    assert report.subtitle == "——在白沙镇第九届人民代表大会第四次会议上"
    assert report.reporter.startswith("白沙镇人大主席　") and report.salutation == "各位代表："
    assert [s.key for s in report.sections] == ["review", "lessons", "plans"]
    assert report.closing[0].text.startswith("各位代表，") and not report.signature
    for sub in report.sections[0].subsections:
        assert sources_of(sub), sub.key
    deputy, _ = compose_for(kind="deputy", variant="", year=2025, township=county.town,
                            person=county.proposer.person)  # fmt: skip
    order = ["meetings", "proposals", "activities", "voters", "short", "plans"]
    keys = [s.key for s in deputy.sections]
    assert keys == [k for k in order if k in keys] and keys[-2:] == ["short", "plans"]
    assert {"meetings", "proposals"} <= set(keys) and deputy.salutation == "各位选民："


@pytest.fixture
def demo_docs(demo):
    from taizhang.core.models import OrgUnit
    from taizhang.people.models import Person

    out = {}
    for name in ("烽火乡", "长集镇"):
        town = OrgUnit.objects.get(kind="township", name=name)
        for kind in ("presidium", "presidium_report"):
            out[kind, name] = compose_for(kind=kind, variant="", year=2025, township=town)
    for name in ("汪雪华", "付玉军", "丁然", "姜浩光"):
        person = Person.objects.get(name=name)
        out["deputy", name] = compose_for(kind="deputy", variant="", year=2025,
                                          township=None, person=person)  # fmt: skip
    return out


def test_demo_documents_are_clean_and_within_their_lengths(demo_docs):
    lengths = {"presidium": LENGTHS["presidium:summary"], "deputy": LENGTHS["deputy"],
               "presidium_report": LENGTHS["presidium:report"]}  # fmt: skip
    for (kind, _name), (doc, facts) in demo_docs.items():
        assert_clean(doc, facts, "summary" if kind == "deputy" else "presidium")
        if kind != "deputy" or full_ledger(facts):
            lo, hi = lengths[kind]
            assert lo <= body_chars(doc) <= hi, (kind, _name, body_chars(doc))


def test_the_work_report_is_not_the_summary_with_another_title(demo_docs):
    for name in ("烽火乡", "长集镇"):
        summary = demo_docs["presidium", name][0].plain_text
        report = demo_docs["presidium_report", name][0].plain_text
        assert overlap(summary, report) <= 1 / 3


def test_two_subjects_of_a_kind_share_at_most_a_third_of_their_sentences(demo_docs):
    pairs = [
        (("presidium", "烽火乡"), ("presidium", "长集镇")),
        (("presidium_report", "烽火乡"), ("presidium_report", "长集镇")),
        (("deputy", "汪雪华"), ("deputy", "付玉军")),
        (("deputy", "丁然"), ("deputy", "姜浩光")),
    ]
    for a, b in pairs:
        ta = demo_docs[a][0].plain_text.replace(a[1], "某")
        tb = demo_docs[b][0].plain_text.replace(b[1], "某")
        assert overlap(ta, tb) <= 1 / 3, (a, b)
