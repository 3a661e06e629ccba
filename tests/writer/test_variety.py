"""Phrase banks: enough original options per slot, every option used and clean, subjects differ."""

from __future__ import annotations

import itertools
import re

import pytest

from taizhang.checker import check
from taizhang.writer import compose_document as compose
from taizhang.writer import unsourced_numbers
from taizhang.writer.compose import base
from taizhang.writer.demo import deputy_facts, personal_facts, presidium_facts
from taizhang.writer.phrases import deputy, personal, presidium, presidium_report
from taizhang.writer.scan import ARABIC, CHINESE_COUNT, EXEMPT

from .writer_cases import PROFILES, SAMPLE, single_personal

BANKS = {
    "personal": personal.P,
    "presidium": presidium.P,
    "presidium_report": presidium_report.P,
    "deputy": deputy.P,
}
# Fixed forms, not phrasings: a report's title and subtitle, label-and-figure layouts.
FIXED = {
    ("personal", "subtitle.duty"),
    ("presidium_report", "title"),
    ("presidium_report", "subtitle"),
    ("presidium_report", "reporter"),
    *[
        (kind, slot)
        for kind in ("presidium", "presidium_report")
        for slot in (
            "pet.split",
            "pet.part_village",
            "pet.part_township",
            "pet.part_other",
            "pub.province",
            "pub.city",
            "pub.county",
        )
    ],  # fmt: skip
    ("deputy", "subtitle"),
}
# Names the composers always supply (text, never a figure): options may leave them out.
TEXT_NAMES = {"year", "tier", "next", "name", "township"}
# Slots whose options may leave out a text value (a reporter line, a report's own words).
PLACEHOLDER = re.compile(r"\{(\w+)#?\}")
TOWNS = ["烽火乡", "长集镇", "青石乡", "柳河镇", "杏花乡", "白马镇", "石门乡", "清水镇"]
PEOPLE = ["李明远", "王晓燕", "赵建国", "陈桂兰", "刘卫东", "周海燕", "孙志强", "吴秀英"]
SEEDS = range(32)
# Sentence overlap allowed between two subjects of one kind (GENRES §1: at most a third).
LIMIT = 1 / 3


def slots():
    return [(kind, slot, options) for kind, bank in BANKS.items() for slot, options in bank.items()]


def test_every_phrasing_slot_has_at_least_four_distinct_options():
    few = {(kind, slot) for kind, slot, options in slots() if len(options) < 4}
    assert few == FIXED
    for kind, slot, options in slots():
        assert len(set(options)) == len(options), (kind, slot)


def test_the_options_of_a_slot_take_the_same_figures():
    for kind, slot, options in slots():
        figures = {frozenset(set(PLACEHOLDER.findall(o)) - TEXT_NAMES) for o in options}
        assert len(figures) == 1, (kind, slot, figures)


def test_no_phrase_states_a_number_or_breaks_the_house_style():
    for kind, _slot, options in slots():
        for option in options:
            bare = EXEMPT[-1].sub("", PLACEHOLDER.sub("", option))  # 八项规定 names a rule
            assert not ARABIC.search(bare) and not CHINESE_COUNT.search(bare), (kind, option)
            assert not re.search(r"[,;:!?()\"']|其它", bare), (kind, option)
            assert bare.count("“") == bare.count("”"), (kind, option)


def test_a_lead_for_one_item_announces_no_list():
    for kind, slot, options in slots():
        if slot.endswith("_one"):
            assert all("以下" not in o and "几个" not in o for o in options), (kind, slot)
    # The presidium's and the deputy's leads never announce a list (their items vary).
    for bank, slot in ((presidium.P, "plans.lead"), (presidium.P, "short.lead"),
                       (deputy.P, "plan.lead"), (deputy.P, "short.lead")):  # fmt: skip
        assert all("以下" not in o and "几个" not in o for o in bank[slot]), slot
    single = [  # one plan item and one shortcoming each
        (single_personal, personal.P, "plan.lead"),
    ]
    for make, bank, plan_slot in single:
        leads = {
            "short.lead": bank["short.lead"],
            "short.lead_one": bank["short.lead_one"],
            plan_slot: tuple(o.format(next=2026, tier="镇") for o in bank[plan_slot]),
            plan_slot + "_one": tuple(
                o.format(next=2026, tier="镇") for o in bank[plan_slot + "_one"]
            ),
        }
        for seed in SEEDS:
            lines = compose(make(), seed=seed).plain_text.split("\n")
            used = {slot for line in lines for slot, opts in leads.items() if line.startswith(opts)}
            assert used == {"short.lead_one", plan_slot + "_one"}, (seed, used)


def sentences(doc, name: str, facts) -> set[str]:
    """Body sentences written by the phrase banks (not the person's own words)."""
    own = {
        t.strip().rstrip("。")
        for s in facts.sections.values()
        for ts in s.texts.values()
        for t in ts
    }
    body = doc.plain_text.replace(name, "某").split("\n")[1:-2]  # no title, signature, date
    fixed = {doc.subtitle.replace(name, "某"), doc.salutation}  # forms, not phrasings
    body = [line for line in body if line not in fixed]
    return {
        s.strip()
        for line in body
        for s in re.split("[。！？]", line)
        if len(s.strip()) >= 6 and s.strip() not in own
    }


def with_name(make, name):
    facts = make()
    facts.subject = name
    if "name" in facts.attributes:
        facts.attributes["name"] = name
    return facts


KINDS = [
    ("presidium", "summary", presidium_facts, TOWNS),
    ("presidium", "report", presidium_facts, TOWNS),
    *[
        ("personal", v, lambda who=who: personal_facts(who), PEOPLE)
        for v in ("summary", "duty")
        for who in ("investment", "league", "family_planning", "head", "chair")
    ],
    ("deputy", "", deputy_facts, PEOPLE),
]


@pytest.mark.parametrize(("kind", "variant", "make", "names"), KINDS)
def test_documents_of_different_subjects_share_at_most_a_third_of_their_sentences(
    kind, variant, make, names
):
    docs = []
    for name in names:
        facts = with_name(make, name) if kind != "presidium" else make(name)
        docs.append(sentences(compose(facts, variant=variant), name, facts))
    assert all(len(d) >= 10 for d in docs)
    # The same facts under other names: phrasing alone must make the sentences differ;
    # subjects with their own records differ further (tests/documents/test_presidium_kinds.py).
    for a, b in itertools.combinations(docs, 2):
        assert len(a & b) / min(len(a), len(b)) <= LIMIT, sorted(a & b)


def test_every_option_is_used_and_every_sampled_document_is_clean(monkeypatch):
    picked: set[tuple[int, str]] = set()
    pick = base.Composer.pick

    def recording(self, slot, options):
        chosen = pick(self, slot, options)
        picked.add((id(options), chosen))
        return chosen

    monkeypatch.setattr(base.Composer, "pick", recording)
    for kind, variant, make in SAMPLE:
        for seed in SEEDS:
            facts = make()
            doc = compose(facts, variant=variant, seed=seed)
            assert unsourced_numbers(doc) == [], (kind, variant, seed)
            text = doc.plain_text
            assert "{" not in text and "}" not in text, (kind, seed)
            findings = check(
                text, facts=facts.all_facts(), profile=PROFILES[kind, variant], names=facts.names
            )
            assert findings == [], (kind, variant, seed, [(f.rule, f.text) for f in findings])
    unused = [
        (kind, slot, option)
        for kind, slot, options in slots()
        for option in options
        if (id(options), option) not in picked
    ]
    assert unused == [], "\n".join(map(str, unused))
