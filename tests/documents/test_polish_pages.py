"""Polishing a draft from the editor and the command line, against a local model server."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from taizhang.core.models import AuditEvent
from taizhang.documents.draft import document_to_draft
from taizhang.documents.models import Draft
from taizhang.writer import Document, FigureRun, Paragraph, Section, TextRun
from tests.llm_server import FakeModel

BODY_MARK = "只输出润色后的正文：\n"


@pytest.fixture
def model(settings):
    server = FakeModel()
    settings.LLM_BASE_URL = server.url
    settings.LLM_MODEL = "office-model"
    settings.LLM_TIMEOUT = 5
    yield server
    server.close()


@pytest.fixture
def draft(world):
    figure = FigureRun(
        value=6, unit="件", text="6", sources=("cases.Case:1",), fact="x", label="建议"
    )
    doc = Document(
        kind="presidium",
        title="甲乡人大主席团2025年工作总结",
        subject="甲乡",
        year=2025,
        sections=[
            Section(
                level=1,
                heading="建议办理",
                key="motions",
                paragraphs=[
                    Paragraph(
                        [
                            TextRun("主席团共交办代表建议"),
                            figure,
                            TextRun("件，上访户赵小兰反映的道路问题已协调解决。"),
                        ]
                    )
                ],
            )
        ],
    )
    return Draft.objects.create(
        kind="presidium",
        variant="summary",
        township=world.jia,
        year=2025,
        title=doc.title,
        content=document_to_draft(doc),
        created_by=world.users["alice"],
    )


def _rewrite(user: str) -> str:
    return user.rsplit(BODY_MARK, 1)[-1].replace("共交办", "全年共交办")


def test_without_configuration_the_feature_is_absent(draft, login, jia_session):
    client = login("alice")
    page = client.get(f"/documents/{draft.pk}/").content.decode()
    assert "润色" not in page
    with pytest.raises(CommandError, match="TAIZHANG_LLM_BASE_URL"):
        call_command(
            "report",
            "presidium",
            "--township",
            "甲乡",
            "--year",
            "2025",
            "-o",
            "/tmp/x.md",
            "--polish",
        )


def test_a_faithful_polish_is_shown_side_by_side_and_saved_on_accept(draft, login, model):
    model.answer = _rewrite
    client = login("alice")
    assert "润色" in client.get(f"/documents/{draft.pk}/").content.decode()
    page = client.post(f"/documents/{draft.pk}/section/motions/polish/").content.decode()
    assert 'class="row g-2 polish-diff"' in page and "<ins>全年</ins>" in page
    # Nothing is saved until the user accepts.
    draft.refresh_from_db()
    assert "全年" not in draft.content["blocks"][0]["text"]

    polished = "主席团全年共交办代表建议6件，上访户赵小兰反映的道路问题已协调解决。"
    response = client.post(
        f"/documents/{draft.pk}/polish/accept/",
        {
            "accept": "motions",
            "text-motions": polished,
            "model": "office-model",
            "version": draft.version,
        },
        follow=True,
    )
    assert "个部分的润色稿" in response.content.decode()
    draft.refresh_from_db()
    block = draft.content["blocks"][0]
    assert block["text"] == polished
    figure = block["figures"][0]
    assert block["text"][figure["start"] : figure["end"]] == "6"  # still linked to its source
    assert figure["sources"] == ["cases.Case:1"]
    assert "office-model" in draft.versions.first().note
    event = AuditEvent.objects.filter(summary__startswith="文稿润色").get()
    assert "office-model" in event.summary and "赵小兰" not in event.summary
    assert "道路" not in event.summary  # the text itself is not in the trail


def test_an_unfaithful_polish_is_refused_with_the_reason(draft, login, model):
    model.answer = lambda user: _rewrite(user).replace("6件", "六件")
    client = login("alice")
    page = client.post(f"/documents/{draft.pk}/section/motions/polish/").content.decode()
    assert 'class="polish-reasons"' in page and "“6件”" in page
    before = draft.content
    draft.refresh_from_db()
    assert draft.content == before


def test_a_tampered_accept_is_refused(draft, login, model):
    client = login("alice")
    client.post(
        f"/documents/{draft.pk}/polish/accept/",
        {
            "accept": "motions",
            "text-motions": "主席团共交办代表建议9件。",
            "model": "m",
            "version": draft.version,
        },
    )
    before = draft.content
    draft.refresh_from_db()
    assert draft.content == before


def test_petitioners_names_never_leave_in_a_prompt(draft, login, model):
    model.answer = _rewrite
    login("alice").post(f"/documents/{draft.pk}/section/motions/polish/")
    assert model.bodies and all("赵小兰" not in body for body in model.bodies)


def test_the_daily_limit_holds(draft, login, model, settings):
    settings.LLM_DAILY_LIMIT = 1
    model.answer = _rewrite
    client = login("alice")
    client.post(f"/documents/{draft.pk}/section/motions/polish/")
    response = client.post(f"/documents/{draft.pk}/section/motions/polish/", follow=True)
    assert "润色次数已用完" in response.content.decode()
    assert len(model.bodies) == 1


def test_cli_polishes_and_keeps_figures(world, jia_session, model, tmp_path, capsys):
    model.answer = lambda user: user.rsplit(BODY_MARK, 1)[-1]
    out = tmp_path / "r.json"
    call_command(
        "report", "presidium", "--township", "甲乡", "--year", "2025", "-o", str(out), "--polish"
    )
    assert out.stat().st_size > 100
    assert "已润色" in capsys.readouterr().err
    assert model.bodies


def test_the_whole_draft_is_polished_section_by_section(draft, login, model):
    model.answer = _rewrite
    page = login("alice").post(f"/documents/{draft.pk}/polish/").content.decode()
    assert page.count('name="accept"') == len(draft.content["blocks"])
    assert len(model.bodies) == len(draft.content["blocks"])
