"""Summary rows follow every write path: a form, a workbook import, a workflow transition."""

from __future__ import annotations

from datetime import date

from taizhang.cases.models import Case
from taizhang.cases.services import case_register, case_transition
from taizhang.figures.models import TownshipYearFigures
from taizhang.figures.registry import figures_for
from taizhang.figures.rollup import COLUMNS, county_rollup
from tests.exchange.helpers import messages, run

YEAR = 2025


def _cell(township, key: str, year: int = YEAR):
    rows, _ = county_rollup([township], year)
    return rows[0].cells[[c.key for c in COLUMNS].index(key)].value


def _stored(township, key: str, year: int = YEAR):
    """The stored summary cell, as the write path left it (no recomputation on read)."""
    row = TownshipYearFigures.objects.get(township=township, year=year)
    assert row.stale is False, "the write path recomputed the row after its commit"
    return row.cells[key][0]


def _registered(world, title: str):
    return case_register(
        kind="建议",
        township=world.jia,
        title=title,
        registered=date(YEAR, 4, 1),
        sponsors=[world.people["dave"]],
    )


def test_a_petition_registered_through_the_form_shows_at_once(
    login, world, django_capture_on_commit_callbacks
):
    before = _cell(world.jia, "cases.petitions")
    client = login("alice")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/cases/new/信访/",
            {
                "title": "灌溉水渠堵塞",
                "registered": f"{YEAR}-05-02",
                "channel": "来访",
                "petitioner_name": "赵某某",
                "petitioner_phone": "13912345678",
                "village": world.village1.pk,
            },
        )
    assert response.status_code == 302
    assert _stored(world.jia, "cases.petitions") == before + 1
    assert _cell(world.jia, "cases.petitions") == before + 1
    page = login("erin").get(f"/figures/county/?year={YEAR}").content.decode()
    assert f'data-key="cases.petitions">{before + 1}件<' in page


def test_a_workflow_transition_shows_at_once(world, django_capture_on_commit_callbacks):
    case = _registered(world, "修缮村道")
    case = case_transition(case=case, action="交办", actor=None, on=date(YEAR, 4, 25),
                           unit=world.station)  # fmt: skip
    case = case_transition(case=case, action="签收", actor=None, on=date(YEAR, 4, 28))
    case = case_transition(case=case, action="答复", actor=None, on=date(YEAR, 5, 20),
                           answer_text="已修缮", answer_signer="李四")  # fmt: skip
    case = case_transition(case=case, action="评价", actor=None, on=date(YEAR, 5, 21),
                           satisfaction="满意")  # fmt: skip
    before = _cell(world.jia, "cases.closed")
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, action="办结", actor=None, on=date(YEAR, 5, 22))
    assert _stored(world.jia, "cases.closed") == before + 1
    assert _cell(world.jia, "cases.closed") == before + 1
    assert _cell(world.jia, "cases.on_time_rate") == 100


def test_a_workbook_import_shows_at_once(world, tmp_path, django_capture_on_commit_callbacks):
    before = _cell(world.jia, "cases.suggestions")
    head = ["编号", "乡镇", "类型", "标题", "提出人", "登记日期", "交办日期", "签收日期",
            "答复日期", "办结日期", "状态"]  # fmt: skip
    row = ["JY-9", "甲乡", "建议", "修路", "赵一", f"{YEAR}-04-21", f"{YEAR}-04-25", "", "", "", ""]
    with django_capture_on_commit_callbacks(execute=True):
        result = run(tmp_path, {"事项": [head, row]})
    assert result.ok, messages(result)
    assert _stored(world.jia, "cases.suggestions") == before + 1
    assert _cell(world.jia, "cases.suggestions") == before + 1
    # The import moves the case to the year before: it leaves this year's row at once.
    moved = [*row[:5], f"{YEAR - 1}-04-21", f"{YEAR - 1}-04-25", *row[7:]]
    with django_capture_on_commit_callbacks(execute=True):
        result = run(tmp_path, {"事项": [head, moved]})
    assert result.ok, messages(result)
    assert _stored(world.jia, "cases.suggestions") == before
    assert _cell(world.jia, "cases.suggestions", YEAR - 1) == 1


def test_a_change_not_yet_committed_is_read_through(world):
    """Inside the writer's own transaction the row is stale, and a read recomputes it."""
    before = _cell(world.jia, "cases.suggestions")
    _registered(world, "修缮村道")
    assert TownshipYearFigures.objects.get(township=world.jia, year=YEAR).stale
    assert _cell(world.jia, "cases.suggestions") == before + 1


def test_a_deleted_case_leaves_the_rollup(world):
    case = _registered(world, "修缮村道")
    assert _cell(world.jia, "cases.suggestions") == 1
    Case.objects.get(pk=case.pk).delete()
    assert _cell(world.jia, "cases.suggestions") == 0


def test_the_stored_row_equals_the_registry(world):
    _registered(world, "修缮村道")
    rows, _ = county_rollup([world.jia, world.yi], YEAR)
    facts = {f.key: f.value for f in figures_for(world.jia, YEAR)}
    cells = {c.column.key: c.value for c in rows[0].cells}
    assert cells["cases.suggestions"] == facts["cases.suggestions"] == 1
