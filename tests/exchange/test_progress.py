"""Upload progress: per-sheet rows checked and written, the polled job, full pages without htmx."""

from __future__ import annotations

from taizhang.exchange.importer import import_workbook
from taizhang.exchange.jobs import job_write
from taizhang.exchange.progress import Progress
from taizhang.ledger.models import Project
from tests.exchange.helpers import write_book

HX = {"HTTP_HX_REQUEST": "true"}


def _projects(tmp_path, n: int, name="p.xlsx"):
    rows = [
        ["编号", "年度", "乡镇", "名称"],
        *([f"P-{i}", 2025, "甲乡", f"项目{i}"] for i in range(n)),
    ]
    return write_book(tmp_path / name, {"项目": rows})


def test_progress_reports_rows_per_sheet_while_checking_and_writing(world, tmp_path):
    snapshots = []
    progress = Progress(sink=snapshots.append, every=0)
    path = write_book(tmp_path / "two.xlsx", {
        "项目": [["编号", "年度", "乡镇", "名称"], *([f"P-{i}", 2025, "甲乡", "x"] for i in range(2500))],
        "工作记录": [["姓名", "日期", "事项"], ["李四", "2025-03-01", "巡查"]],
    })  # fmt: skip
    assert import_workbook(path, progress=progress).ok
    first, last = snapshots[0], snapshots[-1]
    assert [(s["name"], s["rows"]) for s in first["sheets"]] == [("工作记录", 1), ("项目", 2500)]
    assert last["phase"] == "done" and last["percent"] == 100
    projects = [next(s for s in snap["sheets"] if s["name"] == "项目") for snap in snapshots]
    checked = [s["checked"] for s in projects]
    written = [s["written"] for s in projects]
    assert checked == sorted(checked) and 0 < min(c for c in checked if c) < 2500
    assert written[-1] == 2500 and any(0 < w < 2500 for w in written)  # written in batches
    assert any(s["phase"] == "check" and s["current"] == "项目" for s in snapshots)


def test_htmx_upload_answers_with_the_job_fragment_and_its_result(login, tmp_path, settings):
    settings.EXCHANGE_IMPORT_THREAD = False  # the job runs inline inside the test transaction
    client = login("bob")
    with open(_projects(tmp_path, 3), "rb") as fh:
        response = client.post("/exchange/upload/", {"file": fh}, **HX)
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert 'id="import-summary"' in page and "导入完成" in page
    assert Project.objects.count() == 3


def test_htmx_upload_with_errors_links_the_annotated_copy(login, tmp_path, settings):
    settings.EXCHANGE_IMPORT_THREAD = False
    client = login("bob")
    path = write_book(
        tmp_path / "bad.xlsx",
        {"项目": [["编号", "年度", "乡镇", "名称"], ["P", 2025, "乙镇", "x"]]},
    )
    with open(path, "rb") as fh:
        page = client.post("/exchange/upload/", {"file": fh}, **HX).content.decode()
    assert "第2行" in page and "不在您的数据范围内" in page and "/exchange/errors/" in page
    token = page.split("/exchange/errors/")[1].split("/")[0]
    assert client.get(f"/exchange/errors/{token}/").status_code == 200
    assert not Project.objects.exists()


def test_running_job_polls_every_second_and_shows_sheets(login, world, settings):
    client = login("alice")
    session = client.session
    session["exchange_errors"] = ["a" * 32]
    session.save()
    progress = {"phase": "check", "phase_text": "正在校验", "current": "项目", "percent": 40,
                "sheets": [{"name": "项目", "rows": 100000, "checked": 40000, "written": 0}]}  # fmt: skip
    job_write("a" * 32, {"state": "running", "user": world.users["alice"].pk, "progress": progress})
    fragment = client.get(f"/exchange/jobs/{'a' * 32}/", **HX).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "<html" not in fragment
    assert "100000" in fragment and "40000" in fragment and "正在校验：项目" in fragment
    full = client.get(f"/exchange/jobs/{'a' * 32}/").content.decode()
    assert "<html" in full and 'http-equiv="refresh"' in full and "40000" in full
    other = login("bob")
    assert other.get(f"/exchange/jobs/{'a' * 32}/").status_code == 404


def test_plain_form_post_gets_a_full_page(login, tmp_path):
    with open(_projects(tmp_path, 2), "rb") as fh:
        response = login("bob").post("/exchange/upload/", {"file": fh})
    page = response.content.decode()
    assert response.status_code == 200 and "<html" in page and 'id="upload-form"' in page
    assert 'id="import-summary"' in page
