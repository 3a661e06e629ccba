"""Notices (催办, 交办) reach the handling unit's users as a header badge on every page,
with read/unread state kept per user."""

from __future__ import annotations

from django.test import Client

from taizhang.accounts.services import user_create
from taizhang.cases.models import CaseReminder
from taizhang.cases.services import case_remind, case_transition


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _badge(client, url="/cases/") -> str | None:
    html = client.get(url).content.decode()
    if 'id="tz-notify"' not in html:
        return None
    start = html.index('id="tz-notify"')
    return html[start : html.index("</a>", start)]


def test_reminder_badge_on_every_page_until_read_per_user(world, suggestion):
    case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    # A second user of the same station (卫生院) shares the unit's reminders.
    colleague = user_create(
        username="bob2",
        password="Xx-12345678",
        role="cadre",
        org_unit=world.station,
        must_change_password=False,
        validate=False,
    )
    bob, bob2 = _client(world.users["bob"]), _client(colleague)
    # The 交办 itself is a notice to the station's users; bob clears his.
    assert "提醒 1" in _badge(bob) and "【交办】" in bob.get("/cases/inbox/").content.decode()
    bob.post("/cases/inbox/read/")
    assert _badge(bob) is None

    case_remind(case=case, actor=world.users["alice"], note="请加快办理")
    case_remind(case=case, actor=world.users["alice"], note="再次催办")

    for url in ("/", "/cases/", "/cases/inbox/"):
        badge = _badge(bob, url)
        assert badge is not None and "提醒 2" in badge and 'href="/cases/inbox/"' in badge
    inbox = bob.get("/cases/inbox/").content.decode()
    assert "2 条未读" in inbox and "请加快办理" in inbox
    # The presidium that sent them and a unit elsewhere see no badge.
    assert _badge(_client(world.users["alice"])) is None
    assert _badge(_client(world.users["carol"])) is None

    # Marking read needs POST; a GET changes nothing.
    assert bob.get("/cases/inbox/read/").status_code == 405
    assert bob.post("/cases/inbox/read/").status_code == 302
    assert _badge(bob) is None
    assert "未读" not in bob.get("/cases/inbox/").content.decode().split("超期）")[1][:60]
    # Read state is per user: the colleague still has both unread.
    assert "提醒 3" in _badge(bob2)  # the 交办 and both 催办
    assert CaseReminder.objects.filter(read_at__isnull=False).count() == 3

    # A new reminder is unread again; opening the case reads it.
    case_remind(case=case, actor=world.users["alice"], note="第三次催办")
    assert "提醒 1" in _badge(bob)
    assert bob.get(f"/cases/{case.pk}/").status_code == 200
    assert _badge(bob) is None
    assert "提醒 4" in _badge(bob2)


def test_badge_costs_one_query_and_none_for_other_roles(
    world, suggestion, django_assert_max_num_queries
):
    case = case_transition(case=suggestion, action="交办", actor=None, unit=world.station)
    case_remind(case=case, actor=world.users["alice"], note="请加快办理")
    from taizhang.cases.context import notifications

    class Request:
        user = world.users["bob"]

    with django_assert_max_num_queries(2):  # the count (and bob's person, once)
        assert notifications(Request())["case_unread"]() == 2  # the 交办 and the 催办
    Request.user = world.users["erin"]  # county leaders get no notices: no query at all
    assert notifications(Request())["case_unread"] == 0
