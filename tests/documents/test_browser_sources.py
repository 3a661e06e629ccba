"""In chromium: figure sources sit in popovers outside the text; the print matches Word.

The draft page and the printed page keep each paragraph's text exactly the document's
text (no source title, date or id spills into it); a click on a figure opens its popover
of record titles; printed on A4 with the print stylesheet, a presidium summary has as
many pages as its Word file rendered by LibreOffice, give or take one.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from taizhang.writer.compose.presidium import compose_presidium
from taizhang.writer.demo import presidium_facts
from taizhang.writer.render.docx import render_docx
from taizhang.writer.render.fonts import fontconfig_env
from taizhang.writer.render.html import render_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RAW_ID = re.compile(r"\b[a-z]+\.[A-Z][A-Za-z]+:\d+")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def pdf_pages(pdf: bytes | str, tmp_path, name: str) -> int:
    """Count a PDF's pages with poppler's pdfinfo."""
    path = tmp_path / f"{name}.pdf"
    if isinstance(pdf, bytes):
        path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def word_pages(docx: bytes, tmp_path, name: str) -> int:
    """Render a DOCX with LibreOffice (the project's font rules) and count its pages."""
    (tmp_path / f"{name}.docx").write_bytes(docx)
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / f"{name}.docx")],
        check=True, capture_output=True, timeout=240, env=fontconfig_env(),
    )  # fmt: skip
    return pdf_pages(str(tmp_path / f"{name}.pdf"), tmp_path, name)


def printed_pages(page, tmp_path, name: str) -> int:
    page.emulate_media(media="print")
    return pdf_pages(page.pdf(format="A4", prefer_css_page_size=True), tmp_path, f"{name}-print")


def generate_summary(page, live_server, world) -> None:
    from taizhang.people.services import deputy_update

    for deputy in world.deputies:
        deputy_update(deputy=deputy, expected_version=deputy.version, is_info_officer=True)
    page.goto(f"{live_server.url}/documents/")
    page.select_option("select[name=kind_variant]", "presidium:summary")
    page.fill("input[name=year]", "2025")
    page.select_option("select[name=township]", label="甲乡")
    page.click("button:has-text('生成年终总结')")
    page.wait_for_selector("#draft-body")


def test_draft_page_keeps_sources_out_of_the_text_and_opens_them_on_click(
    browser_login, live_server, world, jia_session
):
    from taizhang.documents.models import Draft

    page = browser_login("alice")
    generate_summary(page, live_server, world)
    draft = Draft.objects.get()
    paragraphs = page.locator("#draft-body p.tz-doc").all_inner_texts()
    assert paragraphs == [b["text"] for b in draft.content["blocks"]]
    assert page.locator("p [popover], p ol, p ul").count() == 0
    assert not RAW_ID.search(page.content())
    listed = page.locator(".tz-sources li").all_text_contents()
    assert listed and not any(ISO_DAY.search(p) for p in paragraphs)
    page.click("button.tz-fig >> nth=0")
    popover = page.locator("[popover]:popover-open")
    expect(popover).to_have_count(1)
    assert "条记录" in popover.inner_text() and popover.locator("li").count() >= 1


def test_printed_draft_has_no_sources_and_the_pages_of_its_word_file(
    browser_login, live_server, world, jia_session, tmp_path
):
    from taizhang.documents.models import Draft

    page = browser_login("alice")
    generate_summary(page, live_server, world)
    pk = Draft.objects.get().pk
    docx = page.request.get(f"{live_server.url}/documents/{pk}/export/docx/").body()
    page.goto(f"{live_server.url}/documents/{pk}/export/html/")
    text = page.locator("article.tz-doc").inner_text()
    assert "条记录" not in text and not ISO_DAY.search(text) and not RAW_ID.search(page.content())
    assert page.locator("p [popover], p ol, p ul").count() == 0
    page.click("button.tz-fig >> nth=0")
    expect(page.locator("[popover]:popover-open")).to_have_count(1)
    assert page.locator(".tz-sources li a").count() >= 1  # titles linking to the records
    page.keyboard.press("Escape")
    printed = printed_pages(page, tmp_path, "draft")
    assert abs(printed - word_pages(docx, tmp_path, "draft")) <= 1


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_a_full_presidium_summary_prints_on_as_many_pages_as_in_word(browser, tmp_path):
    doc = compose_presidium(presidium_facts())
    page = browser.new_page()
    page.set_content(render_html(doc, full_page=True))
    printed = printed_pages(page, tmp_path, "summary")
    word = word_pages(render_docx(doc), tmp_path, "summary")
    page.close()
    assert printed >= 3 and abs(printed - word) <= 1, (printed, word)
