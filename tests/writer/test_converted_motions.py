"""A 人大主席's document tells motions the presidium handled as suggestions as such: the
motions received are split into registered and converted, the deputies' own suggestions
follow, and no case is counted twice (GENRES §5: parts add up to their whole)."""

from __future__ import annotations

import re

from taizhang.checker import check, check_consistency
from taizhang.writer import compose_document as compose

from .writer_cases import PROFILES, converted_chair, open_chair

SEEDS = range(12)
COUNT = re.compile(r"(\d+)件")


def motion_sentence(text: str) -> str:
    return next(s for s in re.split("[。\n]", text) if "议案" in s and "件" in s)


def test_converted_motions_are_told_and_the_parts_add_up():
    for all_of_them in (False, True):
        for variant in ("summary", "duty"):
            for seed in SEEDS:
                facts = converted_chair(all_of_them)
                s = facts.sections["presidium"]
                received, converted = (
                    s.value("presidium.motions"),
                    s.value("presidium.motions_converted"),
                )
                own = s.value("presidium.suggestions_own")
                doc = compose(facts, variant=variant, seed=seed)
                said = motion_sentence(doc.plain_text)
                counts = [int(n) for n in COUNT.findall(said)]
                assert counts[0] == received, said
                assert re.search("建议(?:处理|办理|交办)|转", said), said
                if all_of_them:
                    assert counts[1] == own and ("全部" in said or "均" in said or "都" in said)
                else:
                    registered = s.value("presidium.motions_registered")
                    assert counts[1:4] == [registered, converted, own], said
                    assert registered + converted == received
                # The registry's suggestions (converted ones included) are not stated too.
                assert s.value("presidium.suggestions") not in counts[1:4], said
                errors = [f for f in check_consistency(doc.plain_text) if f.severity == "错误"]
                assert errors == [], [(f.rule, f.text) for f in errors]
                # Each count agrees with the ledger fact its words name (转为建议 → converted).
                found = check(doc.plain_text, facts=facts.all_facts(),
                              profile=PROFILES["personal", variant], names=facts.names)  # fmt: skip
                assert [f for f in found if f.rule == "ledger.mismatch"] == [], said


def test_without_the_split_the_plain_count_is_kept():
    for seed in SEEDS:
        said = motion_sentence(compose(open_chair(), seed=seed).plain_text)
        assert [int(n) for n in COUNT.findall(said)][:2] == [5, 4], said
