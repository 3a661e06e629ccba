"""Workbook import: validate every sheet, write all or nothing in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from taizhang.core.audit import AuditKind, audit_record
from taizhang.exchange.cells import CellError
from taizhang.exchange.context import Context
from taizhang.exchange.sheets import SHEETS
from taizhang.exchange.sheets.base import KEEP, RowError, blank, convert
from taizhang.exchange.workbook import read_sheets

BATCH = 2000


@dataclass
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row else "表头"
        col = f"“{self.column}”列" if self.column else ""
        return f"【{self.sheet}】{where}{col}：{self.message}"


@dataclass
class SheetResult:
    name: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportResult:
    errors: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    sheets: list[SheetResult] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run and any(s.created or s.updated for s in self.sheets)

    @property
    def nothing_changed(self) -> bool:
        return self.ok and not any(s.created or s.updated for s in self.sheets)

    def summary_lines(self) -> list[str]:
        lines = [f"{s.name}：新增 {s.created}，更新 {s.updated}，未变 {s.unchanged}"
                 for s in self.sheets]  # fmt: skip
        if self.ok and self.nothing_changed:
            lines.append("工作簿与系统中的数据一致，本次导入没有任何变化。")
        return lines


class _Rollback(Exception):
    pass


def import_workbook(
    path: str | Path, *, user=None, request=None, dry_run: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportResult:  # fmt: skip
    """Import every known sheet of ``path``; nothing is written unless all rows are valid."""
    book = read_sheets(path)
    result = ImportResult(dry_run=dry_run)
    known = {spec.name for spec in SHEETS}
    for name in book:
        if name not in known and name != "填写说明":
            result.notices.append(f"工作表“{name}”不属于台账格式，已忽略。")
    ctx = Context(user=user, mask=False)
    try:
        with transaction.atomic():
            for spec in SHEETS:
                if spec.name not in book:
                    continue
                if not spec.available():
                    result.errors.append(Problem(spec.name, 0, "", "该表暂不支持"))
                    continue
                if progress:
                    progress(spec.name, SHEETS.index(spec), len(SHEETS))
                _import_sheet(spec, book[spec.name], ctx, result)
            if result.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    if result.ok and not dry_run:
        counts = "；".join(result.summary_lines())
        audit_record(kind=AuditKind.IMPORT, user=user, request=request,
                     object_type="exchange.Workbook", summary=f"导入工作簿：{counts}")  # fmt: skip
    return result


def _read_rows(spec, sheet, ctx, result):
    header = sheet.header
    index = {}
    for pos, name in enumerate(header):
        if name:
            index.setdefault(name, pos)
    columns = {c.header for c in spec.columns}
    for name in index:
        if name not in columns:
            result.notices.append(f"“{spec.name}”表的“{name}”列不属于台账格式，已忽略。")
    missing = [c.header for c in spec.columns if c.required and c.header not in index]
    for name in missing:
        result.errors.append(Problem(spec.name, 1, name, "缺少必填列"))
    if missing:
        return [], set()
    present = {c.header for c in spec.columns if c.header in index}
    rows = []
    for number, raw in sheet.data():
        values, bad = {}, False
        for col in spec.columns:
            pos = index.get(col.header)
            cell = raw[pos] if pos is not None and pos < len(raw) else None
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                if col.required:
                    result.errors.append(Problem(spec.name, number, col.header, "必填项为空"))
                    bad = True
                values[col.header] = blank(col)
                continue
            try:
                values[col.header] = convert(col, cell, ctx.today)
            except CellError as exc:
                result.errors.append(Problem(spec.name, number, col.header, str(exc)))
                bad = True
        if not bad:
            rows.append((number, values))
    return rows, present


def _import_sheet(spec, sheet, ctx, result: ImportResult) -> None:
    counts = SheetResult(spec.name)
    result.sheets.append(counts)
    rows, present = _read_rows(spec, sheet, ctx, result)
    if getattr(spec, "sequential", False):
        for number, values in rows:
            try:
                outcome = spec.apply_row(ctx, values, number)
            except RowError as exc:
                result.errors.append(Problem(spec.name, number, exc.column, exc.message))
                continue
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        return
    planned, seen = [], {}
    for number, values in rows:
        try:
            built = spec.build(ctx, values, number)
        except RowError as exc:
            result.errors.append(Problem(spec.name, number, exc.column, exc.message))
            continue
        related = built.pop("_related", None)
        key = tuple(built[k] for k in spec.key)
        if key in seen:
            result.errors.append(Problem(spec.name, number, spec.columns[0].header,
                                         f"与第{seen[key]}行重复（{spec.key_text}相同）"))  # fmt: skip
            continue
        seen[key] = number
        planned.append((number, key, built, related))
    for number, column, message in spec.check_sheet(ctx, planned):
        result.errors.append(Problem(spec.name, number, column, message))
    if result.errors:
        return  # later sheets are still validated; nothing will be written
    _write(spec, ctx, planned, present, counts)


def _write(spec, ctx, planned, present, counts: SheetResult) -> None:
    model = spec.model
    existing = spec.existing(ctx)
    active = [f for f in spec.fields if f not in spec.sources or spec.sources[f] in present]
    positions = {f: spec.fields.index(f) for f in active}
    now = timezone.now()
    creates, updates, pks, unchanged = [], [], {}, set()
    for _number, key, values, _related in planned:
        found = existing.get(key)
        clean = {k: ("" if v is KEEP else v) for k, v in values.items()
                 if k != "key" and not k.startswith("_")}  # fmt: skip
        if found is None:
            creates.append((key, model(**clean)))
            continue
        pk, version, stored = found
        pks[key] = pk
        diff = [f for f in active if values[f] is not KEEP and stored[positions[f]] != values[f]]
        if not diff:
            unchanged.add(key)
            continue
        obj = model(pk=pk, **{f: stored[positions[f]] if values[f] is KEEP else clean[f]
                              for f in active})  # fmt: skip
        obj.version, obj.updated_at = version + 1, now
        updates.append(obj)
    for start in range(0, len(creates), BATCH):
        chunk = creates[start : start + BATCH]
        model.objects.bulk_create([obj for _, obj in chunk])
        for key, obj in chunk:
            pks[key] = obj.pk
    if updates:
        model.objects.bulk_update(updates, [*active, "version", "updated_at"], batch_size=BATCH)
    moved = len(set(spec.after_write(ctx, planned, pks) or ()) & unchanged)
    counts.created += len(creates)
    counts.updated += len(updates) + moved
    counts.unchanged += len(unchanged) - moved
