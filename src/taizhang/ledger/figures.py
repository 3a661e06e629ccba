"""Ledger figures: projects (count, funds, output, taxes) and indicators (result, rank)."""

from __future__ import annotations

from taizhang.figures.registry import fact, register
from taizhang.ledger.models import Indicator, Project
from taizhang.ledger.selectors import project_totals

PROJECT_FIGURES = [
    ("intended", "意向资金", ("意向资金", "意向投资", "协议资金")),
    ("arrived", "到位资金", ("到位资金", "实际到位")),
    ("output", "年产值", ("产值",)),
    ("taxes", "年利税", ("利税",)),
]


def number_value(value):
    """Return an int when the decimal has no fraction, else a float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _project_facts(prefix: str, label: str, projects) -> list:
    ids = list(projects.values_list("id", flat=True))
    if not ids:
        return []
    totals = project_totals(projects)
    out = [fact(f"{prefix}.count", f"{label}项目", ids, "个", model="ledger.Project",
                keywords=("项目",))]  # fmt: skip
    for key, name, words in PROJECT_FIGURES:
        out.append(
            fact(f"{prefix}.{key}", f"{label}项目{name}", ids, "万元", model="ledger.Project",
                 value=number_value(totals[key]), keywords=words)
        )  # fmt: skip
    return out


@register("ledger")
def ledger_figures(township, year: int) -> list:
    """Projects and indicators of the township's ledger of ``year``."""
    projects = Project.objects.filter(township=township, year=year)
    out = _project_facts("ledger.projects", "", projects)
    for kind in projects.values_list("kind", flat=True).distinct().order_by("kind"):
        out += _project_facts(f"ledger.projects.{kind}", kind, projects.filter(kind=kind))
    for ind in Indicator.objects.filter(township=township, year=year).order_by("name"):
        model, ids, base = "ledger.Indicator", [ind.pk], f"ledger.indicator.{ind.name}"
        words = (ind.name,)
        if ind.actual is not None:
            out.append(fact(f"{base}.actual", f"{ind.name}完成值", ids, ind.unit, model=model,
                            value=number_value(ind.actual), keywords=words))  # fmt: skip
        if ind.target is not None:
            out.append(fact(f"{base}.target", f"{ind.name}目标值", ids, ind.unit, model=model,
                            value=number_value(ind.target), keywords=("目标", *words)))  # fmt: skip
        if ind.rank is not None:
            out.append(fact(f"{base}.rank", f"{ind.name}全县排名", ids, "位", model=model,
                            value=ind.rank, keywords=("排名", "第")))  # fmt: skip
        if ind.rank_change is not None:
            out.append(fact(f"{base}.rank_change", f"{ind.name}排名变化", ids, "位", model=model,
                            value=ind.rank_change, keywords=("前进", "上升", "位次")))  # fmt: skip
    return out
