"""Year-end drafts: generation, editing with linked figures, versions, status, exports, scope."""

from __future__ import annotations

import copy
import io

import pytest
from docx import Document as DocxDocument

from taizhang.documents import services
from taizhang.documents.draft import draft_plain_text
from taizhang.documents.models import Draft


@pytest.fixture
def presidium_draft(world, jia_session):
    from taizhang.people.services import deputy_update

    for deputy in world.deputies[:2]:
        deputy_update(deputy=deputy, expected_version=deputy.version, is_info_officer=True)
    return services.draft_generate(
        kind="presidium",
        variant="summary",
        year=2025,
        township=world.jia,
        actor=world.users["alice"],
    )


def _block_with_figures(draft):
    return copy.deepcopy(next(b for b in draft.content["blocks"] if b["figures"]))


def test_generated_draft_states_roster_figures_with_sources(presidium_draft, world):
    text, figures = draft_plain_text(presidium_draft.content)
    assert "甲乡人大主席团" in text
    assert figures, "a generated draft carries linked figures"
    assert all(text[f["start"] : f["end"]] == f["text"] for f in figures)
    assert all(f["sources"] for f in figures)
    assert presidium_draft.versions.count() == 1


def test_untouched_figures_stay_linked_and_an_edited_number_loses_its_link(presidium_draft, world):
    block = _block_with_figures(presidium_draft)
    draft = services.draft_edit_section(
        draft=presidium_draft,
        key=block["key"],
        text="补充一句。" + block["text"],
        expected_version=presidium_draft.version,
    )
    kept = next(b for b in draft.content["blocks"] if b["key"] == block["key"])
    assert len(kept["figures"]) == len(block["figures"])
    assert all(kept["text"][f["start"] : f["end"]] == f["text"] for f in kept["figures"])

    figure = kept["figures"][0]
    edited = kept["text"][: figure["start"]] + "99" + kept["text"][figure["end"] :]
    draft = services.draft_edit_section(
        draft=draft, key=block["key"], text=edited, expected_version=draft.version
    )
    changed = next(b for b in draft.content["blocks"] if b["key"] == block["key"])
    assert figure["fact"] not in [f["fact"] for f in changed["figures"]]
    assert draft.versions.count() == 3


def test_stale_edit_is_refused_and_nothing_is_lost(presidium_draft):
    from taizhang.core.versioning import ConflictError

    block = _block_with_figures(presidium_draft)
    stale = presidium_draft.version
    services.draft_edit_section(
        draft=presidium_draft, key=block["key"], text="第一人修改。", expected_version=stale
    )
    other = Draft.objects.get(pk=presidium_draft.pk)
    with pytest.raises(ConflictError):
        services.draft_edit_section(
            draft=other, key=block["key"], text="第二人修改。", expected_version=stale
        )
    saved = Draft.objects.get(pk=presidium_draft.pk)
    assert (
        next(b for b in saved.content["blocks"] if b["key"] == block["key"])["text"]
        == "第一人修改。"
    )


def test_regenerating_a_section_restores_fresh_figures(presidium_draft):
    block = _block_with_figures(presidium_draft)
    services.draft_edit_section(
        draft=presidium_draft,
        key=block["key"],
        text="手工改写。",
        expected_version=presidium_draft.version,
    )
    draft = Draft.objects.get(pk=presidium_draft.pk)
    draft = services.draft_regenerate_section(
        draft=draft, key=block["key"], expected_version=draft.version
    )
    fresh = next(b for b in draft.content["blocks"] if b["key"] == block["key"])
    assert fresh["text"] == block["text"]


def test_final_draft_cannot_be_edited(presidium_draft):
    from django.core.exceptions import ValidationError

    draft = services.draft_set_status(
        draft=presidium_draft, status="final", expected_version=presidium_draft.version
    )
    with pytest.raises(ValidationError):
        services.draft_edit_section(
            draft=draft,
            key=draft.content["blocks"][0]["key"],
            text="x",
            expected_version=draft.version,
        )


def test_web_generate_edit_and_export(login, world, jia_session):
    client = login("alice")
    response = client.post(
        "/documents/generate/",
        {"kind_variant": "presidium:report", "year": 2025, "township": world.jia.pk},
    )
    assert response.status_code == 302
    draft = Draft.objects.get()
    page = client.get(f"/documents/{draft.pk}/")
    assert page.status_code == 200 and "工作报告" in page.content.decode()
    docx = client.get(f"/documents/{draft.pk}/export/docx/")
    assert docx.status_code == 200
    paragraphs = [p.text for p in DocxDocument(io.BytesIO(docx.content)).paragraphs]
    assert paragraphs[0] == draft.content["title"]
    md = client.get(f"/documents/{draft.pk}/export/md/").content.decode()
    assert md.startswith("# ")
    printable = client.get(f"/documents/{draft.pk}/export/html/")
    assert printable.status_code == 200 and "<script" not in printable.content.decode()


def test_bad_generation_request_gets_chinese_errors_not_500(login, world):
    response = login("alice").post(
        "/documents/generate/", {"kind_variant": "personal:duty", "year": "abc"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "请选择人员" in body or "输入整数" in body or "整数" in body


def test_drafts_of_another_township_are_404(presidium_draft, login):
    assert login("heidi").get(f"/documents/{presidium_draft.pk}/").status_code == 404
    assert login("alice").get(f"/documents/{presidium_draft.pk}/").status_code == 200


def test_deputy_may_only_generate_own_report(login, world, jia_session):
    client = login("dave")
    refused = client.post(
        "/documents/generate/",
        {"kind_variant": "presidium:summary", "year": 2025, "township": world.jia.pk},
    )
    assert refused.status_code == 400 and not Draft.objects.exists()
    ok = client.post(
        "/documents/generate/",
        {"kind_variant": "deputy:", "year": 2025, "person": world.people["dave"].pk},
    )
    assert ok.status_code == 302
    assert Draft.objects.get().person == world.people["dave"]


def test_report_cli_writes_each_format(world, jia_session, tmp_path, capsys):
    from django.core.management import call_command

    for ext in ("docx", "md", "html", "json"):
        out = tmp_path / f"r.{ext}"
        call_command("report", "presidium", "--township", "甲乡", "--year", "2025", "-o", str(out))
        assert out.stat().st_size > 100
    assert "已生成" in capsys.readouterr().out


def test_an_edited_number_is_flagged_against_the_ledger_on_the_draft_page(presidium_draft, login):
    block = _block_with_figures(presidium_draft)
    figure = block["figures"][0]
    wrong = str(int(figure["text"].rstrip("名件次个篇")) + 5)
    edited = (
        block["text"][: figure["start"]]
        + wrong
        + figure["text"][len(figure["text"].rstrip("名件次个篇")) :]
        + block["text"][figure["end"] :]
    )
    services.draft_edit_section(
        draft=presidium_draft,
        key=block["key"],
        text=edited,
        expected_version=presidium_draft.version,
    )
    body = login("alice").get(f"/documents/{presidium_draft.pk}/").content.decode()
    assert 'data-category="ledger"' in body
    assert "与台账不符" in body


def _finding_signature(client, draft, rule_prefix):
    from taizhang.documents.views import _draft_findings

    _, findings = _draft_findings(Draft.objects.get(pk=draft.pk))
    f = next(f for f in findings if f.rule.startswith(rule_prefix))
    return f"{f.rule}|{f.start}|{f.text}"


def test_editor_accepts_and_ignores_checker_suggestions(presidium_draft, login):
    client = login("alice")
    block = _block_with_figures(presidium_draft)
    services.draft_edit_section(
        draft=presidium_draft,
        key=block["key"],
        text=block["text"] + "其它工作同步推进。",
        expected_version=presidium_draft.version,
    )
    page = client.get(f"/documents/{presidium_draft.pk}/").content.decode()
    assert "其它" in page and 'value="accept:' in page
    draft = Draft.objects.get(pk=presidium_draft.pk)
    client.post(
        f"/documents/{draft.pk}/finding/",
        {
            "action": "accept:" + _finding_signature(client, draft, "format"),
            "version": draft.version,
        },
    )
    draft = Draft.objects.get(pk=draft.pk)
    text = next(b for b in draft.content["blocks"] if b["key"] == block["key"])["text"]
    assert text.endswith("其他工作同步推进。")
    assert len(
        next(b for b in draft.content["blocks"] if b["key"] == block["key"])["figures"]
    ) == len(block["figures"])

    services.draft_edit_section(
        draft=draft, key=block["key"], text=text + "其它。", expected_version=draft.version
    )
    draft = Draft.objects.get(pk=draft.pk)
    sig = _finding_signature(client, draft, "format")
    client.post(
        f"/documents/{draft.pk}/finding/", {"action": "ignore:" + sig, "version": draft.version}
    )
    page = client.get(f"/documents/{draft.pk}/").content.decode()
    assert f"accept:{sig}" not in page


def test_accepting_a_folded_finding_fixes_every_place_in_the_draft(presidium_draft, login):
    client = login("alice")
    block = _block_with_figures(presidium_draft)
    services.draft_edit_section(
        draft=presidium_draft,
        key=block["key"],
        text=block["text"] + "召开会议,研究工作,部署任务,落实责任。",
        expected_version=presidium_draft.version,
    )
    draft = Draft.objects.get(pk=presidium_draft.pk)
    from taizhang.documents.views import _draft_findings

    _, findings = _draft_findings(draft)
    folded = next(f for f in findings if f.rule == "punctuation.halfwidth")
    assert len(folded.spans) == 3
    sig = f"{folded.rule}|{folded.start}|{folded.text}"
    response = client.post(
        f"/documents/{draft.pk}/finding/", {"action": "accept:" + sig, "version": draft.version}
    )
    assert response.status_code == 302
    draft = Draft.objects.get(pk=draft.pk)
    text = next(b for b in draft.content["blocks"] if b["key"] == block["key"])["text"]
    assert text.endswith("召开会议，研究工作，部署任务，落实责任。")
    assert "," not in text
    assert draft.versions.order_by("-number").first().note == "采纳校对建议（3处）"
    page = client.get(f"/documents/{draft.pk}/").content.decode()
    assert 'data-rule="punctuation.halfwidth"' not in page
