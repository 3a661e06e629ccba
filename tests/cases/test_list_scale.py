"""List at scale: the count stops at a cap ("N+"), a text search reads a bounded window."""

from __future__ import annotations

from datetime import date

import pytest

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
    assert "共 3+ 件" in html and "请缩小查询范围" in html
    assert login("alice").get("/cases/?page=9").status_code == 200


def test_text_search_reads_the_newest_window_and_says_so(login, world, five, monkeypatch):
    html = login("alice").get("/cases/?q=道路").content.decode()
    assert all(c.code in html for c in five) and 'id="search-window"' not in html
    monkeypatch.setattr(selectors, "SEARCH_WINDOW", 2)
    html = login("alice").get("/cases/?q=道路").content.decode()
    # The third newest case was registered on 3 March: the search starts there.
    assert 'id="search-window"' in html and "2025-03-03 以来" in html
    assert [c.code in html for c in five] == [False, False, True, True, True]
    # A search by code finds the case inside the window.
    found, since = selectors.case_search(user=world.users["alice"], filters={"q": five[4].code})
    assert list(found) == [five[4]] and since == date(2025, 3, 3)


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
