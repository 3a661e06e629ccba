"""Workbook import: validate every sheet, write all or nothing in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from taizhang.core.audit import AuditKind, audit_record
from taizhang.exchange.bulk import insert_rows
from taizhang.exchange.cells import CellError
from taizhang.exchange.context import Context
from taizhang.exchange.progress import Progress
from taizhang.exchange.sheets import SHEETS
from taizhang.exchange.sheets.base import KEEP, RowError, blank, converter
from taizhang.exchange.workbook import read_sheets
from taizhang.figures import summary
from taizhang.figures.duty_rows import names_follow
from taizhang.people.models import Person
from taizhang.people.names import grams_refresh

GUIDE_SHEETS = ("说明", "填写说明")  # the template's guide and examples, never imported
BATCH = 2000
TICK = 1000  # rows between progress reports


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
    notes: list[str] = field(default_factory=list)


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
                 + "".join(f"；{note}" for note in s.notes) for s in self.sheets]  # fmt: skip
        if self.ok and self.nothing_changed:
            lines.append("工作簿与系统中的数据一致，本次导入没有任何变化。")
        return lines


YEAR_HINT = ("（台账格式第1.1版起项目按年度登记：请加“年度”列，"
             "或在导入时指定年度，如 taizhang import --year 2025）")  # fmt: skip


class _Rollback(Exception):
    pass


def import_workbook(
    path: str | Path, *, user=None, dry_run: bool = False,
    progress: Progress | None = None, year: int | None = None,
) -> ImportResult:  # fmt: skip
    """Import every known sheet of ``path``; nothing is written unless all rows are valid.

    ``user`` None is the command-line operator (full scope); otherwise every row must lie
    inside the user's data scope (core.scope), or the row is an error and nothing is written.
    ``year`` fills 年度 where a version 1 workbook lacks that column (项目).
    """
    progress = progress or Progress()
    book = read_sheets(path)
    result = ImportResult(dry_run=dry_run)
    known = {spec.name for spec in SHEETS}
    for name in book:
        if name not in known and name not in GUIDE_SHEETS:
            result.notices.append(f"工作表“{name}”不属于台账格式，已忽略。")
    progress.begin([(s.name, book[s.name].count()) for s in SHEETS if s.name in book])
    ctx = Context(user=user, year=year, mask=False)
    try:
        with transaction.atomic():
            for spec in SHEETS:
                if spec.name not in book:
                    continue
                if not spec.available():
                    result.errors.append(Problem(spec.name, 0, "", "该表暂不支持"))
                    continue
                _import_sheet(spec, book[spec.name], ctx, result, progress)
            if result.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    if result.ok and not dry_run:
        counts = "；".join(result.summary_lines())
        audit_record(kind=AuditKind.IMPORT, user=user,
                     object_type="exchange.Workbook", summary=f"导入工作簿：{counts}")  # fmt: skip
    progress.phase = "done"
    progress.flush(force=True)
    return result


def _read_rows(spec, sheet, ctx, result, progress):
    header = sheet.header
    index = {}
    for pos, name in enumerate(header):
        if name:
            index.setdefault(name, pos)
    columns = {c.header for c in spec.columns}
    for name in index:
        if name not in columns:
            result.notices.append(f"“{spec.name}”表的“{name}”列不属于台账格式，已忽略。")
    filled = {}
    if "年度" not in index and ctx.year and any(c.header == "年度" for c in spec.columns):
        filled["年度"] = ctx.year  # a version 1 workbook, the year chosen at upload
    missing = [c.header for c in spec.columns
               if c.required and c.header not in index and c.header not in filled]  # fmt: skip
    for name in missing:
        hint = YEAR_HINT if name == "年度" and spec.name == "项目" else ""
        result.errors.append(Problem(spec.name, 1, name, "缺少必填列" + hint))
    if missing:
        return [], set()
    present = {c.header for c in spec.columns if c.header in index}
    plan = [(c.header, index.get(c.header), c.required and not c.blank_ok, blank(c),
             converter(c, ctx.today)) for c in spec.columns]  # fmt: skip
    rows, errors, name = [], result.errors, spec.name
    for count, (number, raw) in enumerate(sheet.data(), start=1):
        values, bad, width = {}, False, len(raw)
        for header, pos, required, empty, convert in plan:
            cell = raw[pos] if pos is not None and pos < width else None
            if cell is None or cell == "" or (type(cell) is str and not cell.strip()):
                if required and header not in filled:
                    errors.append(Problem(name, number, header, "必填项为空"))
                    bad = True
                values[header] = filled.get(header, [] if empty.__class__ is list else empty)
                continue
            try:
                values[header] = convert(cell)
            except CellError as exc:
                errors.append(Problem(name, number, header, str(exc)))
                bad = True
        if not bad:
            rows.append((number, values))
        if count % TICK == 0:
            progress.step("check", name, checked=count // 2)
    return rows, present


def _import_sheet(spec, sheet, ctx, result: ImportResult, progress: Progress) -> None:
    counts = SheetResult(spec.name)
    result.sheets.append(counts)
    progress.step("check", spec.name)
    rows, present = _read_rows(spec, sheet, ctx, result, progress)
    total = sheet.count()
    if getattr(spec, "sequential", False):
        for done, (number, values) in enumerate(rows, start=1):
            try:
                outcome = spec.apply_row(ctx, values, number)
            except RowError as exc:
                result.errors.append(Problem(spec.name, number, exc.column, exc.message))
                continue
            setattr(counts, outcome, getattr(counts, outcome) + 1)
            if done % 100 == 0:
                progress.step("write", spec.name, checked=done, written=done)
        progress.step("write", spec.name, checked=total, written=total)
        return
    planned, seen = [], {}
    half = total // 2
    for done, (number, values) in enumerate(rows, start=1):
        if done % TICK == 0:
            progress.step("check", spec.name, checked=half + done * (total - half) // total)
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
    progress.step("check", spec.name, checked=total)
    for number, column, message in spec.check_sheet(ctx, planned):
        result.errors.append(Problem(spec.name, number, column, message))
    existing = spec.existing(ctx)
    for number, column, message in _stored_scope(spec, ctx, planned, existing):
        result.errors.append(Problem(spec.name, number, column, message))
    if result.errors:
        return  # later sheets are still validated; nothing will be written
    created, written = _write(spec, ctx, planned, present, counts, existing, progress)
    counts.notes.extend(spec.summary_notes(planned))
    # Checked on what the rows actually change (an unchanged row of a re-imported export
    # passes); any refusal rolls the whole import back, so the write above never stays.
    for number, key, values, _ in planned:
        if key in written:
            problem = spec.write_problem(ctx, values, created=key in created)
            if problem:
                result.errors.append(Problem(spec.name, number, spec.columns[0].header, problem))


def _stored_scope(spec, ctx, planned, existing):
    """A row may not update a stored record that lies outside the user's scope."""
    anchor = getattr(spec, "scope_field", None)
    if ctx.scope is None or anchor is None or anchor[0] not in spec.fields:
        return
    field, column = anchor
    position = spec.fields.index(field)
    for number, key, _values, _ in planned:
        found = existing.get(key)
        if found is not None and not ctx.in_scope(found[2][position]):
            # Never name the unit that holds the record: that would tell who it is.
            yield (number, column, "该行对应的已有记录不在您的数据范围内，不能导入")


def _write(spec, ctx, planned, present, counts: SheetResult, existing, progress):
    """Write the planned rows; return the keys created and the keys written at all."""
    model = spec.model
    active = [f for f in spec.fields if f not in spec.sources or spec.sources[f] in present]
    positions = {f: spec.fields.index(f) for f in active}
    now = timezone.now()
    creates, updates, pks, unchanged, before = [], [], {}, set(), {}
    for _number, key, values, _related in planned:
        found = existing.get(key)
        clean = {k: ("" if v is KEEP else v) for k, v in values.items()
                 if k != "key" and not k.startswith("_")}  # fmt: skip
        if found is None:
            creates.append((key, clean))
            continue
        pk, version, stored = found
        pks[key] = pk
        diff = [f for f in active if values[f] is not KEEP and stored[positions[f]] != values[f]]
        if not diff:
            unchanged.add(key)
            continue
        before[key] = stored
        obj = model(pk=pk, **{f: stored[positions[f]] if values[f] is KEEP else clean[f]
                              for f in active})  # fmt: skip
        obj.version, obj.updated_at = version + 1, now
        updates.append(obj)
    if creates:
        attnames = {f.attname for f in model._meta.concrete_fields}
        unknown = set(creates[0][1]) - attnames
        assert not unknown, f"{spec.name}: not fields of {model.__name__}: {unknown}"
    for start in range(0, len(creates), BATCH):
        chunk = creates[start : start + BATCH]
        for (key, _), pk in zip(chunk, insert_rows(model, [c for _, c in chunk]), strict=True):
            pks[key] = pk
        progress.step("write", spec.name, written=start + len(chunk))
    if updates:
        # The summary rows the updated rows counted in before (a date may move a year).
        summary.touch_rows(model, [obj.pk for obj in updates])
        model.objects.bulk_update(updates, [*active, "version", "updated_at"], batch_size=BATCH)
    linked = set(spec.after_write(ctx, planned, pks) or ()) & unchanged
    summary.touch_rows(model, [pk for k, pk in pks.items() if k not in unchanged or k in linked])
    if model is Person:  # bulk writes send no signals: the name index follows here,
        written = [pk for k, pk in pks.items() if k not in unchanged]
        grams_refresh(written)
        names_follow(written)  # and the names the county's duty overview sorts on
    created = {k for k, _ in creates}
    spec.record(ctx, planned, pks, created=created, before=before)
    _history(model, ctx, [pks[k] for k in created], [obj.pk for obj in updates])
    counts.created += len(creates)
    counts.updated += len(updates) + len(linked)
    counts.unchanged += len(unchanged) - len(linked)
    progress.step("write", spec.name, written=len(planned))
    return created, created | {k for k in pks if k not in unchanged} | linked


def _history(model, ctx, created: list[int], updated: list[int]) -> None:
    """Record imported rows in the model's change history, as a form save would."""
    manager = getattr(model, "history", None)
    if manager is None or not (created or updated):
        return
    user = ctx.user if getattr(ctx.user, "pk", None) else None
    for pks, update in ((created, False), (updated, True)):
        for start in range(0, len(pks), BATCH):
            objs = list(model.objects.filter(pk__in=pks[start : start + BATCH]))
            manager.bulk_history_create(objs, batch_size=BATCH, update=update,
                                        default_user=user, default_change_reason="工作簿导入")  # fmt: skip
