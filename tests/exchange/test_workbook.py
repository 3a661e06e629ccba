"""Round trip, LibreOffice files, template, masking, file safety and the upload page."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from taizhang.core.models import AuditEvent
from taizhang.exchange.exporter import export_template, export_workbook
from taizhang.exchange.importer import import_workbook
from taizhang.exchange.workbook import WorkbookRefused, check_file
from taizhang.ledger.models import Project
from tests.exchange.helpers import write_book


def _cells(path):
    book = load_workbook(path)
    return {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book.worksheets}


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_an_empty_database(demo, tmp_path):
    from django.core.management import call_command

    first = tmp_path / "first.xlsx"
    export_workbook(first, mask=False)
    call_command("flush", interactive=False, verbosity=0)
    result = import_workbook(first)
    assert result.ok, [str(p) for p in result.errors[:5]]
    second = tmp_path / "second.xlsx"
    export_workbook(second, mask=False)
    assert _cells(first) == _cells(second)


def test_libreoffice_converted_workbook_imports(world, tmp_path):
    if not shutil.which("libreoffice"):
        pytest.fail("libreoffice is not installed")
    source = write_book(tmp_path / "src.xlsx", {"项目": [["编号", "年度", "乡镇", "名称", "意向资金(万元)"],
                                                          ["LO-1", 2025, "甲乡", "转换项目", 12.5]]})  # fmt: skip
    out = tmp_path / "lo"
    subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out),
                    source], check=True, capture_output=True, timeout=120)  # fmt: skip
    converted = out / "src.xlsx"
    check_file(converted)
    assert import_workbook(converted).ok
    assert str(Project.objects.get(code="LO-1").intended_funds) == "12.50"


def test_template_has_guide_examples_and_dropdowns(db, tmp_path):
    export_template(tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames[0] == "说明" and len(book.sheetnames) == 18
    projects = book["项目"]
    # The data sheets are blank; the examples live in 说明, which the import skips.
    assert all(book[name].max_row == 1 for name in book.sheetnames[1:])
    examples = [r for r in book["说明"].values if r[0] == "示例"]
    assert len(examples) == 17 and ("示例", "XM2025-01", 2025) in [e[:3] for e in examples]
    lists = [dv.formula1 for dv in projects.data_validations.dataValidation]
    assert '"招商引资,基础设施,产业,民生,其他"' in lists
    assert any(
        "出席,请假,缺席" in dv.formula1 for dv in book["出席"].data_validations.dataValidation
    )


def test_export_masks_id_and_phone_unless_full(world, tmp_path):
    export_workbook(tmp_path / "m.xlsx", names=["人员"])
    rows = _cells(tmp_path / "m.xlsx")["人员"]
    assert any(r[0] == "赵一" and "****" in r[7] and "********" in r[8] for r in rows[1:])
    export_workbook(tmp_path / "f.xlsx", names=["人员"], mask=False)
    full = _cells(tmp_path / "f.xlsx")["人员"]
    assert any(r[0] == "赵一" and "*" not in r[8] for r in full[1:])


def test_full_export_needs_reveal_and_reason_and_is_audited(login):
    bob = login("bob")  # cadre: exchange.use but no people.reveal
    assert bob.post("/exchange/export/", {"reason": "年度核对名单"}).status_code == 403
    alice = login("alice")
    assert alice.post("/exchange/export/", {"reason": ""}).status_code == 400
    response = alice.post("/exchange/export/", {"reason": "年度核对名单"})
    assert response.status_code == 200
    assert AuditEvent.objects.filter(kind="export", summary__contains="年度核对名单").exists()


def test_masked_reimport_keeps_stored_numbers(world, tmp_path):
    export_workbook(tmp_path / "m.xlsx", names=["人员"])
    before = set(world.people["p1"].__class__.objects.values_list("id_number", "phone"))
    result = import_workbook(tmp_path / "m.xlsx")
    assert result.ok and result.nothing_changed
    assert set(world.people["p1"].__class__.objects.values_list("id_number", "phone")) == before


def test_refuses_macro_workbook(tmp_path):
    path = write_book(tmp_path / "a.xlsx", {"项目": [["编号"]]})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"x")
    with pytest.raises(WorkbookRefused, match="宏"):
        check_file(path)
    with pytest.raises(WorkbookRefused, match="xlsx"):
        check_file(path, name="a.xlsm")


def test_refuses_zip_bomb_and_non_zip(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/big.xml", b"\0" * 200_000_000)
    with pytest.raises(WorkbookRefused, match="恶意压缩包"):
        check_file(bomb)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(WorkbookRefused, match="签名"):
        check_file(fake)


def test_refuses_oversized_file(tmp_path, settings):
    settings.UPLOAD_MAX_BYTES = 10
    path = write_book(tmp_path / "a.xlsx", {"项目": [["编号"]]})
    with pytest.raises(WorkbookRefused, match="过大"):
        check_file(path)


def test_upload_page_reports_errors_and_offers_error_copy(login, tmp_path):
    client = login("bob")
    assert client.get("/exchange/").status_code == 200
    path = write_book(
        tmp_path / "bad.xlsx",
        {"项目": [["编号", "年度", "乡镇", "名称"], ["P", 2025, "无此乡", "x"]]},
    )
    with open(path, "rb") as fh:
        response = client.post("/exchange/upload/", {"file": fh})
    page = response.content.decode()
    assert response.status_code == 422 and "第2行" in page and "乡镇" in page
    token = response.context["token"]
    copy = client.get(f"/exchange/errors/{token}/")
    book = load_workbook(__import__("io").BytesIO(b"".join(copy.streaming_content)))
    assert book["项目"]["E1"].value == "错误说明" and "无此乡" in book["项目"]["E2"].value
    assert not Project.objects.exists()


@pytest.mark.parametrize("payload", [b"", b"garbage", b"PK\x03\x04broken"])
def test_upload_page_never_500s(login, payload):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = login("bob").post(
        "/exchange/upload/", {"file": SimpleUploadedFile("x.xlsx", payload)}
    )
    assert response.status_code == 400


def test_upload_page_imports_and_summarises(login, tmp_path):
    path = write_book(
        tmp_path / "ok.xlsx",
        {"项目": [["编号", "年度", "乡镇", "名称"], ["P-1", 2025, "甲乡", "好"]]},
    )
    client = login("bob")
    with open(path, "rb") as fh:
        page = client.post("/exchange/upload/", {"file": fh}).content.decode()
    assert "导入完成" in page and Project.objects.filter(code="P-1").exists()
    with open(path, "rb") as fh:
        page = client.post("/exchange/upload/", {"file": fh}).content.decode()
    assert "没有任何变化" in page


def test_export_command_and_import_command(world, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    target = str(tmp_path / "cmd.xlsx")
    call_command("export_workbook", target, "--township", "甲乡")
    call_command("import_workbook", target, "--dry-run")
    assert "试运行" in capsys.readouterr().out
    bad = write_book(
        tmp_path / "bad.xlsx", {"项目": [["编号", "年度", "乡镇", "名称"], ["", 2025, "甲乡", "x"]]}
    )
    with pytest.raises(CommandError, match="未写入"):
        call_command("import_workbook", bad)
    assert "【项目】第2行“编号”列" in capsys.readouterr().err
