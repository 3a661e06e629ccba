"""Meeting, activity and ledger list pages run as many queries at 300 rows as at 10."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from taizhang.ledger.models import Indicator, Project, WorkEntry
from taizhang.meetings.models import Activity, Meeting, Participant

LISTS = [
    "/meetings/",
    "/meetings/activities/",
    "/ledger/",
    "/ledger/projects/",
    "/ledger/indicators/",
    "/ledger/entries/",
]


def grow(world, n: int) -> None:
    """Add ``n`` meetings, activities (each joined by every deputy), projects, indicators
    and work entries to 甲乡, all dated this year."""
    year = timezone.localdate().year
    day = date(year, 1, 1)
    start = Meeting.objects.count() + Activity.objects.count() + Project.objects.count()
    numbers = range(start, start + n)
    Meeting.objects.bulk_create(
        Meeting(code=f"HYQ{i}", township=world.jia, kind="主席团会议", name=f"会议{i}", date=day)
        for i in numbers
    )
    activities = Activity.objects.bulk_create(
        Activity(code=f"HDQ{i}", township=world.jia, kind="视察", topic=f"视察{i}", date=day)
        for i in numbers
    )
    Participant.objects.bulk_create(
        Participant(activity=a, deputy=d) for a in activities for d in world.deputies
    )
    Project.objects.bulk_create(
        Project(
            code=f"XM{i}",
            year=year,
            township=world.jia,
            name=f"项目{i}",
            responsible=world.people["p4"],
        )  # fmt: skip
        for i in numbers
    )
    Indicator.objects.bulk_create(
        Indicator(township=world.jia, year=year, name=f"指标{i}", responsible=world.people["p4"])
        for i in numbers
    )
    WorkEntry.objects.bulk_create(
        WorkEntry(person=world.people["p4"], date=day, matter=f"事项{i}") for i in numbers
    )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("persona", ["alice", "bob", "dave", "erin"])
def test_list_pages_cost_the_same_at_10_and_300_rows(login, world, persona):
    client = login(persona)
    grow(world, 10)
    urls = [u for u in LISTS if client.get(u).status_code == 200]
    assert urls  # every persona reads at least one of these lists
    small = {u: queries_for(client, u) for u in urls}
    grow(world, 290)
    large = {u: queries_for(client, u) for u in urls}
    assert large == small


def grow_accounts(world, n: int) -> None:
    """Add ``n`` village accounts and ``n`` audit rows (through the audit writer)."""
    from taizhang.accounts.models import User
    from taizhang.core.audit import audit_record
    from taizhang.core.models import AuditKind

    start = User.objects.count()
    User.objects.bulk_create(
        User(username=f"cun{i}", role="village", org_unit=world.village1)
        for i in range(start, start + n)
    )
    for i in range(n):
        audit_record(kind=AuditKind.UPDATE, object_type="people.Person", object_id=i, summary="改")


@pytest.mark.parametrize(("persona", "url"), [("frank", "/accounts/users/"), ("grace", "/audit/")])
def test_account_and_audit_lists_cost_the_same_at_10_and_300_rows(login, world, persona, url):
    client = login(persona)
    grow_accounts(world, 10)
    queries_for(client, url)  # the first request of a session also stores the session
    small = queries_for(client, url)
    grow_accounts(world, 290)
    # The audit list names the objects of its page with one query per model, so a page of
    # one model's rows may cost less than the mixed first page; never more.
    assert queries_for(client, url) <= small


def grow_drafts(world, n: int) -> None:
    """Add ``n`` personal drafts of 甲乡 people (half of them about 李四) and ``n`` batch runs."""
    from taizhang.batch.models import BatchRun
    from taizhang.documents.models import Draft

    year = timezone.localdate().year
    people = [world.people["p4"], world.people["p1"]]
    Draft.objects.bulk_create(
        Draft(
            kind="personal",
            township=world.jia,
            person=people[i % 2],
            year=year,
            title=f"文稿{i}",
            created_by=world.users["alice"],
        )  # fmt: skip
        for i in range(n)
    )
    BatchRun.objects.bulk_create(
        BatchRun(year=year, kinds=["personal"], created_by=world.users["erin"]) for _ in range(n)
    )


@pytest.mark.parametrize(
    ("persona", "url"),
    [
        ("alice", "/documents/"),
        ("bob", "/documents/"),
        ("erin", "/documents/"),
        ("erin", "/batch/"),
    ],
)
def test_document_and_batch_lists_cost_the_same_at_10_and_300_rows(login, world, persona, url):
    client = login(persona)
    grow_drafts(world, 10)
    queries_for(client, url)  # the first request of a session also stores the session
    small = queries_for(client, url)
    grow_drafts(world, 290)
    assert queries_for(client, url) == small
