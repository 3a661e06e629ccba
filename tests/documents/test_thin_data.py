"""Thin data: no document without what the kind needs, unless the user drafts anyway (资料不全)."""

from __future__ import annotations

import pytest

from taizhang.documents import services
from taizhang.documents.models import Draft
from taizhang.writer.facts import Facts
from taizhang.writer.requirements import missing_records


def test_each_kind_names_what_it_lacks_on_empty_facts():
    assert "没有召开人民代表大会会议" in missing_records(Facts("presidium", "甲乡", 2025))[0]
    assert "没有分管工作的台账记录" in "；".join(missing_records(Facts("personal", "赵一", 2025)))
    assert "没有履职记录" in missing_records(Facts("deputy", "周大", 2025))[0]


def test_generation_is_refused_naming_the_missing_session(world):
    with pytest.raises(services.ThinData) as refused:
        services.draft_generate(kind="presidium", variant="summary", year=2025, township=world.jia)
    assert "2025年甲乡没有召开人民代表大会会议" in refused.value.missing[0]
    assert not Draft.objects.exists()


def test_the_page_says_what_is_missing_and_drafts_anyway_marked_incomplete(login, world):
    client = login("alice")
    data = {"kind_variant": "presidium:summary", "year": 2025, "township": world.jia.pk}
    page = client.post("/documents/generate/", data).content.decode()
    assert "台账资料不全" in page and "没有召开人民代表大会会议" in page
    assert 'name="draft_anyway" value="1"' in page and not Draft.objects.exists()

    response = client.post("/documents/generate/", {**data, "draft_anyway": "1"})
    draft = Draft.objects.get()
    assert response.status_code == 302 and draft.incomplete
    assert "没有召开人民代表大会会议" in draft.missing[0]
    editor = client.get(f"/documents/{draft.pk}/").content.decode()
    assert (
        "data-incomplete" in editor
        and "资料不全" in editor
        and "没有召开人民代表大会会议" in editor
    )
    listing = client.get("/documents/").content.decode()
    assert "data-incomplete" in listing


def test_a_full_ledger_draft_is_not_marked(world, jia_session):
    draft = services.draft_generate(
        kind="presidium",
        variant="summary",
        year=2025,
        township=world.jia,
        actor=world.users["alice"],
    )
    assert not draft.incomplete and draft.missing == []


def test_deputy_without_duty_records_is_refused(world):
    with pytest.raises(services.ThinData) as refused:
        services.draft_generate(
            kind="deputy", variant="", year=2025, township=world.jia, person=world.people["dave"]
        )
    assert "周大在2025年没有履职记录" in refused.value.missing[0]


def test_report_cli_exits_non_zero_naming_what_is_missing(world, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    out = tmp_path / "r.docx"
    args = ["report", "presidium", "--township", "甲乡", "--year", "2025", "-o", str(out)]
    # Django's command runner exits with the error's returncode.
    with pytest.raises(CommandError) as refused:
        call_command(*args)
    assert refused.value.returncode == 3
    assert "台账资料不全" in str(refused.value)
    assert "2025年甲乡没有召开人民代表大会会议" in str(refused.value)
    assert not out.exists()
    call_command(*args, "--draft-anyway")
    assert out.stat().st_size > 1000 and "资料不全" in capsys.readouterr().err
