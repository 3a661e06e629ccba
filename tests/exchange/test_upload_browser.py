"""Browser: a township cadre (who may write projects) uploads a valid workbook, then one with errors, on the upload page."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from taizhang.ledger.models import Project
from tests.exchange.helpers import write_book

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEAD = ["编号", "年度", "乡镇", "名称"]


def _upload(page, path):
    page.set_input_files("#upload-form input[name=file]", str(path))
    with page.expect_response(lambda r: "/exchange/upload/" in r.url) as answer:
        page.click("#upload-form button[type=submit]")
    return answer.value


def test_cadre_uploads_a_workbook_and_sees_progress_summary_and_errors(
    world, browser_login, live_server, tmp_path
):
    page = browser_login("bob")
    page.goto(f"{live_server.url}/exchange/")
    rows = [[f"P-{i}", 2025, "甲乡", f"项目{i}"] for i in range(3000)]
    good = write_book(tmp_path / "good.xlsx", {
        "项目": [HEAD, *rows],
        "工作记录": [["姓名", "所在单位", "日期", "事项"], ["李四", "甲乡卫生院", "2025-03-01", "巡查"]],
    })  # fmt: skip
    first = _upload(page, good).text()
    assert 'hx-trigger="every 1s"' in first and "导入进度" in first  # running in the background
    summary = page.wait_for_selector("#import-summary", timeout=60_000)
    lines = [r.inner_text().split("\t") for r in summary.query_selector_all("tbody tr")]
    assert ["工作记录", "1", "0", "0"] in lines and ["项目", "3000", "0", "0"] in lines
    assert "导入完成" in page.inner_text("#upload-result")
    assert Project.objects.count() == 3000

    bad = write_book(tmp_path / "bad.xlsx", {"项目": [HEAD, ["P-X", 2025, "乙镇", "别人的项目"],
                                                      ["", 2025, "甲乡", "缺编号"]]})  # fmt: skip
    _upload(page, bad)
    errors = page.wait_for_selector("#import-errors", timeout=60_000)
    text = errors.inner_text()
    assert "项目\t第2行\t乡镇\t" in text and "不在您的数据范围内" in text
    assert "项目\t第3行\t编号\t必填项为空" in text
    assert "未写入任何数据" in page.inner_text("#upload-result")
    with page.expect_download() as download:
        page.click("text=下载带“错误说明”列的工作簿")
    assert download.value.suggested_filename == "导入错误说明.xlsx"
    with open(download.value.path(), "rb") as fh:
        sheet = load_workbook(fh)["项目"]
    assert sheet["E1"].value == "错误说明" and "不在您的数据范围内" in sheet["E2"].value
    assert not Project.objects.filter(code="P-X").exists()
