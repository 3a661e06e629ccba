"""Workbook pages: upload with progress and per-sheet summary, downloads, template."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.core.permissions import require, user_can
from taizhang.core.tempfiles import temp_path, temporary
from taizhang.core.uploads import XLSX, serve_file, upload_problem
from taizhang.exchange.exporter import export_template, export_workbook
from taizhang.exchange.importer import import_workbook
from taizhang.exchange.jobs import finish, job_read, result_from_dict, spool, start_job
from taizhang.exchange.services import (
    workbook_export_denied,
    workbook_export_record,
    workbook_refused,
)
from taizhang.exchange.sheets import SHEETS
from taizhang.exchange.workbook import WorkbookRefused, check_file, upload_limit


def _spool() -> Path:
    return spool()


def _download(request, path: Path, filename: str, *, summary: str | None, personal=True):
    return serve_file(request, path, filename=filename, kind=XLSX, summary=summary,
                      object_type="exchange.Workbook", personal=personal)  # fmt: skip


@require("exchange.use")
def index(request):
    return render(request, "exchange/index.html", _index_context(request))


def _index_context(request, **extra) -> dict:
    return {
        "sheets": [s for s in SHEETS if s.available()],
        "limit_mb": upload_limit() // 1048576,
        "can_reveal": user_can(request.user, "people.reveal"),
        "writable": [
            s.name for s in SHEETS if s.available() and user_can(request.user, s.permission)
        ],
        "can_backfill": user_can(request.user, "cases.history"),
        **extra,
    }


def _answer(request, fragment: str, context: dict, status: int = 200):
    """htmx gets the fragment; a plain form post gets the whole page around it."""
    if request.headers.get("HX-Request"):
        return render(request, fragment, context, status=status)
    return render(request, "exchange/index.html",
                  _index_context(request, fragment=fragment, **context), status=status)  # fmt: skip


def _no_names(reason: str) -> str:
    """The refusal for the audit trail without the file's name (names may be personal)."""
    return re.sub(r"“[^”]*”", "", reason)[:200]


def _remember(request, token: str) -> None:
    tokens = request.session.get("exchange_errors", [])
    request.session["exchange_errors"] = [*tokens[-19:], token]


@require("exchange.use")
@require_POST
def upload(request):
    """Validate and import an uploaded workbook; always answers with a page, never a 500.

    With htmx the import runs in the background and the page polls its per-sheet progress
    every second; a plain form post imports at once and answers with the whole page.
    """
    upload = request.FILES.get("file")
    result_page = "exchange/_result.html"
    if upload is None:
        return _answer(request, result_page, {"refused": "请选择要导入的 .xlsx 文件。"}, 400)
    token = secrets.token_hex(16)
    path = temp_path(".xlsx", folder=_spool())  # owned by this process until the import ends
    try:
        problem = upload_problem(upload, purpose="workbook")
        if problem:
            raise WorkbookRefused(problem)
        with path.open("wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        check_file(path, name=upload.name)
    except BaseException as exc:
        path.unlink(missing_ok=True)
        if not isinstance(exc, WorkbookRefused):
            raise
        workbook_refused(summary=_no_names(str(exc)))
        return _answer(request, result_page, {"refused": str(exc)}, 400)
    _remember(request, token)
    dry_run = bool(request.POST.get("dry_run"))
    # The ledger year for a version 1 workbook whose 项目 sheet has no 年度 column.
    raw_year = request.POST.get("year", "").strip()
    year = int(raw_year) if raw_year.isdigit() and 1990 <= int(raw_year) <= 2100 else None
    if request.headers.get("HX-Request"):
        # Store the session now: its write must not wait behind the import's transaction.
        request.session.save()
        request.session.modified = False
        start_job(token, path, user=request.user, dry_run=dry_run, year=year)
        return job(request, token)
    try:
        result = import_workbook(path, user=request.user, dry_run=dry_run, year=year)
        finish(result, path=path, token=token)
    except WorkbookRefused as exc:
        return _answer(request, result_page, {"refused": str(exc)}, 400)
    finally:
        path.unlink(missing_ok=True)
    context = {"result": result, "token": None if result.ok else token}
    return _answer(request, result_page, context, 200 if result.ok else 422)


@require("exchange.use")
def job(request, token: str):
    """The state of a background import: progress while running, then the result."""
    data = job_read(token)
    if token not in request.session.get("exchange_errors", []) or data is None:
        raise Http404("未找到该导入任务。")
    if data.get("user") != request.user.pk:
        raise Http404("未找到该导入任务。")
    if data["state"] == "running":
        context = {"token": token, "progress": data.get("progress") or {}, "running": True}
        return _answer(request, "exchange/_job.html", context)
    if data["state"] == "failed":
        return _answer(request, "exchange/_result.html", {"refused": data["message"]})
    result = result_from_dict(data["result"])
    context = {"result": result, "token": None if result.ok else token,
               "progress": data.get("progress")}  # fmt: skip
    return _answer(request, "exchange/_result.html", context)


@require("exchange.use")
def error_download(request, token: str):
    if token not in request.session.get("exchange_errors", []):
        raise Http404("未找到该错误说明文件。")
    path = _spool() / f"{token}-errors.xlsx"
    if not path.exists():
        raise Http404("错误说明文件已过期，请重新导入。")
    return _download(request, path, "导入错误说明.xlsx", summary="下载导入错误说明")


@require("exchange.use")
def template(request):
    with temporary(".xlsx") as path:
        export_template(path)
        # The open handle keeps the content readable after the path is removed (POSIX).
        return _download(request, path, "台账工作簿模板.xlsx", summary=None, personal=False)


@require("exchange.use")
@require_http_methods(["GET", "POST"])
def export(request):
    """Download one register (``sheet``) or the whole workbook; masked unless a full export."""
    names = [n for n in request.GET.getlist("sheet") if n in {s.name for s in SHEETS}] or None
    full = request.method == "POST"
    reason = request.POST.get("reason", "").strip()
    if full:
        if not user_can(request.user, "people.reveal"):
            workbook_export_denied(summary="完整导出需要 people.reveal 权限")
            return HttpResponse("您无权导出完整个人信息。", status=403)
        if len(reason) < 4:
            return render(request, "exchange/index.html",
                          _index_context(request, reason_error="完整导出须填写事由（至少4个字）。"),
                          status=400)  # fmt: skip
    what = "、".join(names) if names else "全部台账"
    summary = f"导出{what}" + (f"，完整个人信息，事由：{reason}" if full else "（已遮蔽）")
    # The audit row commits first: if it cannot be written, no workbook is ever made.
    workbook_export_record(summary=summary)
    filename = f"{names[0] if names and len(names) == 1 else '台账工作簿'}.xlsx"
    with temporary(".xlsx") as path:
        export_workbook(path, user=request.user, mask=not full, names=names)
        return _download(request, path, filename, summary=None)
