"""County roll-up: one row per township, read from the figures registry, plus the county total.

Every cell is a registered figure of its township (so it equals the township's figures
page), or a rate computed from two of them exactly as the township's own rate is; the
total row adds the parts and recomputes each rate from the summed parts and bases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from taizhang.figures.registry import figures_for

# The registry areas the roll-up reads, by the first part of a column's key.
AREA_OF_PREFIX = {"cases": "cases", "meetings": "meetings", "activities": "meetings",
                  "duty": "duty"}  # fmt: skip
AREAS = ("cases", "meetings", "duty")


@dataclass(frozen=True, slots=True)
class Column:
    """A roll-up column: a count (``key``) or a rate of ``part`` over ``base``."""

    key: str
    label: str
    unit: str = ""
    part: str = ""
    base: tuple[str, ...] = ()
    group: str = ""
    # The list a cell links to: (URL name, query) filtered further by township and year;
    # a count's list holds exactly the records the cell counts, a rate's list its base.
    link: tuple[str, str] = ()

    @property
    def is_rate(self) -> bool:
        return bool(self.base)

    @property
    def area(self) -> str:
        """The registry area whose figures the column reads."""
        return AREA_OF_PREFIX[self.key.split(".", 1)[0]]


COLUMNS = (
    Column(
        "meetings.sessions", "人代会", "次", group="人代会", link=("meetings:index", "kind=人代会")
    ),
    Column(
        "meetings.session.rate",
        "出席率",
        "%",
        part="meetings.session.present",
        base=("meetings.session.expected",),
        group="人代会",
        link=("meetings:index", "kind=人代会"),
    ),
    Column(
        "cases.motions_received",
        "议案",
        "件",
        group="议案建议",
        link=("cases:index", "figure=motions"),
    ),
    Column(
        "cases.suggestions",
        "建议",
        "件",
        group="议案建议",
        link=("cases:index", "figure=suggestions"),
    ),
    Column("cases.closed", "办结", "件", group="议案建议", link=("cases:index", "figure=closed")),
    Column(
        "cases.on_time_rate",
        "按期办结率",
        "%",
        part="cases.closed_on_time",
        base=("cases.closed",),
        group="议案建议",
        link=("cases:index", "figure=closed"),
    ),
    Column(
        "cases.satisfaction_rate",
        "满意率",
        "%",
        part="cases.satisfaction_rate",
        base=("cases.rated",),
        group="议案建议",
        link=("cases:index", "figure=rated"),
    ),
    Column("cases.petitions", "信访", "件", group="信访", link=("cases:index", "figure=petitions")),
    Column(
        "cases.petitions.settled_in_village_rate",
        "村级化解率",
        "%",
        part="cases.petitions.settled_in_village_rate",
        base=("cases.petitions.settled",),
        group="信访",
        link=("cases:index", "figure=settled"),
    ),
    Column(
        "activities.inspection.count",
        "视察",
        "次",
        group="监督",
        link=("meetings:activity_list", "kind=视察"),
    ),
    Column(
        "activities.evaluation.count",
        "站所评议",
        "次",
        group="监督",
        link=("meetings:activity_list", "kind=站所评议"),
    ),
    Column("activities.opinions", "意见", "条", group="监督"),
    Column(
        "activities.opinions_rate",
        "整改办结率",
        "%",
        part="activities.opinions_closed",
        base=("activities.opinions",),
        group="监督",
    ),
    Column(
        "duty.completion_rate",
        "履职完成率",
        "%",
        part="duty.deputies_complete",
        base=("duty.deputies_complete", "duty.deputies_behind"),
        group="代表履职",
        link=("duty:index", ""),
    ),
    Column("duty.publicity.pieces", "宣传信息", "篇", group="代表履职"),
    Column("duty.budget.spent", "经费支出", "元", group="代表履职"),
)


def rate(part: float, base: float) -> float | None:
    """Percentage with one decimal, or None over an empty base (shown as 暂无)."""
    return round(part * 100 / base, 1) if base else None


@dataclass(slots=True)
class Cell:
    column: Column
    value: float | None
    sources: tuple[str, ...] = ()
    part: float = 0
    base: float = 0
    href: str = ""  # the filtered list of the records the cell counts (set by the page)

    @property
    def text(self) -> str:
        return format_value(self.value, self.column.unit)


@dataclass(slots=True)
class Row:
    township: object | None
    name: str
    cells: list[Cell] = field(default_factory=list)


def format_value(value: float | None, unit: str) -> str:
    """A cell as a reader expects it: 暂无 for no rate, 100% not 100.0%, no stray .0."""
    if value is None:
        return "暂无"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}{unit}"


def _amount(fact) -> float:
    if fact is None:
        return 0
    if fact.unit == "%":
        return len(fact.sources)  # a rate's sources are the cases it counts
    return float(fact.value or 0)


def township_row(township, year: int, areas=AREAS) -> Row:
    """One township's row, every cell read from its registered figures (only the columns
    of ``areas`` when given: the summary recomputes the families a write touched)."""
    by_key = {f.key: f for f in figures_for(township, year, only=areas)}
    row = Row(township=township, name=township.name)
    for col in COLUMNS:
        if col.area not in areas:
            continue
        if col.is_rate:
            part = _amount(by_key.get(col.part))
            base = sum(_amount(by_key.get(k)) for k in col.base)
            sources = by_key[col.part].sources if col.part in by_key else ()
            row.cells.append(Cell(col, rate(part, base), sources, part, base))
        else:
            fact = by_key.get(col.key)
            value = fact.value if fact is not None else 0
            sources = fact.sources if fact is not None else ()
            row.cells.append(Cell(col, value, sources, float(value or 0)))
    return row


def total_row(rows: list[Row]) -> Row:
    """The county total: parts and bases added, each rate recomputed from the sums."""
    total = Row(township=None, name="全县合计")
    for i, col in enumerate(COLUMNS):
        part = sum(r.cells[i].part for r in rows)
        if col.is_rate:
            base = sum(r.cells[i].base for r in rows)
            total.cells.append(Cell(col, rate(part, base), (), part, base))
        else:
            value = int(part) if float(part).is_integer() else round(part, 2)
            total.cells.append(Cell(col, value, (), part))
    return total


def stored_row(township, cells: dict) -> Row:
    """A township's row from its summary row's stored cells (figures/summary.py)."""
    row = Row(township=township, name=township.name)
    for col in COLUMNS:
        value, part, base = cells.get(col.key, (None if col.is_rate else 0, 0, 0))
        row.cells.append(Cell(col, value, (), part, base))
    return row


def county_rollups(townships, years) -> dict[int, tuple[list[Row], Row]]:
    """Rows and total per year for the townships (in the order given): one query for all
    of them, read from the summary rows that every write keeps current."""
    from taizhang.figures.summary import summary_rows

    years = list(years)
    stored = summary_rows(list(townships), years)
    result = {}
    for year in years:
        rows = [stored_row(t, stored[(t.pk, year)].cells) for t in townships]
        result[year] = (rows, total_row(rows))
    return result


def county_rollup(townships, year: int) -> tuple[list[Row], Row]:
    """Rows for the townships (in the order given) and the county total."""
    return county_rollups(townships, [year])[year]
