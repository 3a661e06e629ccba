"""Default deny: every URL pattern of the project sends an anonymous visitor to the login page.

The walk reads the resolver at run time, so patterns other apps add later are covered too.
"""

from __future__ import annotations

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

LOGIN = "/accounts/login/"
# Routes an anonymous visitor may reach: the login form itself.
PUBLIC = {"accounts:login"}
# The JSON API answers 401 (no token) instead of a login redirect; its schema and docs
# page are public (they hold no data).
API_PUBLIC = {"/api/v1/openapi.json", "/api/v1/docs"}

DUMMY = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x/y",
    "uuid": str(uuid.UUID(int=1)),
}


def _fill(pattern) -> str:
    """Turn one pattern into a concrete path, filling converters with dummy values."""
    route = getattr(pattern, "_route", None)
    if route is None:  # a regex pattern: fill each group with a digit
        import re

        regex = pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\Z", "")
        return re.sub(r"\(\?P<\w+>[^)]*\)|\([^)]*\)", "1", regex).replace("\\", "")
    out = route
    for name, converter in pattern.converters.items():
        kind = type(converter).__name__.replace("Converter", "").lower()
        value = DUMMY.get(kind, "1")
        for form in (f"<{kind}:{name}>", f"<{name}>"):
            out = out.replace(form, value)
        # custom converters: fall back to whatever the regex accepts first
        out = out.replace(f"<{type(converter).__name__}:{name}>", value)
    return out


def walk(patterns=None, prefix: str = "", namespace: str = ""):
    """Yield (url name, concrete path) for every endpoint under the root resolver."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from walk(p.url_patterns, prefix + _fill(p.pattern), inner)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            yield name or repr(p), "/" + prefix + _fill(p.pattern)


ALL = sorted(set(walk()))


def test_the_walk_finds_the_foundation_routes():
    names = {name for name, _ in ALL}
    assert {"people:person_list", "core:audit_list", "web:dashboard", "accounts:login"} <= names
    assert len(ALL) >= 20


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "path"), ALL, ids=[n for n, _ in ALL])
def test_anonymous_request_goes_to_login(client, name, path, method):
    response = getattr(client, method)(path)
    if path.startswith("/api/"):
        expected = {200, 405} if path in API_PUBLIC else {401, 405}
        if path == "/api/v1/":  # ninja's root route: no operation there
            expected = {404}
        assert response.status_code in expected, (name, path, response.status_code)
        return
    if name in PUBLIC:
        assert response.status_code in (200, 403)  # 403: POST without a CSRF token
        return
    assert response.status_code == 302, (name, path, response.status_code)
    assert response["Location"].startswith(LOGIN), (name, response["Location"])


@pytest.mark.django_db
def test_anonymous_logout_goes_to_login(client):
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "asset",
    ["/static/vendor/htmx.min.js", "/static/vendor/bootstrap.min.css", "/static/taizhang/app.js"],
)
def test_static_assets_are_served_without_login(client, asset):
    response = client.get(asset)
    assert response.status_code == 200


@pytest.mark.django_db
def test_login_page_is_public(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()
    assert 'name="password"' in response.content.decode()
