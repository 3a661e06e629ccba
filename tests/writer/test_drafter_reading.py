"""What a drafter reads in the generated documents: lists told whole or with 等, co-signers
noted after the motion, one term for a satisfaction rate, no talk of the document's own
records, no result the records don't hold."""

from __future__ import annotations

import re

import pytest

from taizhang.writer import compose_document as compose
from taizhang.writer.demo import personal_facts
from taizhang.writer.facts import Record
from taizhang.writer.phrases import personal, presidium, presidium_report

from .writer_cases import closed_presidium, rich_presidium, sparse_presidium

SEEDS = range(12)
PRESIDIUM = [rich_presidium, sparse_presidium, closed_presidium]
WHO = ("investment", "league", "family_planning", "head", "chair")
# A document never talks about its own records, glue a drafter strikes out, claims of a
# result no record holds, and wordings replaced by plainer ones.
META = ("工作记录看", "工作记录中", "台账记载", "台账上", "学习记录", "据工作台账", "记录学习")
GLUE = ("反复做工作", "那次", "本人参与其中", "到任", "的完成率完成")
CLAIMS = ("整理成工作笔记", "用到了同类问题", "处理复杂问题的办法更多了")
# Satisfaction rates are named by one term: 满意率.
OTHER_RATE = re.compile(r"满意(?:度|比例|面|程度)(?:为|达到|达)?\d|(?:综合|总体|测评|选民)满意率")


def presidium_docs():
    for make in PRESIDIUM:
        for variant in ("summary", "report"):
            for seed in SEEDS:
                facts = make()
                yield facts, compose(facts, variant=variant, seed=seed)


def personal_docs():
    for who in WHO:
        for variant in ("summary", "duty"):
            for seed in SEEDS:
                facts = personal_facts(who)
                yield facts, compose(facts, variant=variant, seed=seed)


def sentences(text: str) -> list[str]:
    return [s for s in re.split("[。\n]", text) if s.strip()]


def test_a_complete_list_has_no_etc_and_a_partial_one_says_etc():
    for facts, doc in presidium_docs():
        text = doc.plain_text
        for key, s in facts.sections.items():
            if not key.startswith("suggestion_topic:") or s.attributes["topic"] == "其他":
                continue
            titles = s.texts["titles"][:3]
            said = [x for x in sentences(text) if f"“{titles[0]}”" in x]
            if not said:
                continue  # a fifth topic is not told
            count = next(f.value for f in s.facts.values() if f.key.endswith(".count"))
            if len(titles) == count:
                assert not re.search(r"等|如“|例如", said[0]), said[0]
            else:
                assert "等" in said[0], said[0]


def test_topics_named_all_carry_no_etc_and_other_is_no_topic():
    for facts, doc in presidium_docs():
        topics = [s.attributes["topic"] for k, s in facts.sections.items()
                  if k.startswith("suggestion_topic:")]  # fmt: skip
        named = [t for t in topics if t != "其他"]
        lead = next((x for x in sentences(doc.plain_text) if named and named[0] in x), "")
        assert "其他方面" not in doc.plain_text and "其他类" not in doc.plain_text
        if lead and len(named) == len(topics) <= 4 and all(t in lead for t in named):
            assert "等" not in lead.split("，", 1)[-1], lead


def test_co_signers_are_a_note_after_the_motion_title():
    for facts, doc in presidium_docs():
        for key, s in facts.sections.items():
            sponsors = s.facts.get(f"{key}.sponsors")
            if key.startswith("motion:") and sponsors is not None:
                title = s.attributes["title"]
                lead = s.attributes.get("lead_name")
                note = f"“{title}”（{lead + '等' if lead else ''}{sponsors.value}名代表联名）"
                if f"“{title}”" in doc.plain_text:
                    assert note in doc.plain_text, (title, doc.plain_text[:200])
        assert "联名代表共" not in doc.plain_text and "联名代表有" not in doc.plain_text


def test_a_satisfaction_rate_has_one_name():
    for _facts, doc in presidium_docs():
        assert not OTHER_RATE.search(doc.plain_text), OTHER_RATE.search(doc.plain_text)[0]
    for bank in (presidium.P, presidium_report.P):
        for options in bank.values():
            assert not any("的答复代表不满意" in o for o in options)


@pytest.mark.parametrize("words", [META, GLUE, CLAIMS])
def test_personal_documents_hold_no_meta_lead_glue_or_claim(words):
    for _facts, doc in personal_docs():
        found = [w for w in words if w in doc.plain_text]
        assert found == [], (found, doc.title)
    for slot, options in personal.P.items():
        assert not [o for o in options if any(w in o for w in words)], slot


def test_a_single_work_log_entry_gets_no_lead():
    facts = personal_facts("family_planning")
    p = facts.section("portfolio:计划生育")
    p.records[:] = [
        Record("ledger.WorkEntry:60", "计生服务进村入户", "工作记录", date="2025-05-28",
               detail="组织计生服务所到南湾村开展优生优育宣传"),
    ]  # fmt: skip
    leads = [o for o in personal.P["log.lead"]]
    for seed in SEEDS:
        text = compose(facts, seed=seed).plain_text
        line = next(x for x in text.split("\n") if "组织计生服务所到南湾村" in x)
        assert line.startswith("5月28日"), line
        assert not any(lead in text for lead in leads)


def test_study_and_talks_are_told_by_what_was_done():
    facts = personal_facts("family_planning")
    text = compose(facts, variant="duty").plain_text
    for key in ("study", "talks", "integrity"):
        for r in facts.sections[key].records:
            assert r.detail in text, (key, r.detail)


def test_trainings_named_whole_or_with_etc():
    from .writer_cases import open_chair, rich_personal

    for seed in SEEDS:
        whole = compose(rich_personal(), seed=seed).plain_text  # two trainings, both named
        line = next(x for x in sentences(whole) if "预算审查监督" in x)
        assert "代表法、预算审查监督" in line and "预算审查监督等" not in line, line
        some = compose(open_chair(), seed=seed).plain_text  # four trainings, three named
        line = next(x for x in sentences(some) if "议案建议撰写" in x)
        assert "议案建议撰写等" in line, line


def test_reports_named_whole_carry_no_etc():
    from taizhang.writer.demo import presidium_facts

    for seed in SEEDS:
        for make, whole in ((presidium_facts, True), (rich_presidium, False)):
            for variant in ("summary", "report"):
                text = compose(make(), variant=variant, seed=seed).plain_text
                line = next(x for x in sentences(text) if "财政工作报告、主席团工作报告" in x)
                assert ("主席团工作报告等" in line) is not whole, line
