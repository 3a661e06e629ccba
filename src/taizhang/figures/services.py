"""Figure writes: the audit row of a county table export (figures are read, never written)."""

from __future__ import annotations

from taizhang.core.audit import AuditKind, audit_record


def county_rollup_export_record(*, year: int, townships: int) -> None:
    """Record a download of the county roll-up table of ``year``."""
    audit_record(
        kind=AuditKind.EXPORT,
        object_type="figures.CountyRollup",
        object_id=year,
        summary=f"导出{year}年全县汇总表（{townships}个乡镇）",
    )
