"""A bounded fuzz run of the API from its served schema: no input gives a server error.

Longer runs: raise FUZZ_EXAMPLES (bench-style) — the suite keeps a small sample.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ApiClient
from .contract import served_schema

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
# Values of any shape: right and wrong types, edge numbers, odd text.
ANY_VALUE = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=30),
    st.sampled_from(["", "0", "-1", "2025", "9" * 30, "red", "信访", "2025-02-30", "true", "%00"]),
)
JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.text(max_size=30)),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _operations():
    doc = served_schema()
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            params = op.get("parameters", [])
            yield (
                path,
                method,
                [p["name"] for p in params if p["in"] == "query"],
                [p["name"] for p in params if p["in"] == "path"],
            )


def test_get_endpoints_never_answer_5xx(world, token_for):
    client = ApiClient(token_for("alice"))
    gets = [op for op in _operations() if op[1] == "get"]

    @FUZZ
    @given(data=st.data())
    def run(data):
        path, _, query, path_params = data.draw(st.sampled_from(gets))
        url = path
        for name in path_params:
            value = data.draw(st.one_of(st.integers(-(2**70), 2**70), st.text(max_size=8)))
            url = url.replace("{" + name + "}", str(value).replace("/", "%2F") or "0")
        params = data.draw(st.dictionaries(st.sampled_from(query or ["x"]), ANY_VALUE, max_size=4))
        response = client.get(url, **{k: str(v) for k, v in params.items()})
        assert response.status_code < 500, (url, params, response.content[:300])

    run()


def test_intake_never_answers_5xx(world, token_for):
    client = ApiClient(token_for("alice", "write"))
    fields = ["kind", "title", "content", "registered", "channel", "petitioner_name",
              "petitioner_phone", "petitioner_id_number", "village", "lead", "co_sponsors"]  # fmt: skip

    @FUZZ
    @given(
        body=st.one_of(
            st.dictionaries(st.sampled_from(fields), JSON_VALUE, max_size=8),
            st.fixed_dictionaries({"kind": st.sampled_from(["信访", "建议"])}).flatmap(
                lambda base: st.dictionaries(st.sampled_from(fields[1:]), JSON_VALUE).map(
                    lambda extra: {**base, **extra}
                )
            ),
            JSON_VALUE,
        ),
        key=st.text(min_size=0, max_size=120),
    )
    def run(body, key):
        headers = {"Idempotency-Key": key} if key.isprintable() and key.isascii() else {}
        response = client.post("/api/v1/cases", body, **headers)
        assert response.status_code < 500, (body, key, response.content[:300])

    run()
