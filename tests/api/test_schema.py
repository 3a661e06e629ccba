"""The served OpenAPI document validates, documents every endpoint, and its page is local."""

from __future__ import annotations

import re

import pytest
from openapi_spec_validator import validate

ENDPOINTS = {
    ("/api/v1/figures", "get"),
    ("/api/v1/cases", "get"),
    ("/api/v1/cases", "post"),
    ("/api/v1/cases/{case_id}", "get"),
    ("/api/v1/cases/{case_id}/timeline", "get"),
    ("/api/v1/deputies", "get"),
    ("/api/v1/deputies/{deputy_id}/duty", "get"),
    ("/api/v1/meetings", "get"),
    ("/api/v1/meetings/{meeting_id}", "get"),
    ("/api/v1/documents", "get"),
    ("/api/v1/documents/{document_id}/docx", "get"),
    ("/api/v1/notifications", "get"),
    ("/api/v1/notifications/read", "post"),
}


def test_the_served_openapi_document_validates(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    validate(doc)
    assert doc["openapi"].startswith("3.")
    documented = {(p, m) for p, ops in doc["paths"].items() for m in ops}
    assert documented >= ENDPOINTS
    # Default deny: every operation requires the bearer token.
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op.get("security"), (path, method)
    assert doc["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_docs_page_uses_only_local_assets_without_inline_script(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert src.startswith("/static/"), src
        assert client.get(src).status_code == 200, src
    # Only a JSON data block, no executable inline script.
    for attrs, _body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attrs or 'type="application/json"' in attrs
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


@pytest.mark.browser
def test_docs_page_renders_in_chromium_under_the_csp(browser, live_server, db):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    external = []
    page.on(
        "request",
        lambda r: (
            not r.url.startswith(live_server.url)
            and not r.url.startswith("data:")
            and external.append(r.url)
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock-summary-path", has_text="timeline").first.wait_for(timeout=15000)
    assert page.locator(".opblock").count() >= len(ENDPOINTS)
    context.close()
    assert not external
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
