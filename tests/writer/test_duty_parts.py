"""A duty report's 能 tells the study of the trade, its 廉 the money paid out and people
chosen in the open; each record is told once, in the part where a drafter puts it."""

from __future__ import annotations

from taizhang.writer import compose_document as compose
from taizhang.writer.compose.personal_plans import POLITICAL
from taizhang.writer.demo import personal_facts
from taizhang.writer.facts import Record

SEEDS = range(8)


def part(doc, key):
    return next(s for s in doc.sections if s.key == key)


def text_of(section):
    return "\n".join(p.text for p in section.paragraphs)


def test_study_of_the_trade_is_told_under_skill_and_political_study_under_de():
    facts = personal_facts("family_planning")
    study = [r for r in facts.sections["study"].records if r.detail]
    trade = [r for r in study if not POLITICAL.search(r.title)]
    political = [r for r in study if POLITICAL.search(r.title)]
    assert trade and political
    for seed in SEEDS:
        doc = compose(facts, variant="duty", seed=seed)
        de, neng = text_of(part(doc, "study")), text_of(part(doc, "skill"))
        for r in trade[:3]:
            assert r.detail in neng and r.detail not in de, r.title
        for r in political:
            assert r.detail in de and r.detail not in neng, r.title
        summary = compose(facts, seed=seed)  # a summary tells all its study in one place
        assert all(r.detail in text_of(part(summary, "study")) for r in study)


def test_money_paid_out_in_the_open_is_told_under_probity_once():
    facts = personal_facts("family_planning")
    p = facts.sections["portfolio:计划生育"]
    p.records += [
        Record("ledger.WorkEntry:95", "扶助资金发放核查", "工作记录", date="2025-11-12",
               detail="抽查奖励扶助资金发放情况，资金全部通过一卡通发放到户"),
    ]  # fmt: skip
    for variant in ("summary", "duty"):
        for seed in SEEDS:
            doc = compose(facts, variant=variant, seed=seed)
            text = doc.plain_text
            probity = text_of(part(doc, "integrity"))
            assert "资金全部通过一卡通发放到户" in probity
            assert text.count("资金全部通过一卡通发放到户") == 1
            assert text.count("扶助资金发放核查") == 0
