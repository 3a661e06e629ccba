"""Workbook audit rows: refused imports, refused and granted exports (the writes themselves
go through each register's services)."""

from __future__ import annotations

from taizhang.core.audit import AuditKind, audit_record

WORKBOOK = "exchange.Workbook"


def workbook_refused(*, summary: str) -> None:
    """Record an upload refused before any row was read; ``summary`` names no person."""
    audit_record(kind=AuditKind.IMPORT, outcome="拒绝", object_type=WORKBOOK, summary=summary)


def workbook_import_failed(*, errors: int) -> None:
    audit_record(kind=AuditKind.IMPORT, outcome="失败", object_type=WORKBOOK,
                 summary=f"导入工作簿失败：{errors} 处错误，未写入")  # fmt: skip


def workbook_export_denied(*, summary: str) -> None:
    audit_record(kind=AuditKind.DENIED, outcome="拒绝", summary=summary)


def workbook_export_record(*, summary: str) -> None:
    """Record an export; it commits before the workbook is made, so none is made unrecorded."""
    audit_record(kind=AuditKind.EXPORT, object_type=WORKBOOK, summary=summary[:300])
