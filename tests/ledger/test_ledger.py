"""Ledger pages, scope, person year view, figures and demo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from taizhang.ledger import services
from taizhang.ledger.models import Indicator, Project, WorkEntry


@pytest.fixture
def ledger(world):
    bob = world.people["p4"]
    project = services.project_create(
        code="JX-01", year=2025, township=world.jia, name="茶叶加工厂", kind="招商引资",
        responsible=bob, portfolio="招商引资", intended_funds=Decimal(500),
        arrived_funds=Decimal(200), annual_output=Decimal(80), taxes=Decimal(5),
    )  # fmt: skip
    indicator = services.indicator_create(
        township=world.jia, year=2025, name="新修道路", unit="公里", target=Decimal(10),
        actual=Decimal(12), responsible=bob, portfolio="交通道路", rank=3, rank_change=23,
    )  # fmt: skip
    entry = services.work_entry_create(
        person=bob, date=date(2025, 3, 1), portfolio="交通道路", matter="道路验收",
        content="验收村组道路12公里",
    )  # fmt: skip
    return project, indicator, entry


def test_cadre_lists_own_township_projects_and_heidi_sees_none(login, ledger):
    page = login("bob").get("/ledger/projects/")
    assert "茶叶加工厂" in page.content.decode()
    assert "茶叶加工厂" not in login("heidi").get("/ledger/projects/").content.decode()


def test_cadre_creates_project_through_the_form(login, world):
    response = login("bob").post(
        "/ledger/projects/new/",
        {"code": "JX-02", "year": 2025, "township": world.jia.pk, "name": "冷库", "kind": "产业",
         "intended_funds": "100", "arrived_funds": "-5"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "不能为负数" in response.content.decode()
    response = login("bob").post(
        "/ledger/projects/new/",
        {"code": "JX-02", "year": 2025, "township": world.jia.pk, "name": "冷库", "kind": "产业",
         "intended_funds": "100", "arrived_funds": "50"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Project.objects.get(code="JX-02").arrived_funds == Decimal(50)


def test_stale_edit_is_refused(login, ledger):
    _, indicator, _ = ledger
    client = login("bob")
    data = {"township": indicator.township_id, "year": 2025, "name": "新修道路", "unit": "公里",
            "actual": "13", "version": indicator.version}  # fmt: skip
    assert client.post(f"/ledger/indicators/{indicator.pk}/edit/", data).status_code == 302
    response = client.post(f"/ledger/indicators/{indicator.pk}/edit/", data)
    assert "已被他人修改" in response.content.decode()


def test_deputy_without_ledger_permission_gets_403(login, ledger):
    assert login("dave").get("/ledger/entries/").status_code == 403


def test_person_year_groups_by_portfolio(login, world, ledger):
    page = login("bob").get(f"/ledger/people/{world.people['p4'].pk}/2025/").content.decode()
    assert page.index("招商引资") < page.index("茶叶加工厂")
    assert "交通道路" in page and "道路验收" in page and "前进23位" in page


def test_figures_carry_sources(world, ledger):
    from taizhang.figures.registry import figures_for

    facts = {f.key: f for f in figures_for(world.jia, 2025, only=["ledger"])}
    assert facts["ledger.projects.count"].value == 1
    assert facts["ledger.projects.arrived"].value == 200
    assert facts["ledger.indicator.新修道路.actual"].value == 12
    assert facts["ledger.indicator.新修道路.rank_change"].value == 23
    assert facts["ledger.projects.intended"].sources == (f"ledger.Project:{ledger[0].pk}",)


def test_demo_ledgers_state_the_domain_figures(demo):
    from taizhang.core.models import OrgUnit
    from taizhang.demo.loader import load_demo
    from taizhang.figures.registry import figures_for

    changji = OrgUnit.objects.get(name="长集镇")
    facts = {f.key: f.value for f in figures_for(changji, 2025, only=["ledger"])}
    assert facts["ledger.projects.count"] == 5
    assert facts["ledger.projects.intended"] == 8000
    assert facts["ledger.projects.arrived"] == 3500
    assert facts["ledger.indicator.新修村组道路.actual"] == 63
    assert facts["ledger.indicator.发展油坊.actual"] == 50
    assert facts["ledger.indicator.加工大豆.actual"] == 32000
    assert facts["ledger.indicator.油坊产业产值.actual"] == 13000
    assert facts["ledger.indicator.危房改造.actual"] == 45
    assert facts["ledger.indicator.人口和计划生育目标管理考核.rank"] == 3
    assert facts["ledger.indicator.人口和计划生育目标管理考核.rank_change"] == 23
    counts = (Project.objects.count(), Indicator.objects.count(), WorkEntry.objects.count())
    load_demo()
    assert (Project.objects.count(), Indicator.objects.count(), WorkEntry.objects.count()) == counts


def test_person_year_sections_for_the_writer(demo):
    from taizhang.ledger.selectors import person_year_sections

    person = Project.objects.get(code="CJ2025-01").responsible
    sections = {s.key: s for s in person_year_sections(person, 2025)}
    assert sections["portfolio:招商引资"].value("funds_intended") == 8000
    assert sections["portfolio:交通道路"].value("indicator.新修村组道路") == 63
