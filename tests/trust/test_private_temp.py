"""#12.6: temporary files stay in a private folder and leave with their request."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.urls import reverse

from taizhang.core.models import AuditEvent
from taizhang.core.tempfiles import temp_root
from taizhang.exchange.jobs import spool
from tests.exchange.helpers import write_book

MARK = "拒收审计"


def _files(*roots: Path) -> set[Path]:
    return {p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()}


def _shared_tmp() -> set[Path]:
    """Exports in the shared system temp folder (where they used to be spooled)."""
    return set(Path(tempfile.gettempdir()).glob("taizhang*/export-*.xlsx"))


def _mine() -> list[Path]:
    """Request files of this process (other test workers share the folder)."""
    return [p for p in _files(temp_root()) if p.name.startswith(f"{os.getpid()}-")]


def test_the_temporary_folder_is_private_and_under_the_var_dir(db):
    root = temp_root()
    assert root.is_relative_to(settings.VAR_DIR)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE(spool().stat().st_mode) == 0o700
    assert Path(settings.FILE_UPLOAD_TEMP_DIR).is_relative_to(root)
    assert stat.S_IMODE(Path(settings.FILE_UPLOAD_TEMP_DIR).stat().st_mode) == 0o700


def _refuse_audit_rows_marked(mark: str) -> None:
    """A real database rule (not a mock) that makes the audit insert fail."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION tz_refuse_audit() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.summary LIKE '%{mark}%' THEN RAISE EXCEPTION 'audit refused'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER tz_refuse_audit BEFORE INSERT ON core_auditevent "
                "FOR EACH ROW EXECUTE FUNCTION tz_refuse_audit()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER tz_refuse_audit BEFORE INSERT ON core_auditevent "
                f"WHEN NEW.summary LIKE '%{mark}%' BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
            )


def test_full_export_whose_audit_row_fails_leaves_no_file_anywhere(login, world):
    client = login("alice")
    client.raise_request_exception = False
    _refuse_audit_rows_marked(MARK)
    shared = _shared_tmp()
    response = client.post(reverse("exchange:export"), {"reason": f"核对名单{MARK}"})
    assert response.status_code == 500
    assert _mine() == [] and _shared_tmp() == shared
    assert not AuditEvent.objects.filter(summary__contains=MARK).exists()


def test_full_export_is_audited_and_leaves_nothing_behind(login, world):
    client = login("alice")
    shared = _shared_tmp()
    response = client.post(reverse("exchange:export"), {"reason": "年度核对名单"})
    assert response.status_code == 200 and b"".join(response.streaming_content)[:2] == b"PK"
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(kind="export", summary__contains="年度核对名单").exists()
    assert _mine() == [] and _shared_tmp() == shared


def test_imports_leave_no_upload_copy_on_success_refusal_or_error(login, world, tmp_path):
    client = login("bob")
    good = write_book(tmp_path / "ok.xlsx", {"项目": [["编号", "年度", "乡镇", "名称", "意向资金(万元)"],
                                                      ["T-1", 2025, "甲乡", "修路", 12.5]]})  # fmt: skip
    bad = write_book(tmp_path / "bad.xlsx", {"项目": [["编号", "年度", "乡镇", "名称"],
                                                      ["T-2", 2025, "无此乡", "修桥"]]})  # fmt: skip
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    before = _files(temp_root())
    for path, status in ((good, 200), (bad, 422), (broken, 400)):
        with open(path, "rb") as fh:
            assert client.post(reverse("exchange:upload"), {"file": fh}).status_code == status
    # Only the error copy of the faulty workbook stays, for its download.
    left = _files(temp_root()) - before
    assert _mine() == [] and any(p.name.endswith("-errors.xlsx") for p in left)


def test_leftovers_of_a_dead_process_are_removed_at_start(db):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    orphan = spool() / f"{dead}-crashed.xlsx"
    orphan.write_bytes(b"PK")
    mine = spool() / f"{os.getpid()}-running.xlsx"
    mine.write_bytes(b"PK")
    try:
        # A new process starting up runs the same clean-up as this call.
        subprocess.run(
            [sys.executable, "-c", "import django; django.setup()"],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "taizhang.settings_test"},
            check=True,
            timeout=120,
        )
        assert not orphan.exists() and mine.exists()
    finally:
        mine.unlink(missing_ok=True)
        orphan.unlink(missing_ok=True)
