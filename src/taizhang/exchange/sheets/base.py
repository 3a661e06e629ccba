"""Sheet specification: columns, key, conversion of a row into model values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from taizhang.exchange import cells
from taizhang.exchange.aliases import normalise
from taizhang.exchange.cells import RowError  # noqa: F401  (re-exported)

KEEP = object()  # a masked cell: keep what the database holds


@dataclass(frozen=True)
class Col:
    header: str
    required: bool = False
    kind: str = "text"  # text date pastdate month datetime count int decimal money enum bool list
    choices: tuple[str, ...] = ()
    max_length: int = 200
    example: object = None
    # a required column whose cell may be empty where the sheet's rule allows it (上级 of a 县)
    blank_ok: bool = False


def _text(col: Col, raw, today: date):
    value = cells.text(raw)
    if len(value) > col.max_length:
        raise cells.CellError(f"内容过长（{len(value)} 字），最多 {col.max_length} 字")
    return value


def _enum(col: Col, raw, today: date):
    value = normalise(cells.text(raw), col.choices)
    if value not in col.choices:
        raise cells.CellError(f"“{value}”不是可选值，应为：{'、'.join(col.choices)}")
    return value


def _date(col: Col, raw, today: date):
    value = cells.parse_date(raw)
    if not date(1900, 1, 1) <= value <= date(2100, 12, 31):
        raise cells.CellError(f"日期“{value}”超出合理范围")
    if col.kind == "pastdate" and value > today:
        raise cells.CellError(f"日期“{value.isoformat()}”晚于今天，已发生的事项不能填写将来日期")
    return value


def _month(col: Col, raw, today: date):
    value = cells.parse_month(raw)
    if value > today:
        raise cells.CellError(f"出生年月“{value:%Y-%m}”晚于今天")
    return value


# Kind → converter of one cell; the plain parsers need neither the column nor the date.
CONVERTERS = {
    "text": _text,
    "enum": _enum,
    "date": _date,
    "pastdate": _date,
    "month": _month,
    "datetime": lambda col, raw, today: cells.parse_datetime(raw),
    "count": lambda col, raw, today: cells.parse_count(raw),
    "int": lambda col, raw, today: cells.parse_int(raw),
    "decimal": lambda col, raw, today: cells.parse_decimal(raw, negative=True),
    "money": lambda col, raw, today: cells.parse_decimal(raw),
    "bool": lambda col, raw, today: cells.parse_bool(raw),
    "list": lambda col, raw, today: cells.parse_list(raw),
}


def convert(col: Col, raw, today: date):
    """Convert one raw cell by the column's kind (raises cells.CellError)."""
    handler = CONVERTERS.get(col.kind)
    if handler is None:
        raise AssertionError(col.kind)
    return handler(col, raw, today)


def converter(col: Col, today: date):
    """Return a one-argument converter for the column, with a fast path for plain text."""
    if col.kind == "text":
        limit = col.max_length

        def text(raw):
            if raw.__class__ is str:
                value = raw.strip()
                if value[:1] == "'" and value[1:2] in cells.FORMULA_START:
                    value = value[1:]
            else:
                value = cells.text(raw)
            if len(value) > limit:
                raise cells.CellError(f"内容过长（{len(value)} 字），最多 {limit} 字")
            return value

        return text
    if col.kind == "enum":
        allowed = set(col.choices)

        def enum(raw):
            value = raw.strip() if raw.__class__ is str else cells.text(raw)
            if value not in allowed:
                value = normalise(value, col.choices)
            if value not in allowed:
                raise cells.CellError(f"“{value}”不是可选值，应为：{'、'.join(col.choices)}")
            return value

        return enum
    return lambda raw: convert(col, raw, today)


def blank(col: Col):
    return {"text": "", "enum": "", "list": [], "bool": False}.get(col.kind)


class SheetSpec:
    """One register of the workbook. Subclasses define columns, model and ``build``."""

    name: str = ""
    columns: list[Col] = []
    model_label: str = ""
    key: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    # model attname -> header it comes from (a field whose column is absent is left alone)
    sources: dict[str, str] = {}
    # what the key means, for the 填写说明 sheet
    key_text: str = ""
    # (attname, header) of the unit or township a stored row belongs to: an import by a
    # user may not update a stored row outside their scope (None: the key decides it)
    scope_field: tuple[str, str] | None = None
    # the permission the same writes need through the forms (core.roles)
    permission: str = ""
    # what the permission means, for the refusal and the import page
    permission_text: str = ""

    def available(self) -> bool:
        from django.apps import apps

        try:
            apps.get_model(self.model_label)
        except LookupError:
            return False
        return True

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_label)

    def build(self, ctx, row: dict, number: int) -> dict:
        """Turn converted cells into model values (attnames); raise RowError."""
        raise NotImplementedError

    def check_sheet(self, ctx, planned: list) -> list[tuple[int, str, str]]:
        """Rules spanning rows: return (row, column, message) for each problem."""
        return []

    def existing(self, ctx) -> dict:
        """Map key -> (pk, version, values tuple in ``fields`` order) of stored rows."""
        out = {}
        rows = self.model.objects.values_list(*self.key, "pk", "version", *self.fields)
        n = len(self.key)
        for row in rows.iterator(chunk_size=5000):
            out[tuple(row[:n])] = (row[n], row[n + 1], row[n + 2 :])
        return out

    def summary_notes(self, planned: list) -> list[str]:
        """Lines for the import summary beyond the counts (e.g. deadlines computed)."""
        return []

    def write_problem(self, ctx, values: dict, *, created: bool) -> str | None:
        """Say why the importing user may not write this row (None: allowed)."""
        if ctx.may(self.permission):
            return None
        return f"您的角色不能通过表单{self.permission_text}，也不能通过导入写入"

    def after_write(self, ctx, planned: list, pks: dict) -> None:
        """Write related rows (participants, sponsors) once the main rows have ids."""

    def record(self, ctx, planned: list, pks: dict, *, created: set, before: dict) -> None:
        """Hook after writing: ``created`` keys are new; ``before`` maps updated keys to
        their stored values (``fields`` order)."""

    def export_rows(self, ctx):
        """Yield lists of cell values in column order."""
        raise NotImplementedError

    def example(self) -> list:
        return [c.example for c in self.columns]
