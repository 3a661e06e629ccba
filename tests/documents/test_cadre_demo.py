"""Every cadre document the demo county can generate: structure, sources, numbers that hold."""

from __future__ import annotations

import re

import pytest

from taizhang.checker import check
from taizhang.checker.consistency import ClaimFacts
from taizhang.documents.services import compose_for
from taizhang.writer import unsourced_numbers
from taizhang.writer.compose.personal import missing

SUMMARY_PARTS = ["study", "duties", "integrity", "shortcomings", "plans"]
DUTY_PARTS = ["study", "skill", "diligence", "duties", "integrity", "shortcomings", "plans"]
# A run of four or more characters said twice within a few characters (…专题视察开展专题视察).
DOUBLED = re.compile(r"([\u4e00-\u9fff]{4,})[^。；\n]{0,6}?\1")
CLAUSE = re.compile(r"[^，。；：\n]+")


def cadre_documents():
    from taizhang.people.models import CadrePost

    seen = set()
    for post in CadrePost.objects.select_related("person").order_by("id"):
        if post.person_id in seen:
            continue
        seen.add(post.person_id)
        for variant in ("summary", "duty"):
            doc, facts = compose_for(
                kind="personal", variant=variant, year=2025, township=None, person=post.person
            )
            yield post, variant, doc, facts


@pytest.fixture
def generated(demo):
    return list(cadre_documents())


def claims(facts) -> ClaimFacts:
    """What the ledger says about the claims a cadre document makes (cases when one kind)."""
    town = facts.attributes.get("township", "")
    kinds = [s for k, s in facts.sections.items() if k.startswith("cases:")]
    one = kinds[0] if len(kinds) == 1 else None
    count = (lambda n: one.value(f"{one.key}.{n}") or 0) if one else (lambda n: None)
    return ClaimFacts(
        township_kind=facts.attributes.get("tier"),
        township_name=town,
        year=facts.year,
        cases_total=count("count"),
        cases_closed=count("closed"),
        cases_on_time=count("on_time"),
    )


def worded(doc) -> str:
    """The document's text with record names (project and case titles) masked: a list of
    names such as 马鞍村临时救助、高岗村临时救助 is no doubled phrase."""
    lines = []
    for b in doc.blocks():
        runs = b.paragraph.runs if b.paragraph is not None else []
        masked = ("某名" if getattr(r, "fact", "").startswith("record:") else r.text for r in runs)
        lines.append("".join(masked) if runs else b.text)
    return "\n".join(lines)


def sentences(text: str) -> list[str]:
    return [
        s.strip()
        for line in text.split("\n")
        for s in re.split("[。！？]", line)
        if len(s.strip()) >= 6
    ]


def body_chars(doc) -> int:
    return sum(len(b.text) for b in doc.blocks() if b.kind in ("paragraph", "heading"))


def test_every_cadre_document_holds_its_numbers_and_says_nothing_twice(generated):
    assert len(generated) >= 22
    for post, variant, doc, facts in generated:
        text, who = doc.plain_text, (post.title, variant)
        assert unsourced_numbers(doc) == [], who
        assert not re.search(r"\d\.0%", text), who
        said = sentences(text)
        assert len(said) == len(set(said)), (who, [s for s in said if said.count(s) > 1])
        for clause in CLAUSE.findall(worded(doc)):
            assert not DOUBLED.search(clause), (who, clause)
        errors = [
            f
            for f in check(text, facts=facts.all_facts(), profile=variant, names=facts.names)
            if f.severity == "错误"
        ]
        assert errors == [], (who, [(f.rule, f.text, f.message) for f in errors])
        for key, s in facts.sections.items():
            if key.startswith("cases:"):
                count, closed, rest = (
                    s.value(f"{key}.{n}") or 0 for n in ("count", "closed", "open")
                )
                assert count == closed + rest, key  # parts add up to the whole
        for f in doc.figures():
            if f.unit == "%":
                assert f.sources, (who, f.text)  # no rate over an empty base
        for word in (
            "事项",
            "缴纳税收",
            "协议引资",
            "村、乡两级" if "镇" in text[:60] else "村、镇两级",
        ):
            assert word not in text, (who, word)


def test_each_kind_has_its_parts_in_order_and_each_work_part_cites_its_own_records(generated):
    for post, variant, doc, facts in generated:
        if missing(facts):
            continue
        keys = [s.key for s in doc.sections]
        assert keys == (DUTY_PARTS if variant == "duty" else SUMMARY_PARTS), (post.title, keys)
        own = {src for s in facts.sections.values() for f in s.facts.values() for src in f.sources}
        own |= {r.ref for s in facts.sections.values() for r in s.records}
        work = next(s for s in doc.sections if s.key == "duties")
        parts = [sub for sub in work.subsections for sub in (sub.subsections or [sub])]
        assert parts, post.title
        for part in parts:
            cited = {src for p in part.paragraphs for f in p.figures for src in f.sources}
            assert cited and cited <= own, (post.title, part.heading)
        if variant == "duty":
            headings = [s.heading[:1] for s in doc.sections[:5]]
            assert headings == ["德", "能", "勤", "绩", "廉"], headings
            for part in doc.sections[:5]:
                assert sum(len(p.text) for p in part.paragraphs) >= 50 or part.subsections, (
                    part.heading
                )


def test_the_demo_has_full_documents_and_a_thin_subject(generated):
    full = {}
    for post, variant, doc, facts in generated:
        full[
            (
                post.unit.township.name if post.unit.township_id else post.unit.name,
                post.title,
                variant,
            )
        ] = (
            body_chars(doc),
            missing(facts),
        )
    thin = [k for k, (_, lack) in full.items() if lack]
    assert ("烽火乡", "武装部长", "summary") in thin
    for town in ("烽火乡", "长集镇"):
        for title in ("副乡长" if town == "烽火乡" else "副镇长", "人大主席"):
            assert not full[(town, title, "summary")][1], (town, title)
    civil = [k for k in full if k[1] in ("民政专干", "团委书记")]
    assert {k[0] for k in civil} == {"烽火乡", "长集镇"}
    fenghuo_head = full[("烽火乡", "副乡长", "summary")][0]
    assert 1500 <= fenghuo_head <= 3000, fenghuo_head
    duty = full[("烽火乡", "副乡长", "duty")][0]
    assert duty >= 1500, duty
