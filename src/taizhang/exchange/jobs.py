"""Background import jobs: the upload page starts one, the progress is a JSON file it polls.

A file in the spool folder (not the database) holds the progress, because the import's own
transaction would hide any row it wrote until the end, and a file is shared by every worker
process of one host.
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from taizhang.core.tempfiles import private_dir
from taizhang.exchange.importer import ImportResult, Problem, SheetResult, import_workbook
from taizhang.exchange.progress import Progress
from taizhang.exchange.services import workbook_import_failed
from taizhang.exchange.workbook import WorkbookRefused

log = logging.getLogger(__name__)
STALE_SECONDS = 15 * 60  # a running job not updated for this long was interrupted


def spool() -> Path:
    """The instance's private (0700) folder for uploads, job state and error copies."""
    return private_dir("exchange")


def _job_file(token: str) -> Path:
    return spool() / f"{token}.json"


def job_write(token: str, data: dict) -> None:
    data = {**data, "updated": time.time()}
    target = _job_file(token)
    temp = target.with_suffix(f".{threading.get_ident()}.tmp")
    temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, target)


def job_read(token: str) -> dict | None:
    try:
        data = json.loads(_job_file(token).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("state") == "running" and time.time() - data.get("updated", 0) > STALE_SECONDS:
        data.update(state="failed", message="导入已中断（服务重启或超时），未写入任何数据。")
    return data


def result_to_dict(result: ImportResult) -> dict:
    return {
        "errors": [[p.sheet, p.row, p.column, p.message] for p in result.errors],
        "notices": result.notices,
        "sheets": [[s.name, s.created, s.updated, s.unchanged] for s in result.sheets],
        "dry_run": result.dry_run,
    }


def result_from_dict(data: dict) -> ImportResult:
    return ImportResult(
        errors=[Problem(*p) for p in data["errors"]],
        notices=data["notices"],
        sheets=[SheetResult(*s) for s in data["sheets"]],
        dry_run=data["dry_run"],
    )


def finish(result: ImportResult, *, path: Path, token: str) -> None:
    """After an import: keep the annotated copy of a faulty workbook and audit the failure."""
    from taizhang.exchange.exporter import error_copy

    if not result.ok:
        error_copy(path, spool() / f"{token}-errors.xlsx", result.errors)
        workbook_import_failed(errors=len(result.errors))


def run_job(token: str, path: Path, *, user, dry_run: bool, year=None) -> None:
    """Import ``path`` while writing progress to the job file; always ends the job."""
    progress = Progress(sink=lambda snap: job_write(token, {"state": "running", "user": user.pk,
                                                            "progress": snap}))  # fmt: skip
    try:
        result = import_workbook(path, user=user, dry_run=dry_run,
                                 progress=progress, year=year)  # fmt: skip
        finish(result, path=path, token=token)
        job_write(token, {"state": "done", "user": user.pk, "progress": progress.snapshot(),
                          "result": result_to_dict(result)})  # fmt: skip
    except WorkbookRefused as exc:
        job_write(token, {"state": "failed", "user": user.pk, "message": str(exc)})
    except Exception:
        log.exception("workbook import job %s failed", token)
        job_write(token, {"state": "failed", "user": user.pk,
                          "message": "导入时发生系统错误，未写入任何数据。请稍后重试或联系管理员。"})  # fmt: skip
    finally:
        path.unlink(missing_ok=True)


def sweep(max_age: float = 24 * 3600) -> None:
    """Delete job files, error copies and uploads older than ``max_age`` seconds."""
    limit = time.time() - max_age
    for item in spool().iterdir():
        try:
            if item.is_file() and item.stat().st_mtime < limit:
                item.unlink()
        except OSError:
            pass


def start_job(token: str, path: Path, *, user, dry_run: bool, year=None) -> None:
    """Run the import in a thread (or inline when EXCHANGE_IMPORT_THREAD is False)."""
    sweep()
    job_write(token, {"state": "running", "user": user.pk,
                      "progress": Progress().snapshot() | {"phase_text": "正在读取工作簿"}})  # fmt: skip
    if not getattr(settings, "EXCHANGE_IMPORT_THREAD", True):
        run_job(token, path, user=user, dry_run=dry_run, year=year)
        return

    def target():
        try:
            run_job(token, path, user=user, dry_run=dry_run, year=year)
        finally:
            connection.close()  # the thread's own database connection

    # The thread runs in a copy of the request's context, so its audit rows name the same
    # actor and address.
    context = contextvars.copy_context()
    threading.Thread(
        target=context.run, args=(target,), name=f"import-{token[:8]}", daemon=True
    ).start()
