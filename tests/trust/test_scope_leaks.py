"""Pages and messages reveal nothing outside the user's data scope."""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone

from taizhang.meetings import services as meetings
from tests.exchange.helpers import messages, run


def _case(world, village, title):
    from taizhang.cases.services import case_register

    return case_register(kind="信访", township=world.jia, title=title, registered=date(2025, 3, 3),
                         channel="来访", petitioner_name="赵某某", village=village)  # fmt: skip


def test_village_cadre_sees_only_village_figures(login, world):
    _case(world, world.village1, "一村的事")
    _case(world, world.village2, "二村的事")
    _case(world, world.village2, "二村的另一件事")
    page = login("carol").get("/cases/figures/?year=2025").content.decode()
    assert "一村 2025 年" in page
    assert _petitions(page) == 1
    township = login("alice").get("/cases/figures/?year=2025").content.decode()
    assert _petitions(township) == 3


def _petitions(page: str) -> int:
    """The 信访事项 figure as the page states it (its value cell, not its sources)."""
    found = re.search(r'<tr id="cases\.petitions"><td>信访事项</td><td[^>]*>\s*(\d+)', page)
    assert found, "no 信访事项 row"
    return int(found.group(1))


def _meeting(world, township, kind="人代会", code=""):
    now = timezone.now()
    return meetings.meeting_create(
        township=township, kind=kind, name="乙镇机密会议" if township == world.yi else "甲乡会议",
        date=timezone.localdate(), place="乙镇会议室", code=code,
        window_start=now - timezone.timedelta(minutes=5), window_end=now + timezone.timedelta(hours=1),
    )  # fmt: skip


def test_checkin_page_shows_nothing_outside_scope_nor_which_ids_exist(login, world):
    other = _meeting(world, world.yi)
    client = login("dave")  # a deputy of 甲乡
    real = client.get(f"/meetings/{other.pk}/checkin/{meetings.checkin_token(other)}/")
    forged = client.get(f"/meetings/{other.pk}/checkin/anything/")
    missing = client.get(f"/meetings/{other.pk + 999}/checkin/anything/")
    bodies = [r.content.decode() for r in (real, forged, missing)]
    for body in bodies:
        assert "乙镇机密会议" not in body and "乙镇会议室" not in body
    card = [b.split('id="checkin-card"')[1].split("</div>\n</div>")[0] for b in bodies]
    assert card[0] == card[1] == card[2]
    assert {r.status_code for r in (real, forged, missing)} == {200}


def test_import_error_does_not_name_the_unit_holding_an_id_number(world, tmp_path):
    p1 = world.people["p1"]  # 赵一 of 甲乡一村
    head = ["姓名", "所在单位", "身份证号"]
    result = run(tmp_path, {"人员": [head, ["某人", "乙镇三村", p1.id_number]]},
                 user=world.users["heidi"])  # fmt: skip
    text = " ".join(m[3] for m in messages(result))
    assert "不在您的数据范围内" in text
    assert "一村" not in text and "甲乡" not in text


def test_deputy_sees_only_own_line_of_a_presidium_meeting_roll(login, world):
    meeting = _meeting(world, world.jia, kind="主席团会议")
    page = login("dave").get(f"/meetings/{meeting.pk}/").content.decode()
    # A presidium meeting keeps no roll of the deputies (its members attend), so the deputy
    # sees no other deputy's line; the presidium sees the meeting as it was recorded.
    assert "赵一" not in page and "钱二" not in page
    assert login("alice").get(f"/meetings/{meeting.pk}/").status_code == 200
