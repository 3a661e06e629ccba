"""A contract test per endpoint (the body matches the served schema) and the pages' scope."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document

from taizhang.cases.models import Case
from taizhang.core.versioning import NEW

from .contract import assert_matches


@pytest.fixture
def meeting(world):
    from taizhang.meetings.services.sessions import attendance_set, meeting_create

    m = meeting_create(township=world.jia, kind="人代会", name="甲乡第十四届人大第五次会议",
                       date=date(2025, 1, 10), term="第十四届", session="第五次")  # fmt: skip
    attendance_set(meeting=m, deputy=world.deputies[0], status="出席", expected_version=NEW)
    attendance_set(
        meeting=m, deputy=world.deputies[1], status="请假", reason="外出", expected_version=NEW
    )
    return m


@pytest.fixture
def duty(world):
    from taizhang.duty.services import duty_entry_create

    return duty_entry_create(person=world.people["dave"], township=world.jia, day=date(2025, 5, 6),
                             type="走访选民", content="走访一村三户", quantity=3)  # fmt: skip


@pytest.fixture
def draft(world, cases, meeting):
    from taizhang.documents.services import draft_generate

    return draft_generate(kind="presidium", variant="summary", year=2025, township=world.jia,
                          actor=world.users["alice"])  # fmt: skip


def test_figures_with_their_sources(api, cases):
    response = api("alice").get("/api/v1/figures", year=2025)
    assert response.status_code == 200
    body = response.json()
    assert_matches("/api/v1/figures", "get", 200, body)
    assert body["township"]["name"] == "甲乡" and body["year"] == 2025
    petitions = next(f for f in body["figures"] if f["sources"] and "信访" in f["label"])
    assert petitions["value"] == len(petitions["sources"])
    assert all(re.fullmatch(r"cases\.Case:\d+", s) for s in petitions["sources"])


def test_figures_of_another_township_are_404(api, world):
    response = api("heidi").get("/api/v1/figures", township=world.jia.pk, year=2025)
    assert response.status_code == 404
    assert_matches("/api/v1/figures", "get", 404, response.json())


def test_case_list_filters_and_pages(api, cases):
    client = api("alice")
    body = client.get("/api/v1/cases", kind="信访", limit=1).json()
    assert_matches("/api/v1/cases", "get", 200, body)
    assert len(body["items"]) == 1 and body["next_offset"] == 1
    second = client.get("/api/v1/cases", kind="信访", limit=1, offset=1).json()
    assert second["next_offset"] is None
    assert {body["items"][0]["kind"], second["items"][0]["kind"]} == {"信访"}
    found = client.get("/api/v1/cases", q="灌溉").json()["items"]
    assert [c["code"] for c in found] == [cases["v2"].code]
    assert (
        client.get("/api/v1/cases", village=cases["v1"].village_id).json()["items"][0]["id"]
        == cases["v1"].pk
    )


def test_case_detail_masks_the_petitioner_as_the_page_does(api, login, cases):
    case = cases["v1"]
    body = api("alice").get(f"/api/v1/cases/{case.pk}").json()
    assert_matches("/api/v1/cases/{case_id}", "get", 200, body)
    assert body["petitioner"] == {"name": "赵**", "phone": "138****1111", "id_number": "",
                                  "address": ""}  # fmt: skip
    page = login("alice").get(f"/cases/{case.pk}/").content.decode()
    assert "赵**" in page and "138****1111" in page and "13800001111" not in page
    assert "13800001111" not in str(body)


def test_case_timeline(api, cases):
    from taizhang.cases.services import case_transition

    case = case_transition(case=cases["v1"], action="受理", actor=None)
    body = api("alice").get(f"/api/v1/cases/{case.pk}/timeline").json()
    assert_matches("/api/v1/cases/{case_id}/timeline", "get", 200, body)
    assert [e["action"] for e in body] == ["登记", "受理"]


def test_village_token_sees_only_its_village_exactly_as_the_page(api, login, cases):
    listed = {c["code"] for c in api("carol").get("/api/v1/cases").json()["items"]}
    page = login("carol").get("/cases/").content.decode()
    on_page = {c.code for c in Case.objects.all() if c.code in page}
    assert listed == on_page == {cases["v1"].code}
    for name in ("v2", "suggestion"):
        assert api("carol").get(f"/api/v1/cases/{cases[name].pk}").status_code == 404
        assert login("carol").get(f"/cases/{cases[name].pk}/").status_code == 404
    other = api("heidi").get("/api/v1/cases").json()["items"]
    assert other == []


def test_deputies_masked_and_scoped(api, world):
    body = api("alice").get("/api/v1/deputies").json()
    assert_matches("/api/v1/deputies", "get", 200, body)
    assert len(body["items"]) == 3
    dave = next(d for d in body["items"] if d["person"]["name"] == "周大")
    assert dave["person"]["phone"] == "138****0005"
    assert "*" in dave["person"]["id_number"] and world.people["dave"].id_number not in str(body)
    own = api("dave").get("/api/v1/deputies").json()["items"]
    assert [d["person"]["name"] for d in own] == ["周大"]
    assert api("heidi").get("/api/v1/deputies").json()["items"] == []


def test_duty_record_of_a_deputy(api, world, duty):
    deputy = world.deputies[2]  # dave
    body = api("dave").get(f"/api/v1/deputies/{deputy.pk}/duty", year=2025).json()
    assert_matches("/api/v1/deputies/{deputy_id}/duty", "get", 200, body)
    assert body["entries"][0]["content"] == "走访一村三户" and body["entries"][0]["quantity"] == 3
    other = world.deputies[0]
    assert api("dave").get(f"/api/v1/deputies/{other.pk}/duty").status_code == 404


def test_meetings_with_roll(api, world, meeting):
    listing = api("alice").get("/api/v1/meetings").json()
    assert_matches("/api/v1/meetings", "get", 200, listing)
    assert [m["id"] for m in listing] == [meeting.pk]
    body = api("alice").get(f"/api/v1/meetings/{meeting.pk}").json()
    assert_matches("/api/v1/meetings/{meeting_id}", "get", 200, body)
    assert body["summary"]["expected"] == 3 and body["summary"]["present"] == 1
    assert {r["name"]: r["status"] for r in body["roll"]} == {"赵一": "出席", "钱二": "请假",
                                                             "周大": ""}  # fmt: skip
    assert api("heidi").get(f"/api/v1/meetings/{meeting.pk}").status_code == 404


def test_documents_list_and_docx_download(api, draft):
    listing = api("alice").get("/api/v1/documents").json()
    assert_matches("/api/v1/documents", "get", 200, listing)
    assert [d["id"] for d in listing] == [draft.pk]
    response = api("alice").get(f"/api/v1/documents/{draft.pk}/docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "甲乡" in text
    assert api("heidi").get(f"/api/v1/documents/{draft.pk}/docx").status_code == 404
    assert api("carol").get("/api/v1/documents").status_code == 403


def test_docx_download_runs_the_self_check_and_refuses_a_contradicting_draft(api, draft):
    from taizhang.documents.services import draft_edit_section

    block = next(b for b in draft.content["blocks"] if b["key"] not in ("_preamble", "_closing"))
    draft_edit_section(draft=draft, key=block["key"], text=block["text"] + "\n出席率达到100.0%。",
                       expected_version=draft.version)  # fmt: skip
    response = api("alice").get(f"/api/v1/documents/{draft.pk}/docx")
    assert response.status_code == 409
    body = response.json()
    assert_matches("/api/v1/documents/{document_id}/docx", "get", 409, body)
    assert "自检发现" in body["detail"] and "“100.0”" in body["detail"]


def test_bad_query_values_get_chinese_field_errors(api, cases):
    response = api("alice").get("/api/v1/cases", limit="many")
    assert response.status_code == 422
    body = response.json()
    assert_matches("/api/v1/cases", "get", 422, body)
    assert body["errors"] == [{"field": "limit", "message": "须为整数。"}]


def test_notifications_list_and_mark_read(api, world, cases):
    from taizhang.cases.services import case_remind, case_transition

    case = case_transition(case=cases["suggestion"], action="交办", actor=None, unit=world.station)
    case_remind(case=case, actor=world.users["alice"], note="请加快办理")
    bob = api("bob", "write")
    body = bob.get("/api/v1/notifications", unread="true").json()
    assert_matches("/api/v1/notifications", "get", 200, body)
    assert [n["kind"] for n in body] == ["urge", "assigned"]
    assert all(n["case_code"] == case.code and not n["is_read"] for n in body)
    marked = bob.post("/api/v1/notifications/read", {"case_id": case.pk})
    assert marked.status_code == 200 and marked.json() == {"marked": 2}
    assert bob.get("/api/v1/notifications", unread="true").json() == []
    assert api("heidi", "write").post("/api/v1/notifications/read",
                                      {"case_id": case.pk}).status_code == 404  # fmt: skip
