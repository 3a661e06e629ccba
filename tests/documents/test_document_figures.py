"""Presidium documents state the registry's figures: one source for every number."""

from __future__ import annotations

from taizhang.core.models import OrgKind, OrgUnit
from taizhang.documents.facts import build_facts
from taizhang.figures.registry import figures_for
from taizhang.meetings.models import Meeting


def _township_years():
    for township in OrgUnit.objects.filter(kind=OrgKind.TOWNSHIP).order_by("pk"):
        years = Meeting.objects.filter(township=township).dates("date", "year")
        for year in sorted({d.year for d in years}):
            yield township, year


def test_presidium_document_figures_equal_the_registry_for_every_demo_township(demo):
    checked = 0
    pairs = list(_township_years())
    assert len({t.pk for t, _ in pairs}) >= 2
    for township, year in pairs:
        registry = {(f.value, f.sources) for f in figures_for(township, year)}
        for kind in ("presidium", "presidium_report"):
            facts = build_facts(kind=kind, year=year, township=township)
            for key, section in facts.sections.items():
                # A section named after one record (vote:12, motion:40, evaluation:7) or one
                # topic tells that record's own fields; every other number is a figure.
                if ":" in key:
                    continue
                for fact in section.facts.values():
                    assert (fact.value, fact.sources) in registry, (
                        township.name,
                        year,
                        kind,
                        fact.key,
                        fact.value,
                    )
                    checked += 1
    assert checked > 50
