"""文稿校对 page: findings highlighted, filter by category, accept or ignore, .docx upload."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as DocxDocument

DEFECTIVE = "全年共办理建议2、5万件，其它工作稳步推进。"


def test_findings_are_highlighted_with_messages(login):
    response = login("alice").post("/documents/check/", {"text": DEFECTIVE, "profile": "summary"})
    body = response.content.decode()
    assert response.status_code == 200
    assert '<mark class="tz-hl' in body
    assert "2.5" in body  # the suggested decimal point
    assert "其他" in body


def test_accepting_a_suggestion_rewrites_the_text(login):
    client = login("alice")
    from taizhang.checker import check

    finding = next(f for f in check(DEFECTIVE) if f.category == "number")
    signature = f"{finding.rule}|{finding.start}|{finding.text}"
    response = client.post(
        "/documents/check/", {"text": DEFECTIVE, "action": f"accept:{signature}"}
    )
    body = response.content.decode()
    assert "建议2.5万件" in body
    assert "2、5" not in body


def test_ignored_finding_disappears_and_filter_keeps_one_category(login):
    client = login("alice")
    from taizhang.checker import check

    form = next(f for f in check(DEFECTIVE) if f.category == "format")
    signature = f"{form.rule}|{form.start}|{form.text}"
    ignored = client.post("/documents/check/", {"text": DEFECTIVE, "action": f"ignore:{signature}"})
    assert f'data-rule="{form.rule}"' not in ignored.content.decode()
    only_numbers = client.post("/documents/check/", {"text": DEFECTIVE, "category": "number"})
    categories = {
        c for c in ("format", "number") if f'data-category="{c}"' in only_numbers.content.decode()
    }
    assert "number" in categories
    assert '<li class="list-group-item" data-rule="format' not in only_numbers.content.decode()


def test_docx_upload_is_checked(login):
    document = DocxDocument()
    document.add_paragraph("关于20xx年工作的总结")
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("a.docx", buffer.getvalue())
    body = login("alice").post("/documents/check/", {"file": upload}).content.decode()
    assert "20xx" in body and "tz-hl" in body


@pytest.mark.parametrize("payload", [b"not a zip", b"PK\x03\x04garbage"])
def test_broken_upload_gets_a_chinese_message(login, payload):
    upload = SimpleUploadedFile("a.docx", payload)
    response = login("alice").post("/documents/check/", {"file": upload})
    assert response.status_code == 200
    assert "无法读取该 Word 文件" in response.content.decode()


def test_auditor_may_not_use_the_checker(login):
    assert login("grace").get("/documents/check/").status_code == 403


def test_a_run_of_commas_is_one_finding_and_one_accept_fixes_every_place(login):
    client = login("alice")
    from taizhang.checker import check

    text = "召开会议,研究工作,部署任务,落实责任。"
    (finding,) = check(text)
    body = client.post("/documents/check/", {"text": text}).content.decode()
    assert body.count('data-rule="punctuation.halfwidth"') == 1
    assert 'data-places="3"' in body
    assert body.count('id="hl-0"') == 1 and body.count('data-finding="hl-0"') == 2
    signature = f"{finding.rule}|{finding.start}|{finding.text}"
    body = client.post(
        "/documents/check/", {"text": text, "action": f"accept:{signature}"}
    ).content.decode()
    assert "召开会议，研究工作，部署任务，落实责任。" in body
