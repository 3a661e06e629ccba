"""API fixtures: tokens for the shared personas and a client that sends them.

Personas are those of tests/conftest.py (alice 甲乡 presidium, carol 一村 village cadre, …).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client


class ApiClient:
    """A Django test client that sends ``Authorization: Bearer <token>``."""

    def __init__(self, token: str | None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, body: dict, **headers):
        return self.client.post(
            path, body, content_type="application/json", headers={**self.headers, **headers}
        )


@pytest.fixture
def token_for(world):
    """Issue a token for a persona and return the raw value."""
    from taizhang.api.tokens import token_create

    def issue(name: str, scope: str = "read", days: int | None = None) -> str:
        return token_create(user=world.users[name], name=f"{name} 测试", scope=scope, days=days)[1]

    return issue


@pytest.fixture
def api(token_for):
    """Return an ApiClient for a persona (``api("carol")``, ``api("alice", "write")``)."""

    def make(name: str | None, scope: str = "read") -> ApiClient:
        return ApiClient(token_for(name, scope) if name else None)

    return make


@pytest.fixture
def cases(world):
    """A petition of 一村, a petition of 二村 and a suggestion by dave, all in 甲乡."""
    from taizhang.cases.services import case_register

    def petition(title, village):
        return case_register(
            kind="信访",
            township=world.jia,
            title=title,
            registered=date(2025, 3, 3),
            channel="来访",
            petitioner_name="赵某某",
            petitioner_phone="13800001111",
            village=village,
        )

    return {
        "v1": petition("一村宅基地纠纷", world.village1),
        "v2": petition("二村灌溉用水", world.village2),
        "suggestion": case_register(
            kind="建议",
            township=world.jia,
            title="关于修缮一村道路的建议",
            registered=date(2025, 3, 3),
            sponsors=[world.people["dave"]],
        ),
    }
