"""Foundation fixtures on top of the shared personas (tests/conftest.py).

`roster` adds one cadre post for 赵一 (p1, 一村 of 甲乡) so every roster view has a
record to open: alice, carol and erin see it; heidi (乙镇) and dave do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest


@dataclass
class Roster:
    person: object  # 赵一, 一村
    deputy: object  # 赵一's mandate in 甲乡
    post: object  # 赵一's post in 一村


@pytest.fixture
def roster(world) -> Roster:
    from taizhang.people import services as people

    p1 = world.people["p1"]
    post = people.post_create(
        person=p1,
        unit=world.village1,
        title="村委委员",
        portfolios=["治安"],
        start=date(2021, 3, 1),
    )
    return Roster(person=p1, deputy=world.deputies[0], post=post)


@pytest.fixture
def anon(client):
    """The anonymous test client."""
    return client
