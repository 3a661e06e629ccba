"""County pages read summary rows: the dashboard's tiles, the duty overview, the refresh
that recomputes only what a write touched."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from taizhang.cases.services import case_register, case_transition
from taizhang.duty.selectors import duty_overview
from taizhang.duty.services import duty_entry_create
from taizhang.figures.models import NOW, TownshipYearFigures
from taizhang.figures.rollup import township_row
from taizhang.figures.summary import compute
from taizhang.people.models import Deputy
from tests.duty.duty_scale import build

YEAR = 2025
TILE = re.compile(r'data-stat="([^"]+)"><a href="([^"]+)" data-tile-link>(\d+)</a>')
LIST_COUNT = re.compile(r"共 (\d+) [件名人]")


def _cases(world):
    made = []
    for i, township in enumerate((world.jia, world.jia, world.yi)):
        made.append(
            case_register(
                kind="建议" if township == world.jia else "信访",
                township=township,
                title=f"关于第{i}号道路的事项",
                registered=date(YEAR, 3, 1 + i),
                sponsors=[world.people["dave"]] if township == world.jia else [],
                **({} if township == world.jia else {"channel": "来访", "petitioner_name": "赵某"}),
            )
        )
    # one assigned (due in three months: overdue today), one closed this year
    case_transition(case=made[0], action="交办", actor=None, on=date(YEAR, 3, 10),
                    unit=world.station)  # fmt: skip
    return made


def test_each_dashboard_tile_links_to_the_list_it_counts(login, world):
    _cases(world)
    client = login("erin")
    page = client.get("/").content.decode()
    tiles = TILE.findall(page)
    labels = {label for label, _, _ in tiles}
    assert {"人员", "在任代表", "信访信息员", "在办事项", "超期事项"} <= labels
    for label, href, value in tiles:
        listed = client.get(href.replace("&amp;", "&"))
        assert listed.status_code == 200, href
        count = LIST_COUNT.search(listed.content.decode())
        assert count and count.group(1) == value, (label, href, value)
    assert dict((label, int(v)) for label, _, v in tiles)["在办事项"] == 3


def test_county_dashboard_reads_the_same_numbers_as_a_count(login, world):
    """The county's NOW rows (added up) equal the cases counted in the county's scope."""
    from taizhang.cases.dashboard import panels

    _cases(world)
    county = panels(world.users["erin"])[0]
    TownshipYearFigures.objects.filter(year=NOW).delete()  # a fresh count, not the rows
    world.users["erin"].role = "county"
    again = panels(world.users["erin"])[0]
    assert county["stats"] == again["stats"]
    assert TownshipYearFigures.objects.filter(year=NOW).count() == 2


def test_a_case_write_refreshes_the_now_row(world, django_capture_on_commit_callbacks):
    from taizhang.cases.dashboard import panels

    _cases(world)
    before = dict(panels(world.users["erin"])[0]["stats"])
    with django_capture_on_commit_callbacks(execute=True):
        case_register(kind="建议", township=world.jia, title="修缮桥梁",
                      registered=date(YEAR, 5, 2), sponsors=[world.people["dave"]])  # fmt: skip
    row = TownshipYearFigures.objects.get(township=world.jia, year=NOW)
    assert row.stale is False and sum(row.cases.values()) == 3
    assert dict(panels(world.users["erin"])[0]["stats"])["在办事项"] == before["在办事项"] + 1


def _overview_rows(html: str) -> list[tuple[str, str]]:
    body = html.split('id="duty-table"', 1)[1]
    names = re.findall(r'/duty/\d+/\?year=\d+">([^<]+)</a>', body)
    rates = re.findall(r"(\d+\.\d)%</span>|<td>—</td>\s*</tr>", body)
    return list(zip(names, rates, strict=False))


def test_the_county_overview_lists_the_records_it_would_count(login, world):
    made = build(county=world.county, townships=2, per_township=7, tag="D")
    deputies = Deputy.objects.filter(township__in=made)
    # a few deputies with more done than others, so the order means something
    for d in deputies[:3]:
        duty_entry_create(person=d.person, township=d.township, day=date(YEAR, 5, 1),
                          type="心得体会", content="学习体会")  # fmt: skip
    client = login("erin")
    for sort, order in (("completion", "asc"), ("completion", "desc"), ("name", "asc")):
        html = client.get(
            reverse("duty:index"), {"year": YEAR, "sort": sort, "order": order}
        ).content.decode()
        live = duty_overview(deputies=Deputy.objects.for_user(world.users["erin"]), year=YEAR,
                             sort=sort, descending=order == "desc")  # fmt: skip
        names = re.findall(r'/duty/\d+/\?year=\d+">([^<]+)</a>', html)
        assert names == [r.deputy.person.name for r in live][: len(names)], (sort, order)
        assert f"{len(live)} 名代表" in html
        complete = sum(1 for r in live if r.lines and r.complete)
        assert f"{complete} 名全部完成" in html


def test_a_duty_write_recomputes_only_the_duty_family(world, django_capture_on_commit_callbacks):
    deputy = world.deputies[0]
    compute(world.jia, YEAR)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        duty_entry_create(person=deputy.person, township=world.jia, day=date(YEAR, 6, 1),
                          type="帮扶", content="帮扶一户")  # fmt: skip
    row = TownshipYearFigures.objects.get(township=world.jia, year=YEAR)
    assert row.stale and row.stale_duty and not row.stale_cases and not row.stale_meetings
    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert not row.stale and not row.stale_duty
    # what the partial refresh stored is what a full count gives
    full = {c.column.key: c.value for c in township_row(world.jia, YEAR).cells}
    assert {k: v[0] for k, v in row.cells.items()} == full


def test_a_renamed_deputy_moves_in_the_overview_by_name(login, world):
    from taizhang.people import services

    client = login("erin")
    url = reverse("duty:index")
    client.get(url, {"year": YEAR})  # stores the county's duty rows
    person = world.people["p1"]  # 赵一: between 周大 and 钱二 by code point
    services.person_update(person=person, expected_version=person.version, name="龙一")
    html = client.get(url, {"year": YEAR, "sort": "name"}).content.decode()
    names = re.findall(r'/duty/\d+/\?year=\d+">([^<]+)</a>', html)
    assert names == sorted(names) and names[-1] == "龙一"
