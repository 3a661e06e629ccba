"""The demo loads the 烽火乡 figures DOMAIN.md states and is idempotent."""

from __future__ import annotations

from taizhang.cases.models import Case
from taizhang.demo.loader import load_demo
from taizhang.figures.registry import figures_for


def test_demo_figures_and_idempotence(demo):
    from taizhang.core.models import OrgUnit

    fenghuo = OrgUnit.objects.get(name="烽火乡")
    facts = {f.key: f for f in figures_for(fenghuo, 2025, only=["cases"])}
    assert facts["cases.motions_received"].value == 5
    assert facts["cases.motions_registered"].value == 1
    assert facts["cases.motions_converted"].value == 4
    assert facts["cases.motions_closed"].value == 1
    assert facts["cases.petitions.tier.村"].value >= 1
    assert facts["cases.petitions.tier.乡镇"].value >= 1
    assert facts["cases.overdue_now"].value >= 1
    land = Case.objects.get(code="访2025-0001", township=fenghuo)
    assert land.answer_method == "调处" and (land.closed - land.registered).days == 31
    assert Case.objects.filter(kind="救助", amount__gt=0).count() >= 3
    before = Case.objects.count(), Case.objects.order_by("-version").first().version
    load_demo()
    assert (Case.objects.count(), Case.objects.order_by("-version").first().version) == before
