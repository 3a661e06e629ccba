"""Role × view matrix over every page route: each demo account's GET and POST answers.

Every named route outside the JSON API has a row: the status of a GET and of an empty POST
for each of the seven demo accounts, against real records of 烽火乡 (tests/foundation/
route_targets.py). A route added without a row fails the first test, so each new page is
placed in the matrix on purpose. No account ever gets a server error, and where a role is
refused reading (403) it is refused writing too.
"""

from __future__ import annotations

import pytest
from django.test import Client

from .route_targets import concrete, routes, targets

ACCOUNTS = ["demo-admin", "demo-auditor", "demo-renda", "demo-ganbu", "demo-cun",
            "demo-daibiao", "demo-xian"]  # fmt: skip

# Routes whose second record (an attachment, a photo, a task) the demo county doesn't hold;
# their own tests cover them.
NO_RECORD_IN_DEMO = {
    "cases:attachment",
    "meetings:photo",
    "meetings:task_toggle",
    "meetings:attachment",
}

#               admin   auditor renda   ganbu   cun     daibiao xian     (GET/empty POST)
MATRIX = {
    "accounts:login": "302/302 302/302 302/302 302/302 302/302 302/302 302/302",
    "accounts:logout": "405/302 405/302 405/302 405/302 405/302 405/302 405/302",
    "accounts:notice_settings": "405/302 405/302 405/302 405/302 405/302 405/302 405/302",
    "accounts:otp": "302/302 302/302 302/302 302/302 302/302 302/302 302/302",
    "accounts:otp_enrol": "302/302 302/302 302/302 302/302 302/302 302/302 302/302",
    "accounts:password_change": "200/200 200/200 200/200 200/200 200/200 200/200 200/200",
    "accounts:person_options": "200/405 403/403 403/403 403/403 403/403 403/403 403/403",
    "accounts:profile": "200/405 200/405 200/405 200/405 200/405 200/405 200/405",
    "accounts:token_issue": "405/422 405/422 405/422 405/422 405/422 405/422 405/422",
    "accounts:token_revoke": "405/404 405/404 405/404 405/404 405/404 405/302 405/404",
    "accounts:user_create": "200/200 403/403 403/403 403/403 403/403 403/403 403/403",
    "accounts:user_edit": "200/200 403/403 403/403 403/403 403/403 403/403 403/403",
    "accounts:user_list": "200/405 403/403 403/403 403/403 403/403 403/403 403/403",
    "accounts:user_password_reset": "200/200 403/403 403/403 403/403 403/403 403/403 403/403",
    "batch:detail": "403/403 403/403 403/403 403/403 403/403 403/403 200/405",
    "batch:download": "403/403 403/403 403/403 403/403 403/403 403/403 404/405",
    "batch:index": "403/403 403/403 403/403 403/403 403/403 403/403 200/200",
    "batch:resume": "403/403 403/403 403/403 403/403 403/403 403/403 405/302",
    "cases:act": "403/403 403/403 404/404 404/404 404/404 404/404 403/403",
    "cases:attach": "403/403 403/403 405/302 405/404 405/404 405/404 405/403",
    "cases:deliveries": "200/405 403/403 403/403 403/403 403/403 403/403 403/403",
    "cases:detail": "403/403 403/403 200/200 404/404 404/404 404/404 200/200",
    "cases:figures": "403/403 403/403 200/200 200/200 200/200 403/403 200/200",
    "cases:holidays": "200/400 403/403 403/403 403/403 403/403 403/403 403/403",
    "cases:inbox": "403/403 403/403 200/200 200/200 200/200 200/200 200/200",
    "cases:inbox_read": "403/403 403/403 405/302 405/302 405/302 405/302 405/302",
    "cases:index": "403/403 403/403 200/200 200/200 200/200 200/200 200/200",
    "cases:link": "403/403 403/403 405/302 405/404 405/404 403/403 403/403",
    "cases:register": "403/403 403/403 200/200 403/403 403/403 200/200 403/403",
    "cases:remind": "403/403 403/403 405/400 405/404 405/404 403/403 403/403",
    "cases:reveal": "403/403 403/403 405/200 403/403 405/404 403/403 403/403",
    "cases:similar": "403/403 403/403 200/200 200/200 200/200 200/200 200/200",
    "cases:supervise": "403/403 403/403 405/400 405/404 405/404 403/403 403/403",
    "core:audit_list": "403/403 200/405 403/403 403/403 403/403 403/403 403/403",
    "core:settings": "200/405 403/403 403/403 403/403 403/403 403/403 403/403",
    "documents:check": "403/403 403/403 200/200 200/200 403/403 200/200 403/403",
    "documents:date": "405/403 405/403 405/302 405/404 405/403 405/404 405/403",
    "documents:detail": "403/403 403/403 200/200 404/404 403/403 404/404 200/200",
    "documents:edit_section": "403/403 403/403 404/404 404/404 403/403 404/404 403/403",
    "documents:export": "403/403 403/403 200/200 404/404 403/403 404/404 200/200",
    "documents:finding": "405/403 405/403 405/302 405/404 405/403 405/404 405/403",
    "documents:generate": "403/403 403/403 405/400 405/400 403/403 405/400 403/403",
    "documents:index": "403/403 403/403 200/200 200/200 403/403 200/200 200/200",
    "documents:polish": "403/403 403/403 405/200 405/404 403/403 405/404 403/403",
    "documents:polish_accept": "403/403 403/403 405/302 405/404 403/403 405/404 403/403",
    "documents:polish_all": "403/403 403/403 405/302 405/404 403/403 405/404 403/403",
    "documents:print_css": "200/200 200/200 200/200 200/200 200/200 200/200 200/200",
    "documents:regenerate": "405/403 405/403 405/302 405/404 405/403 405/404 405/403",
    "documents:status": "405/403 405/403 405/302 405/404 405/403 405/404 405/403",
    "duty:card": "403/403 403/403 200/200 403/403 403/403 404/404 200/200",
    "duty:entry_add": "403/403 403/403 200/200 403/403 403/403 200/200 403/403",
    "duty:expenses": "403/403 403/403 200/200 403/403 403/403 200/403 200/403",
    "duty:index": "403/403 403/403 200/200 403/403 403/403 302/302 200/200",
    "duty:liaison": "403/403 403/403 200/200 403/403 403/403 200/403 403/403",
    "duty:publicity": "403/403 403/403 200/200 403/403 403/403 200/403 200/403",
    "duty:quota_save": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "duty:quota_scheme": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "duty:quotas": "403/403 403/403 200/200 403/403 403/403 200/200 200/200",
    "exchange:errors": "403/403 403/403 404/404 404/404 403/403 403/403 403/403",
    "exchange:export": "403/403 403/403 200/400 200/403 403/403 403/403 403/403",
    "exchange:index": "403/403 403/403 200/200 200/200 403/403 403/403 403/403",
    "exchange:job": "403/403 403/403 404/404 404/404 403/403 403/403 403/403",
    "exchange:template": "403/403 403/403 200/200 200/200 403/403 403/403 403/403",
    "exchange:upload": "403/403 403/403 405/400 405/400 403/403 403/403 403/403",
    "figures:county": "403/403 403/403 403/403 403/403 403/403 403/403 200/405",
    "figures:index": "403/403 403/403 200/405 200/405 200/405 403/403 200/405",
    "ledger:entry_create": "403/403 403/403 403/403 200/200 403/403 403/403 403/403",
    "ledger:entry_edit": "403/403 403/403 403/403 404/404 403/403 403/403 403/403",
    "ledger:entry_list": "403/403 403/403 200/200 200/200 403/403 403/403 200/200",
    "ledger:index": "403/403 403/403 200/200 200/200 403/403 403/403 200/200",
    "ledger:indicator_create": "403/403 403/403 403/403 200/200 403/403 403/403 403/403",
    "ledger:indicator_edit": "403/403 403/403 403/403 404/404 403/403 403/403 403/403",
    "ledger:indicator_list": "403/403 403/403 200/200 200/200 403/403 403/403 200/200",
    "ledger:person_year": "403/403 403/403 200/200 404/404 403/403 403/403 200/200",
    "ledger:project_create": "403/403 403/403 403/403 200/200 403/403 403/403 403/403",
    "ledger:project_edit": "403/403 403/403 403/403 404/404 403/403 403/403 403/403",
    "ledger:project_list": "403/403 403/403 200/200 200/200 403/403 403/403 200/200",
    "meetings:activity_detail": "403/403 403/403 200/200 404/404 403/403 200/200 200/200",
    "meetings:activity_edit": "403/403 403/403 200/200 403/403 403/403 403/403 403/403",
    "meetings:activity_list": "403/403 403/403 200/200 200/200 403/403 200/200 200/200",
    "meetings:activity_new": "403/403 403/403 200/200 403/403 403/403 403/403 403/403",
    "meetings:agenda_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:attachment_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:checkin": "403/403 403/403 200/200 200/200 403/403 200/200 200/200",
    "meetings:election_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:group_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:index": "403/403 403/403 200/200 200/200 403/403 200/200 200/200",
    "meetings:mark": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:mark_form": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:meeting_detail": "403/403 403/403 200/200 404/404 403/403 200/200 200/200",
    "meetings:meeting_edit": "403/403 403/403 200/200 403/403 403/403 403/403 403/403",
    "meetings:meeting_new": "403/403 403/403 200/200 403/403 403/403 403/403 403/403",
    "meetings:minutes_save": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:open": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:opinion_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:photo_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:qr": "403/403 403/403 200/200 404/404 403/403 200/200 200/200",
    "meetings:rating_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "meetings:roll": "403/403 403/403 200/200 404/404 403/403 200/200 200/200",
    "meetings:task_add": "403/403 403/403 405/302 403/403 403/403 403/403 403/403",
    "people:deputy_create": "403/403 403/403 200/200 403/403 403/403 403/403 403/403",
    "people:deputy_edit": "403/403 403/403 200/200 403/403 403/403 403/403 403/403",
    "people:deputy_list": "403/403 403/403 200/405 200/405 200/405 200/405 200/405",
    "people:person_create": "403/403 403/403 200/200 403/403 200/200 403/403 403/403",
    "people:person_detail": "403/403 403/403 200/405 404/405 404/405 404/405 200/405",
    "people:person_edit": "403/403 403/403 200/200 403/403 404/404 403/403 403/403",
    "people:person_list": "403/403 403/403 200/405 200/405 200/405 200/405 200/405",
    "people:person_reveal": "403/403 403/403 405/200 403/403 405/404 403/403 403/403",
    "people:post_create": "403/403 403/403 200/200 403/403 404/404 403/403 403/403",
    "people:post_edit": "403/403 403/403 200/200 403/403 404/404 403/403 403/403",
    "people:post_list": "403/403 403/403 200/405 200/405 200/405 200/405 200/405",
    "web:dashboard": "200/405 200/405 200/405 200/405 200/405 200/405 200/405",
    "web:org_tree": "200/405 403/403 200/405 200/405 200/405 403/403 200/405",
}


def test_every_route_has_a_row():
    names = {name for name, _ in routes()}
    assert names - set(MATRIX) - NO_RECORD_IN_DEMO == set(), "add the new routes to MATRIX"
    assert set(MATRIX) - names == set(), "routes gone: remove their rows"


@pytest.mark.django_db
def test_each_account_gets_what_its_role_allows(demo):
    from taizhang.accounts.models import User

    found = targets()
    users = {u.username: u for u in User.objects.filter(username__in=ACCOUNTS)}
    client = Client(raise_request_exception=False)
    wrong = []
    for name, route in routes():
        if name in NO_RECORD_IN_DEMO:
            continue
        url = concrete(name, route, found, 2025)
        assert url, name
        expected = dict(zip(ACCOUNTS, MATRIX[name].split(), strict=True))
        for username in ACCOUNTS:
            client.force_login(users[username])  # again: the logout route ends the session
            got = f"{client.get(url).status_code}/{client.post(url, {}).status_code}"
            if got != expected[username]:
                wrong.append((name, username, f"expected {expected[username]}, got {got}"))
    assert wrong == []


def test_the_matrix_never_lets_a_refused_reader_write():
    for name, row in MATRIX.items():
        for account, cell in zip(ACCOUNTS, row.split(), strict=True):
            get, post = cell.split("/")
            assert "500" not in (get, post), (name, account)
            if get == "403":
                assert post == "403", (name, account)
