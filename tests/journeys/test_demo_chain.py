"""In the browser, between demo users: demo-renda assigns the pending suggestion to 卫生院,
demo-zhansuo signs and answers it, demo-daibiao rates it, demo-renda closes it."""

from __future__ import annotations

import pytest

from taizhang.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Demo@2025"
TITLE = "关于烽火村卫生室增设夜间值班的建议"
SIZES = {"desk": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def _act(page, action, fill=None):
    page.click(f"summary:has-text('{action}')")
    form = page.locator(f"form[data-action='{action}']")
    for name, value in (fill or {}).items():
        if name == "satisfaction":
            form.locator(f"input[name=satisfaction][value={value}]").check()
        elif name == "unit":
            form.locator("select[name=unit]").select_option(label=value)
        else:
            form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def _open_from_inbox(page, live_server):
    page.goto(f"{live_server.url}/cases/inbox/")
    page.click(f"text={TITLE}")
    page.wait_for_load_state()


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_demo_users_walk_the_whole_chain(demo, browser_login, live_server, size):
    viewport = SIZES[size]
    renda = browser_login("demo-renda", PASSWORD, viewport=viewport)
    _open_from_inbox(renda, live_server)
    assert renda.locator("#case-state").inner_text() == "已登记"
    options = renda.locator("form[data-action='交办'] select[name=unit] option")
    assert "卫生院" in options.all_text_contents()  # a unit with a receiving account
    _act(renda, "交办", {"unit": "卫生院"})
    assert renda.locator("#case-state").inner_text() == "已交办"

    station = browser_login("demo-zhansuo", PASSWORD, viewport=viewport)
    assert station.locator("nav.tz-nav").count() == 1  # the home page renders for the station
    _open_from_inbox(station, live_server)
    _act(station, "签收")
    assert station.locator("#case-state").inner_text() == "办理中"
    _act(station, "答复", {"answer_text": "烽火村卫生室自下月起安排医生轮流夜间值班",
                           "answer_signer": "卫生院院长"})  # fmt: skip
    assert station.locator("#case-state").inner_text() == "已答复"

    deputy = browser_login("demo-daibiao", PASSWORD, viewport=viewport)
    _open_from_inbox(deputy, live_server)
    _act(deputy, "评价", {"satisfaction": "满意"})
    assert deputy.locator("#case-state").inner_text() == "已评价"
    if size == "phone":
        assert deputy.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    renda.reload()
    _act(renda, "办结")
    assert renda.locator("#case-state").inner_text() == "已办结"
    case = Case.objects.get(title=TITLE)
    assert case.handling_unit.name == "卫生院" and case.satisfaction == "满意"
    assert list(case.events.values_list("action", "actor__username")) == [
        ("登记", None),
        ("交办", "demo-renda"),
        ("签收", "demo-zhansuo"),
        ("答复", "demo-zhansuo"),
        ("评价", "demo-daibiao"),
        ("办结", "demo-renda"),
    ]


def test_all_demo_records_lie_in_the_demo_year(demo):
    from taizhang.demo.loader import DEMO_YEAR
    from taizhang.duty.models import DutyEntry, Expense, LiaisonContact, PublicityPiece
    from taizhang.ledger.models import Indicator, Project, WorkEntry
    from taizhang.meetings.models import Activity, Meeting

    dated = [(Case, "registered"), (Meeting, "date"), (Activity, "date"), (DutyEntry, "date"),
             (LiaisonContact, "date"), (PublicityPiece, "date"), (Expense, "date"),
             (WorkEntry, "date")]  # fmt: skip
    for model, field in dated:
        years = {d.year for d in model.objects.values_list(field, flat=True)}
        assert years <= {DEMO_YEAR}, (model.__name__, years)
    assert set(Case.objects.values_list("events__on__year", flat=True)) == {DEMO_YEAR}
    for model in (Project, Indicator):
        assert set(model.objects.values_list("year", flat=True)) <= {DEMO_YEAR}, model.__name__
