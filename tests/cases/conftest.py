"""Case fixtures: more deputies of 甲乡 so that a motion can gather five sponsors."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def sponsors(world):
    """Six township deputies of 甲乡 in office since 2021 (dave is the first, the lead)."""
    from taizhang.people import services as people

    extra = []
    for name in ["吴五", "郑六", "王七"]:
        person = people.person_create(name=name, gender="女", unit=world.village2)
        people.deputy_create(
            person=person,
            level="乡镇",
            term="第十四届",
            township=world.jia,
            start=date(2021, 10, 1),
        )
        extra.append(person)
    return [world.people["dave"], world.people["p1"], world.people["p2"], *extra]


@pytest.fixture
def suggestion(world):
    """A suggestion by dave (lead) registered in 甲乡 on 2025-03-03."""
    from taizhang.cases.services import case_register

    return case_register(
        kind="建议",
        township=world.jia,
        title="关于修缮一村道路的建议",
        registered=date(2025, 3, 3),
        sponsors=[world.people["dave"]],
        actor=world.users["alice"],
    )
