"""Self-check: every consistency rule fires on a draft mutated to break it, shown and refused."""

from __future__ import annotations

import pytest

from taizhang.documents import services
from taizhang.documents.facts import build_facts
from taizhang.documents.models import Draft
from taizhang.documents.selfcheck import blocking, claim_facts, self_check

# (rule prefix, text appended to the first section) — one mutation per rule.
MUTATIONS = [
    ("consistency.hundred-percent", "代表出席率达到100.0%。"),
    ("consistency.parts", "全年受理信访4件，其中村级受理2件、乡级受理1件。"),
    ("consistency.doubled-phrase", "主席团组织代表专题视察开展专题视察。"),
    (
        "consistency.repeated-sentence",
        "主席团坚持依法履职，认真做好代表服务工作。主席团坚持依法履职，认真做好代表服务工作。",
    ),
    ("consistency.township", "矛盾经村、镇两级共同调解。"),
    ("consistency.organ", "甲乡人民政府团委书记参加了培训。"),
]


@pytest.fixture
def draft(world, jia_session):
    return services.draft_generate(
        kind="presidium",
        variant="summary",
        year=2025,
        township=world.jia,
        actor=world.users["alice"],
    )


def _mutate(draft, text: str) -> Draft:
    block = next(b for b in draft.content["blocks"] if b["key"] not in ("_preamble", "_closing"))
    return services.draft_edit_section(
        draft=draft,
        key=block["key"],
        text=block["text"] + "\n" + text,
        expected_version=draft.version,
    )


def test_a_generated_draft_passes_its_self_check_and_exports(draft, login):
    client = login("alice")
    assert "self-check" not in client.get(f"/documents/{draft.pk}/").content.decode()
    assert client.get(f"/documents/{draft.pk}/export/docx/").status_code == 200


@pytest.mark.parametrize(("rule", "text"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_consistency_failure_is_listed_on_the_draft(draft, login, rule, text):
    _mutate(draft, text)
    page = login("alice").get(f"/documents/{draft.pk}/").content.decode()
    listing = page.split('id="self-check"', 1)[1].split("</ul>", 1)[0]
    assert f'data-rule="{rule}' in listing, listing


def test_an_error_stops_every_export_with_the_findings_named(draft, login):
    client = login("alice")
    _mutate(draft, "代表出席率达到100.0%。")
    for fmt in ("docx", "md", "html"):
        response = client.get(f"/documents/{draft.pk}/export/{fmt}/", follow=True)
        body = response.content.decode()
        assert response.redirect_chain and "暂不能导出" in body and "100.0" in body


def test_a_session_not_held_cannot_be_told_as_held(world):
    facts = build_facts(kind="presidium", year=2025, township=world.jia)
    claims = claim_facts(facts, world.jia)
    assert claims.session_held is False and claims.township_kind == "乡"
    findings = self_check("甲乡第十四届人民代表大会第七次会议胜利召开。", facts, world.jia)
    assert [f.rule for f in blocking(findings)] == ["consistency.claim-session"]


def test_report_cli_prints_nothing_for_a_consistent_document(world, jia_session, tmp_path, capsys):
    from django.core.management import call_command

    call_command(
        "report", "presidium", "--township", "甲乡", "--year", "2025", "-o", str(tmp_path / "r.md")
    )
    assert "自检" not in capsys.readouterr().err
