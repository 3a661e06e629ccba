"""Case intake: the form's validation, Chinese errors per field, one case per idempotency key."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from taizhang.api.models import IdempotencyKey
from taizhang.cases.models import Case

from .contract import assert_matches

PETITION = {
    "kind": "信访",
    "title": "12345转办：村道路灯不亮",
    "content": "群众来电反映一村村道路灯损坏。",
    "registered": "2025-06-02",
    "channel": "电话",
    "petitioner_name": "钱某某",
    "petitioner_phone": "13900002222",
}


def _post(client, body, key):
    return client.post("/api/v1/cases", body, **{"Idempotency-Key": key})


def test_a_petition_is_registered_as_the_form_would(api, world):
    response = _post(api("alice", "write"), {**PETITION, "village": world.village1.pk}, "h-1")
    assert response.status_code == 201
    body = response.json()
    assert_matches("/api/v1/cases", "post", 201, body)
    case = Case.objects.get()
    assert body["id"] == case.pk and case.kind == "信访" and case.state == "已登记"
    assert case.petitioner_phone == "13900002222" and body["petitioner"]["phone"] == "139****2222"
    assert case.village == world.village1 and case.registered_by == world.users["alice"]
    assert case.events.get().action == "登记"


def test_a_suggestion_by_a_deputy(api, world):
    body = {"kind": "建议", "title": "关于增设公交站点的建议", "registered": "2025-06-02"}
    response = _post(api("dave", "write"), body, "d-1")
    assert response.status_code == 201
    case = Case.objects.get()
    assert [s.person for s in case.sponsors.all()] == [world.people["dave"]]


def test_the_same_key_twice_creates_one_case(api, world):
    client = api("alice", "write")
    first = _post(client, PETITION, "same")
    second = _post(client, PETITION, "same")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert Case.objects.count() == 1
    # The same key with another body is refused; another key makes a second case.
    changed = _post(client, {**PETITION, "title": "另一件事"}, "same")
    assert changed.status_code == 409 and "幂等键" in changed.json()["detail"]
    assert _post(client, PETITION, "other").status_code == 201
    assert Case.objects.count() == 2


def test_keys_belong_to_their_user(api, world):
    assert _post(api("alice", "write"), PETITION, "k").status_code == 201
    other = _post(api("carol", "write"), {**PETITION, "village": world.village1.pk}, "k")
    assert other.status_code == 201
    assert Case.objects.count() == 2


def test_field_errors_are_chinese_and_nothing_is_written(api, world):
    bad = {"kind": "信访", "title": "", "channel": "传真", "petitioner_phone": "123",
           "petitioner_id_number": "110101199001011234"}  # fmt: skip
    response = _post(api("alice", "write"), bad, "bad-1")
    assert response.status_code == 422
    body = response.json()
    assert_matches("/api/v1/cases", "post", 422, body)
    errors = {e["field"]: e for e in body["errors"]}
    assert {"title", "channel", "petitioner_name"} <= set(errors)
    assert errors["title"]["label"] == "标题"
    assert errors["channel"]["label"] == "来源渠道"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e["message"]) for e in body["errors"])
    assert Case.objects.count() == 0 and IdempotencyKey.objects.count() == 0
    # The service's own checks come back per field too (phone, ID number).
    fixed = {**bad, "title": "标题", "channel": "来信", "petitioner_name": "孙某"}
    again = _post(api("alice", "write"), fixed, "bad-1").json()
    assert {e["field"] for e in again["errors"]} >= {"petitioner_phone"}
    assert Case.objects.count() == 0


def test_missing_key_wrong_kind_and_wrong_role(api, world):
    client = api("alice", "write")
    missing = client.post("/api/v1/cases", PETITION)
    assert missing.status_code == 422
    assert missing.json()["errors"] == [{"field": "Idempotency-Key", "message": "必须填写。"}]
    motion = _post(client, {**PETITION, "kind": "议案"}, "m")
    assert motion.status_code == 422 and motion.json()["errors"][0]["field"] == "kind"
    cadre = _post(api("bob", "write"), PETITION, "c")
    assert cadre.status_code == 403
    village_suggestion = _post(api("carol", "write"), {**PETITION, "kind": "建议"}, "v")
    assert village_suggestion.status_code == 403
    assert Case.objects.count() == 0


def test_a_future_date_is_refused_by_the_service(api, world):
    response = _post(api("alice", "write"), {**PETITION, "registered": "2999-01-01"}, "f")
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "registered",
        "label": "登记日期",
        "message": "登记日期不能晚于今天。",
    }


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_with_one_key_create_one_case(world, token_for):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are what PostgreSQL runs; SQLite serialises them")
    raw = token_for("alice", "write")
    barrier = threading.Barrier(2)
    results = []

    def send():
        from django.db import connections

        client = Client(headers={"Authorization": f"Bearer {raw}"})
        barrier.wait()
        try:
            response = _post_raw(client, PETITION, "concurrent")
            results.append((response.status_code, response.json().get("id")))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(s for s, _ in results) == [200, 201]
    assert len({case_id for _, case_id in results}) == 1
    assert Case.objects.count() == 1 and IdempotencyKey.objects.count() == 1


def _post_raw(client, body, key):
    return client.post(
        "/api/v1/cases", body, content_type="application/json", headers={"Idempotency-Key": key}
    )
