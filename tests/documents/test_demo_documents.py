"""Every document generated from the demo county: every number sourced, the checker silent."""

from __future__ import annotations

import pytest

from taizhang.checker import check
from taizhang.documents.services import compose_for
from taizhang.writer import unsourced_numbers

PROFILES = {
    "personal": {"summary": "summary", "duty": "duty"},
    "presidium": {"summary": "presidium", "report": "presidium"},
    "deputy": {"": "summary"},
}


def demo_documents():
    from taizhang.accounts.models import User
    from taizhang.core.models import OrgUnit
    from taizhang.people.models import CadrePost

    changji = OrgUnit.objects.get(kind="township", name="长集镇")
    fenghuo = OrgUnit.objects.get(kind="township", name="烽火乡")
    docs = []
    for post in CadrePost.objects.filter(unit=changji).select_related("person"):
        for variant in ("summary", "duty"):
            docs.append(("personal", variant, changji, post.person))
    for variant in ("summary", "report"):
        docs.append(("presidium", variant, fenghuo, None))
    docs.append(("deputy", "", fenghuo, User.objects.get(username="demo-daibiao").person))
    for kind, variant, town, person in docs:
        doc, facts = compose_for(
            kind=kind, variant=variant, year=2025, township=town, person=person
        )
        yield kind, variant, doc, facts


@pytest.fixture
def generated(demo):
    return list(demo_documents())


def test_every_number_in_every_demo_document_has_a_source(generated):
    assert len(generated) >= 9
    for kind, variant, doc, _ in generated:
        assert unsourced_numbers(doc) == [], (kind, variant, doc.plain_text)


def test_checker_finds_nothing_in_demo_documents(generated):
    for kind, variant, doc, facts in generated:
        findings = check(
            doc.plain_text,
            facts=facts.all_facts(),
            profile=PROFILES[kind][variant],
            names=facts.names,
        )
        assert findings == [], (kind, variant, [(f.rule, f.text, f.message) for f in findings])


def test_presidium_summary_states_the_demo_session(generated):
    text = next(
        doc.plain_text
        for kind, variant, doc, _ in generated
        if kind == "presidium" and variant == "summary"
    )
    assert "第十四届人民代表大会第七次会议" in text
    for figure in ("54名", "53名", "98.1%", "21名"):
        assert figure in text, figure


def test_personal_summary_states_the_demo_ledger(generated):
    texts = "\n".join(doc.plain_text for kind, _, doc, _ in generated if kind == "personal")
    for figure in ("8000万元", "3500万元", "63公里", "50家", "1.3亿元", "45户", "18座", "第3位"):
        assert figure in texts, figure
