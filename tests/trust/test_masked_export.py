"""#12.7: the masked export hides every personal column; full-data pages are not cached."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from taizhang.exchange.exporter import export_workbook
from taizhang.exchange.importer import import_workbook
from taizhang.people.models import Person

PERSONAL = ("手机号", "身份证号", "住址")


def _people_sheet(path):
    rows = list(load_workbook(path, read_only=True)["人员"].values)
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_every_personal_column_is_masked_and_addresses_keep_the_village(world, tmp_path):
    export_workbook(tmp_path / "m.xlsx", names=["人员"])
    exported = _people_sheet(tmp_path / "m.xlsx")
    stored = {p.name: p for p in Person.objects.all()}
    assert len(exported) == len(stored)
    for row in exported:
        person = stored[row["姓名"]]
        for header, value in zip(PERSONAL, (person.phone, person.id_number, person.address),
                                 strict=True):  # fmt: skip
            if value:
                assert row[header] != value and "*" in row[header], (header, row[header])
    zhao = next(r for r in exported if r["姓名"] == "赵一")
    assert zhao["住址"] == "测试县甲乡一村***"  # the village stays, the house number goes


def test_a_masked_workbook_reimports_without_touching_stored_addresses(world, tmp_path):
    before = set(Person.objects.values_list("id_number", "phone", "address"))
    export_workbook(tmp_path / "m.xlsx", names=["人员"])
    result = import_workbook(tmp_path / "m.xlsx")
    assert result.ok and result.nothing_changed
    assert set(Person.objects.values_list("id_number", "phone", "address")) == before


def test_pages_with_full_personal_data_are_not_stored_by_the_browser(login, world):
    client = login("alice")
    person = world.people["p1"]
    pages = [
        client.post(f"/people/{person.pk}/reveal/"),
        client.get(f"/people/{person.pk}/edit/"),
        client.get("/cases/new/信访/"),
    ]
    case = _petition(world)
    pages.append(client.post(f"/cases/{case.pk}/reveal/"))
    for response in pages:
        assert response.status_code == 200, response
        assert "no-store" in response["Cache-Control"]
    full = client.post("/exchange/export/", {"reason": "年度核对名单"})
    assert "no-store" in full["Cache-Control"]


def _petition(world):
    from taizhang.cases.services import case_register

    return case_register(kind="信访", township=world.jia, title="邻里纠纷",
                         registered=date(2025, 3, 3), petitioner_name="吴六",
                         petitioner_phone="13900000006", channel="来访", sponsors=[])  # fmt: skip
