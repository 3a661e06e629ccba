"""The demo county loads once; loading it again changes no table."""

from __future__ import annotations

from taizhang.core.backup import row_counts
from taizhang.core.models import OrgUnit
from taizhang.demo.loader import load_demo
from taizhang.people.models import Deputy


def test_second_demo_load_changes_no_row_count(demo):
    first = row_counts()
    logins = load_demo()
    assert row_counts() == first
    assert {name for name, _ in logins} == {
        "demo-admin",
        "demo-auditor",
        "demo-renda",
        "demo-ganbu",
        "demo-cun",
        "demo-daibiao",
        "demo-xian",
        "demo-zhansuo",
    }


def test_demo_county_has_the_promised_roster(demo):
    fenghuo = OrgUnit.objects.get(kind="township", name="烽火乡")
    deputies = Deputy.objects.filter(township=fenghuo, term="第十四届", level="乡镇")
    assert deputies.count() == 54
    assert deputies.filter(is_info_officer=True).count() == 21
    assert OrgUnit.objects.filter(kind="township").count() == 2
    assert OrgUnit.objects.filter(kind="village", township__name="烽火乡").exists()
    assert OrgUnit.objects.filter(kind="station", township=fenghuo).count() >= 7


def test_demo_accounts_are_demo_flagged_and_need_no_password_change(demo):
    from taizhang.accounts.models import User

    users = User.objects.filter(username__startswith="demo-")
    assert users.count() == 8
    assert all(u.is_demo and not u.must_change_password for u in users)
    assert all(u.check_password("Demo@2025") for u in users)
