"""Every presidium, cadre and deputy document the demo county can generate, held to GENRES §1.

Subjects with a full ledger (``full_ledger``) run within the lengths real documents of
their kind run to; a thin ledger is refused, never padded.
"""

from __future__ import annotations

import pytest

from taizhang.documents.services import compose_for
from taizhang.writer.requirements import LENGTHS, body_chars, full_ledger, missing_records


@pytest.fixture
def documents(demo):
    from taizhang.core.models import OrgUnit
    from taizhang.people.models import CadrePost, Deputy

    out = []
    for town in OrgUnit.objects.filter(kind="township").order_by("name"):
        for variant in ("summary", "report"):
            doc, facts = compose_for(kind="presidium", variant=variant, year=2025, township=town)
            out.append((f"presidium:{variant}", town.name, doc, facts))
    seen = set()
    for post in CadrePost.objects.select_related("person").order_by("id"):
        if post.person_id in seen:
            continue
        seen.add(post.person_id)
        for variant in ("summary", "duty"):
            doc, facts = compose_for(
                kind="personal", variant=variant, year=2025, person=post.person
            )
            out.append((f"personal:{variant}", post.person.name, doc, facts))
    for deputy in Deputy.objects.select_related("person").order_by("id"):
        doc, facts = compose_for(kind="deputy", variant="", year=2025, person=deputy.person)
        out.append(("deputy", deputy.person.name, doc, facts))
    return out


def test_every_full_ledger_document_runs_within_its_kinds_length(documents):
    full = {}
    for kind, name, doc, facts in documents:
        if full_ledger(facts):
            lo, hi = LENGTHS[kind]
            assert lo <= body_chars(doc) <= hi, (kind, name, body_chars(doc))
            full.setdefault(kind, []).append(name)
    # Both townships' summaries and reports; deputies in more than one district.
    assert len(full["presidium:summary"]) == len(full["presidium:report"]) == 2
    assert len(full["deputy"]) >= 6, full["deputy"]
    # In each township a deputy head, the 人大主席 and the civil-affairs cadre at least.
    assert len(full["personal:summary"]) == len(full["personal:duty"]) >= 6, full


def test_no_demo_subject_is_both_refused_and_told_in_full(documents):
    for _kind, name, _doc, facts in documents:
        assert not (missing_records(facts) and full_ledger(facts)), name


# Duty reports of full-ledger subjects stand clear of GENRES' 2,000 floor by what their
# records tell (study of the trade under 能, money and choices made in the open under 廉,
# three or four entries of a field with their days), not by a few characters.
DUTY_FLOOR = 2150


def test_full_ledger_duty_reports_clear_the_floor_and_summaries_stay_in_range(documents):
    told, titles = 0, set()
    for kind, name, doc, facts in documents:
        if not full_ledger(facts) or not kind.startswith("personal:"):
            continue
        told += 1
        titles.add(facts.sections["post:1"].attributes["title"])
        if kind == "personal:duty":
            assert body_chars(doc) >= DUTY_FLOOR, (name, body_chars(doc))
        else:
            lo, hi = LENGTHS[kind]
            assert lo <= body_chars(doc) <= hi, (name, body_chars(doc))
    assert told >= 12
    # The demo's 人大专干 and 村党支部书记 keep a full year's records of their own kinds.
    assert {"人大专干", "村党支部书记"} <= titles, titles
