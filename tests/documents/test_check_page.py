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


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"not a zip", "内容与扩展名不符"), (b"PK\x03\x04garbage", "无法读取该 Word 文件")],
)
def test_broken_upload_gets_a_chinese_message(login, payload, message):
    upload = SimpleUploadedFile("a.docx", payload)
    response = login("alice").post("/documents/check/", {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()


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


MD = '# 一、工作情况\n<p align="right">烽火乡人大主席团</p>\n\n本人认真履职,推进[乡村振兴](https://example.org/a,b)工作。\n'
HTML = '<html><body><p align="right">本人认真履职,推进工作。</p><p>a,b</p></body></html>'


@pytest.mark.parametrize(
    ("name", "content", "marked"),
    [
        ("a.md", MD, "履职,"),
        ("a.html", HTML, "履职,"),
        ("a.txt", "全年其它工作,稳步推进。", "其它"),
    ],
)
def test_markdown_html_and_text_uploads_are_checked_without_their_markup(
    login, name, content, marked
):
    upload = SimpleUploadedFile(name, content.encode("utf-8"))
    body = login("alice").post("/documents/check/", {"file": upload}).content.decode()
    assert "tz-hl" in body
    assert '<mark class="tz-hl" id="hl-0">' in body
    # Only the text is checked: the quotes of align="right" and the comma in a link address
    # are never marked.
    assert "&quot;right&quot;</mark>" not in body and "a,b</mark>" not in body
    assert marked[-1] in body


def test_accepting_in_markdown_keeps_the_markup(login):
    client = login("alice")
    from taizhang.documents.checking import run_check, signature

    (finding,) = [f for f in run_check(MD, fmt="md") if f.rule == "punctuation.halfwidth"]
    body = client.post(
        "/documents/check/",
        {"text": MD, "format": "md", "action": f"accept:{signature(finding)}"},
    ).content.decode()
    assert "本人认真履职，推进[乡村振兴](https://example.org/a,b)工作。" in body
    assert "&lt;p align=&quot;right&quot;&gt;" in body  # the tag is still in the text


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("a.pdf", b"%PDF-1.4", "只能上传 .docx、.md、.html 或 .txt 文件"),
        ("a.md", "本人认真履职".encode("gbk"), "不是 UTF-8 编码"),
        ("a.doc", b"\xd0\xcf\x11\xe0", "只能上传"),
    ],
)
def test_unreadable_uploads_get_a_chinese_message_naming_the_file(login, name, payload, message):
    upload = SimpleUploadedFile(name, payload)
    response = login("alice").post("/documents/check/", {"file": upload})
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body and name in body


def test_too_large_upload_is_refused_with_its_limit(login, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("a.md", "本人认真履职。".encode() * 60_000)
    body = login("alice").post("/documents/check/", {"file": upload}).content.decode()
    assert "文件过大" in body and "a.md" in body and "1 MB" in body
    assert 'id="check-error"' in body


def test_live_check_uses_the_fast_profile_and_the_button_the_full_one(login):
    client = login("alice")
    text = "镇政府加大对食品安全的篮管力度，其它工作稳步推进。"
    live = client.post(
        "/documents/check/", {"text": text, "action": "live"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert 'data-speed="fast"' in live and 'id="check-live"' in live
    assert "<textarea" not in live  # only the results are refreshed while typing
    assert 'data-rule="typo.spelling"' not in live and 'data-rule="format.word-form"' in live
    full = client.post("/documents/check/", {"text": text, "action": "check"}).content.decode()
    assert 'data-speed="full"' in full and 'data-rule="typo.spelling"' in full


def test_strict_box_reports_more_possible_slips(login):
    from checker.test_checker_spelling import _dev_pairs

    from taizhang.checker import check

    def slips(text, strict):
        return [
            f for f in check(text, profile="summary", strict=strict) if f.rule == "typo.spelling"
        ]

    text = next(
        s for s, t in _dev_pairs()[:300] if s != t and not slips(s, False) and slips(s, True)
    )
    client = login("alice")
    plain = client.post("/documents/check/", {"text": text, "profile": "summary"}).content.decode()
    strict = client.post(
        "/documents/check/", {"text": text, "profile": "summary", "strict": "1"}
    ).content.decode()
    assert "可能是别字" not in plain and "疑为别字" not in plain
    assert "可能是别字" in strict
    assert 'id="check-strict" name="strict" value="1" checked' in strict
