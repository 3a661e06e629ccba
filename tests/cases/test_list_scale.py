"""List at scale: the count stops at a cap ("N+", or 约 N on PostgreSQL), a text search
reads every case of the scope."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection

from taizhang.cases import selectors
from taizhang.cases.paging import CappedPaginator
from taizhang.cases.services import case_register


@pytest.fixture
def five(world):
    return [
        case_register(
            kind="建议",
            township=world.jia,
            title=f"关于第{i}条道路的建议",
            registered=date(2025, 3, i + 1),
            sponsors=[world.people["dave"]],
        )
        for i in range(5)
    ]


def test_count_is_capped_and_labelled(login, five, monkeypatch):
    html = login("alice").get("/cases/").content.decode()
    assert "共 5 件" in html
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    html = login("alice").get("/cases/").content.decode()
    if connection.vendor == "postgresql":  # the planner's estimate, never below the cap
        label = re.search(r"共 约 (\d+) 件", html)
        assert label and int(label.group(1)) >= 4
    else:
        assert "共 3+ 件" in html
    assert "请缩小查询范围" in html
    assert login("alice").get("/cases/?page=9").status_code == 200


def test_text_search_reads_every_case_of_the_scope(login, world, five):
    """No look-back window: one, two and more characters, title or code, old or new."""
    old = case_register(
        kind="建议",
        township=world.jia,
        title="关于修缮旧渠的建议",
        registered=date(2024, 1, 5),
        sponsors=[world.people["dave"]],
    )
    client = login("alice")
    for term in ("渠", "旧渠", "修缮旧渠", old.code, old.code[-2:]):
        html = client.get("/cases/", {"q": term}).content.decode()
        expected = [c for c in [*five, old] if term in c.title or term in c.code]
        assert expected and all(c.code in html for c in expected), term
        assert f"共 {len(expected)} 件" in html, term
    found, since = selectors.case_search(user=world.users["alice"], filters={"q": "道路"})
    assert set(found) == set(five) and since is None


def test_dashboard_panel_counts_in_one_pass(world, five, django_assert_max_num_queries):
    from taizhang.cases.dashboard import panels
    from taizhang.cases.services import case_transition

    case_transition(
        case=five[0], action="交办", actor=None, on=date(2025, 3, 10), unit=world.station
    )
    with django_assert_max_num_queries(3):
        (panel,) = panels(world.users["alice"])
    stats = dict(panel["stats"])
    assert stats["在办事项"] == 5
    assert stats["超期事项"] == 1  # due three months after 10 March 2025
    assert '"name": "建议", "value": 5' in panel["chart"]
    assert panels(world.users["heidi"])[0]["stats"][0] == ("在办事项", 0)
