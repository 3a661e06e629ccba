"""Case figures equal the values counted by hand on a small fixture."""

from __future__ import annotations

from datetime import date

from taizhang.cases.models import Case
from taizhang.cases.services import case_register, case_transition
from taizhang.figures.registry import figures_for

from .helpers import make


def _t(case, action, on, **data):
    return case_transition(case=case, action=action, actor=None, on=on, **data)


def _answered(world, title, registered=date(2025, 4, 1)):
    case = case_register(
        kind="建议",
        township=world.jia,
        title=title,
        registered=registered,
        sponsors=[world.people["dave"]],
    )
    case = _t(case, "交办", date(2025, 4, 25), unit=world.station)
    case = _t(case, "签收", date(2025, 4, 28))
    return _t(case, "答复", date(2025, 5, 20), answer_text="答复", answer_signer="李四")


def test_figures_equal_hand_counts(world, sponsors):
    world.extra_sponsors = sponsors[1:5]
    # 2 motions received: one filed, one converted to a suggestion.
    filed = make(world, "议案", ["立案"])
    converted = make(world, "议案", ["转为建议"])
    # Suggestions: s1 satisfied and closed on time; s2 unsatisfied → redo → basically
    # satisfied, closed late (after the 25 July due date); s3 unsatisfied, open.
    s1 = _t(_answered(world, "一"), "评价", date(2025, 5, 21), satisfaction="满意")
    s1 = _t(s1, "办结", date(2025, 5, 22))
    s2 = _t(_answered(world, "二"), "评价", date(2025, 5, 21), satisfaction="不满意")
    s2 = _t(s2, "重办", date(2025, 5, 22))
    s2 = _t(s2, "答复", date(2025, 8, 1), answer_text="再答复", answer_signer="李四")
    s2 = _t(s2, "评价", date(2025, 8, 2), satisfaction="基本满意")
    s2 = _t(s2, "办结", date(2025, 8, 3))
    s3 = _t(_answered(world, "三"), "评价", date(2025, 5, 21), satisfaction="不满意")
    # A suggestion of 2024 must not count.
    _answered(world, "旧", registered=date(2024, 12, 1))
    # Petitions: one settled in the village, one in the township (station), one rejected.
    p1 = make(world, "信访", ["受理", "交办", "调查", "答复", "办结"])
    p2 = make(world, "信访", ["受理", "交办", "调查", "答复", "办结"], unit=world.station)
    p3 = make(world, "信访", ["不予受理"])
    facts = {f.key: f for f in figures_for(world.jia, 2025, only=["cases"])}

    assert facts["cases.motions_received"].value == 2
    assert set(facts["cases.motions_received"].sources) == {
        f"cases.Case:{filed.pk}",
        f"cases.Case:{converted.pk}",
    }
    assert facts["cases.motions_registered"].value == 1
    assert facts["cases.motions_converted"].value == 1
    assert facts["cases.suggestions"].value == 4  # converted + s1 + s2 + s3
    assert facts["cases.closed"].value == 2
    assert facts["cases.closed_on_time"].sources == (f"cases.Case:{s1.pk}",)
    assert facts["cases.on_time_rate"].value == 50.0
    # rated: s1 满意, s2 基本满意, s3 不满意 → 2 of 3
    assert facts["cases.satisfaction_rate"].value == 66.7
    assert facts["cases.redo"].value == 1
    assert facts["cases.petitions"].value == 3
    assert facts["cases.petitions.tier.村"].value == 2  # p1 and p3 (registered in 一村)
    assert facts["cases.petitions.tier.乡镇"].value == 1
    assert facts["cases.petitions.channel.来访"].value == 3
    assert facts["cases.petitions.settled_in_village_rate"].value == 50.0
    assert facts["cases.petitions.settled_in_village_rate"].sources == (f"cases.Case:{p1.pk}",)
    # Open cases past due today: s3 (due 2025-07-25) and the 2024 suggestion (due 2025-07-25).
    assert facts["cases.overdue_now"].value == 2
    assert f"cases.Case:{s3.pk}" in facts["cases.overdue_now"].sources
    # 卫生院 in 2025: s1 s2 s3 p2 assigned; s1 s2 p2 closed, s2 late; rated s1 s2 s3.
    assert facts["cases.unit.卫生院.assigned"].value == 4
    assert facts["cases.unit.卫生院.closed"].value == 3
    assert facts["cases.unit.卫生院.on_time_rate"].value == 66.7
    assert facts["cases.unit.卫生院.satisfaction_rate"].value == 66.7
    assert facts["cases.unit.一村.closed"].value == 1

    # Per-unit rates list exactly the cases they count: the on-time rate the unit's closed
    # cases (which contain the ones closed on time), the satisfaction rate its rated ones.
    def src(*cases):
        return tuple(f"cases.Case:{pk}" for pk in sorted(c.pk for c in cases))

    assert facts["cases.unit.卫生院.on_time_rate"].sources == src(s1, s2, p2)
    assert facts["cases.unit.卫生院.satisfaction_rate"].sources == src(s1, s2, s3)
    assert facts["cases.unit.卫生院.assigned"].sources == src(s1, s2, s3, p2)
    assert facts["cases.satisfaction_rate"].sources == src(s1, s2)
    assert facts["cases.on_time_rate"].sources == src(s1)
    # Every value is the length of its sources, except rates, the redo total and amounts.
    for f in facts.values():
        if f.unit not in ("%", "元", "次"):
            assert f.value == len(f.sources), f.key
    assert Case.objects.get(pk=p3.pk).state == "不予受理"
    assert p2.tier == "乡镇"
