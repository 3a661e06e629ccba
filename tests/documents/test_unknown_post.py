"""A post title the table doesn't know: shown to the user, who picks the nearest voice."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from taizhang.documents.models import Draft


@pytest.fixture
def clerk(world):
    """李四 of 甲乡's health centre holds a post the table doesn't know (档案员)."""
    from taizhang.people.services import post_create

    person = world.people["p4"]
    post_create(person=person, unit=world.station, title="档案员", portfolios=["档案管理"],
                start=date(2022, 3, 1))  # fmt: skip
    return person


def test_the_page_names_the_unknown_title_and_drafts_in_the_chosen_voice(login, world, clerk):
    client = login("alice")
    data = {"kind_variant": "personal:summary", "year": 2025, "person": clerk.pk,
            "draft_anyway": "1"}  # fmt: skip
    response = client.post("/documents/generate/", data)
    page = response.content.decode()
    assert response.status_code == 400 and not Draft.objects.exists()
    assert "职务“档案员”不在职务表中" in page and 'name="voice"' in page
    assert '<option value="station">站所负责人</option>' in page

    response = client.post("/documents/generate/", {**data, "voice": "station"})
    draft = Draft.objects.get()
    assert response.status_code == 302 and draft.inputs["voice"] == "station"
    text = "\n".join(b["text"] for b in draft.content["blocks"])
    assert "在上级业务部门和乡党委、政府的领导下" in text
    # Regenerating a section keeps the chosen voice instead of failing on the title.
    key = next(b["key"] for b in draft.content["blocks"] if b["key"] not in ("_preamble",))
    client.post(f"/documents/{draft.pk}/section/{key}/regenerate/", {"version": draft.version})
    draft.refresh_from_db()
    assert draft.versions.count() == 2


def test_report_cli_names_the_title_and_accepts_a_voice(world, clerk, tmp_path):
    out = tmp_path / "clerk.md"
    args = ["report", "personal", "--person", "李四", "--year", "2025", "-o", str(out)]
    with pytest.raises(CommandError) as refused:
        call_command(*args, "--draft-anyway")
    assert "职务“档案员”不在职务表中" in str(refused.value) and "--voice" in str(refused.value)
    assert not out.exists()
    call_command(*args, "--draft-anyway", "--voice", "station")
    assert "在上级业务部门和乡党委、政府的领导下" in out.read_text(encoding="utf-8")
