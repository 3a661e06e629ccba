"""Check a response body against the schema the API itself serves (OpenAPI 3.1 = JSON Schema)."""

from __future__ import annotations

from functools import cache

from django.test import Client
from jsonschema import Draft202012Validator


@cache
def served_schema() -> dict:
    return Client().get("/api/v1/openapi.json").json()


def assert_matches(path: str, method: str, status: int, body) -> None:
    """Validate ``body`` against the documented ``status`` response of ``method path``."""
    doc = served_schema()
    operation = doc["paths"][path][method]
    content = operation["responses"][str(status)]["content"]["application/json"]
    validator = Draft202012Validator({"components": doc["components"], **content["schema"]})
    errors = sorted(validator.iter_errors(body), key=str)
    assert not errors, [e.message for e in errors[:5]]
