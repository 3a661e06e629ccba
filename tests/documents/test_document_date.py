"""The date under the signature: the user's, else the year's last working day once it has come."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from taizhang.documents import services
from taizhang.documents.dates import default_document_date, last_working_day
from taizhang.documents.models import Draft


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_last_working_day_skips_the_weekend(db):
    # 2022-12-31 was a Saturday; 2025-12-31 is a Wednesday.
    assert last_working_day(2022) == date(2022, 12, 30)
    assert last_working_day(2025) == date(2025, 12, 31)


def test_on_new_years_eve_after_the_last_working_day_the_default_is_that_day(db):
    with time_machine.travel(at(2022, 12, 31, 4), tick=False):
        assert default_document_date(2022) == date(2022, 12, 30)


def test_mid_year_the_default_is_today(db):
    with time_machine.travel(at(2026, 5, 12, 3), tick=False):
        assert default_document_date(2026) == date(2026, 5, 12)
        assert default_document_date(2025) == date(2025, 12, 31)


def test_today_is_read_in_asia_shanghai_not_utc(db):
    # 17:30 UTC on June 30 is already July 1 in Shanghai.
    with time_machine.travel(at(2026, 6, 30, 17, 30), tick=False):
        assert default_document_date(2026) == date(2026, 7, 1)


def test_a_generated_draft_carries_the_default_date(world, jia_session):
    with time_machine.travel(at(2026, 3, 2, 2), tick=False):
        draft = services.draft_generate(
            kind="presidium",
            variant="summary",
            year=2025,
            township=world.jia,
            actor=world.users["alice"],
        )
    assert draft.document_date == date(2025, 12, 31)
    assert draft.content["date"] == "2025年12月31日"


def test_the_date_entered_on_the_page_is_the_date_of_the_draft(login, world, jia_session):
    client = login("alice")
    response = client.post(
        "/documents/generate/",
        {
            "kind_variant": "presidium:summary",
            "year": 2025,
            "township": world.jia.pk,
            "document_date": "2026-01-06",
        },
    )
    assert response.status_code == 302
    draft = Draft.objects.get()
    assert draft.content["date"] == "2026年1月6日"
    client.post(
        f"/documents/{draft.pk}/date/", {"document_date": "2026-01-08", "version": draft.version}
    )
    draft.refresh_from_db()
    assert draft.document_date == date(2026, 1, 8) and draft.content["date"] == "2026年1月8日"
    assert "2026年1月8日" in client.get(f"/documents/{draft.pk}/").content.decode()


def test_a_date_far_from_the_year_is_refused_with_a_chinese_message(login, world, jia_session):
    response = login("alice").post(
        "/documents/generate/",
        {
            "kind_variant": "presidium:summary",
            "year": 2025,
            "township": world.jia.pk,
            "document_date": "2019-01-06",
        },
    )
    assert response.status_code == 400 and "成文日期应在2025年或2026年" in response.content.decode()
    assert not Draft.objects.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--date", "2026-01-05"], "2026年1月5日"), ([], "2025年12月31日")],
)
def test_report_cli_takes_the_date_or_the_default(world, jia_session, tmp_path, args, expected):
    from django.core.management import call_command

    out = tmp_path / "r.md"
    with time_machine.travel(at(2026, 2, 1, 1), tick=False):
        call_command(
            "report", "presidium", "--township", "甲乡", "--year", "2025", "-o", str(out), *args
        )
    assert out.read_text(encoding="utf-8").rstrip().endswith(expected)


def test_report_cli_refuses_a_malformed_date(world, jia_session, tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "report", "presidium", "--township", "甲乡", "--year", "2025", "--date", "2025-13-01",
            "-o", str(tmp_path / "r.md"),
        )  # fmt: skip
