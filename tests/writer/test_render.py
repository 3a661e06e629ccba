"""JSON offsets, HTML popovers without scripts, and Markdown of the demo documents."""

from __future__ import annotations

import json
import re

import pytest

from taizhang.writer.compose.presidium import compose_presidium
from taizhang.writer.demo import presidium_facts
from taizhang.writer.render.html import render_html
from taizhang.writer.render.json import render_json
from taizhang.writer.render.markdown import render_markdown

from .writer_cases import CASES, all_documents

IDS = [f"{k}-{v}" for k, v, _ in CASES]


@pytest.mark.parametrize("doc", all_documents(), ids=IDS)
def test_json_offsets_slice_the_plain_text_to_each_figure(doc):
    data = render_json(doc)
    json.dumps(data, ensure_ascii=False)  # serialisable as is
    assert data["text"] == doc.plain_text
    assert data["figures"]
    for f in data["figures"]:
        assert data["text"][f["start"] : f["end"]] == f["text"]
        assert f["fact"] and f["sources"]


def test_json_carries_computed_rates_with_their_sources():
    data = render_json(compose_presidium(presidium_facts()))
    rate = next(f for f in data["figures"] if f["fact"] == "session.attendance_rate")
    session = presidium_facts().section("session")
    counts = session.facts["session.expected"].sources + session.facts["session.present"].sources
    assert rate["text"] == "98.1%" and set(rate["sources"]) == set(counts)


@pytest.mark.parametrize("doc", all_documents(), ids=IDS)
def test_html_lists_the_records_behind_each_figure_without_scripts(doc):
    html = render_html(doc, full_page=True)
    assert "<script" not in html.lower()
    assert not re.search(r"\son[a-z]+\s*=", html)
    buttons = re.findall(r'<button[^>]*popovertarget="([^"]+)"[^>]*>', html)
    assert len(buttons) == len(doc.figures())
    for target in buttons:
        assert f'<div id="{target}" popover' in html
    # Popovers follow their paragraph: a <p> holds text and buttons only, never a list
    # or a popover (the browser would break the list out into the text).
    for para in re.findall(r"<p[ >].*?</p>", html, flags=re.S):
        assert not re.search(r"<(ul|ol|li|div)\b|popover(?!target)", para), para
    shown = re.sub(r"<[^>]*>", "", html)  # what a reader sees: no raw record ids
    assert not re.search(r"[a-z]+\.[A-Z][A-Za-z]+:\d+", shown)


def test_html_lists_sources_through_the_sites_listing():
    doc = compose_presidium(presidium_facts())
    seen = []

    def listing(refs):
        seen.append(tuple(refs))
        return "<ol><li>列表</li></ol>"

    html = render_html(doc, listing=listing)
    assert len(seen) == len(doc.figures()) and seen[0] == doc.figures()[0].sources
    assert html.count("<ol><li>列表</li></ol>") == len(doc.figures())


def test_markdown_keeps_headings_and_can_footnote_sources():
    doc = compose_presidium(presidium_facts())
    md = render_markdown(doc)
    assert md.startswith(f"# {doc.title}") and "烽火乡人大主席团" in doc.title
    assert "\n## 一、" in md and "98.1%" in md
    with_notes = render_markdown(doc, sources=True)
    assert re.search(r"\[\^1\]: .+：\D+\d+条", with_notes)
    assert not re.search(r"[a-z]+\.[A-Z][A-Za-z]+:\d+", with_notes)  # no raw record ids


@pytest.mark.parametrize("doc", all_documents(), ids=IDS)
def test_markdown_carries_no_html(doc):
    md = render_markdown(doc, sources=True)
    assert not re.search(r"<[a-zA-Z/!]", md)
    for line in doc.signature:  # the signature and the date are plain closing lines
        assert f"\n\n{line}" in md
