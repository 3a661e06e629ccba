"""Ledger reads: totals and a person's year grouped by portfolio, with source ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from taizhang.ledger.models import Indicator, Project, WorkEntry

NO_PORTFOLIO = "其他工作"


def project_totals(projects) -> dict:
    """Sum the money columns of a project queryset in SQL."""
    row = projects.aggregate(
        count=Count("id"),
        intended=Sum("intended_funds"),
        arrived=Sum("arrived_funds"),
        output=Sum("annual_output"),
        taxes=Sum("taxes"),
        area=Sum("area"),
    )
    return {k: (v if v is not None else Decimal(0)) for k, v in row.items()}


@dataclass
class PortfolioYear:
    """One portfolio of one person in one year."""

    name: str
    projects: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    entries: list = field(default_factory=list)

    @property
    def totals(self) -> dict:
        return project_totals(Project.objects.filter(pk__in=[p.pk for p in self.projects]))


def person_portfolios(person) -> list[str]:
    """Return the portfolios of the person's current posts, in post order."""
    names: list[str] = []
    for post in person.posts.filter(end__isnull=True).order_by("start", "id"):
        names.extend(p for p in post.portfolios if p not in names)
    return names


def person_year(person, year: int) -> list[PortfolioYear]:
    """Group the person's projects, indicators and work entries of ``year`` by portfolio."""
    groups: dict[str, PortfolioYear] = {}
    for name in person_portfolios(person):
        groups[name] = PortfolioYear(name)

    def group(name: str) -> PortfolioYear:
        name = name or NO_PORTFOLIO
        return groups.setdefault(name, PortfolioYear(name))

    for project in Project.objects.filter(responsible=person, year=year).order_by("code"):
        group(project.portfolio or project.kind).projects.append(project)
    for indicator in Indicator.objects.filter(responsible=person, year=year).order_by("name"):
        group(indicator.portfolio).indicators.append(indicator)
    for entry in WorkEntry.objects.filter(person=person, date__year=year).order_by("date", "id"):
        group(entry.portfolio).entries.append(entry)
    return list(groups.values())


def person_year_sections(person, year: int) -> list:
    """Build one writer FactSection per portfolio (``portfolio:<name>``) for ``person``."""
    from taizhang.figures.registry import fact
    from taizhang.ledger.figures import PROJECT_FIGURES, number_value
    from taizhang.writer.facts import FactSection

    sections = []
    for group in person_year(person, year):
        section = FactSection(key=f"portfolio:{group.name}", attributes={"name": group.name})
        if group.projects:
            ids = [p.pk for p in group.projects]
            totals = group.totals
            section.add(fact("projects", "项目", ids, "个", model="ledger.Project",
                             keywords=("项目",)))  # fmt: skip
            for key, label, words in PROJECT_FIGURES:
                section.add(fact(f"funds_{key}" if key in ("intended", "arrived") else key,
                                 label, ids, "万元", model="ledger.Project",
                                 value=number_value(totals[key]), keywords=words))  # fmt: skip
        for ind in group.indicators:
            ids = [ind.pk]
            if ind.actual is not None:
                section.add(fact(f"indicator.{ind.name}", ind.name, ids, ind.unit,
                                 model="ledger.Indicator", value=number_value(ind.actual),
                                 keywords=(ind.name,)))  # fmt: skip
            if ind.rank is not None:
                section.add(fact(f"indicator.{ind.name}.rank", f"{ind.name}全县排名", ids, "位",
                                 model="ledger.Indicator", value=ind.rank,
                                 keywords=("排名",)))  # fmt: skip
            if ind.rank_change is not None:
                section.add(fact(f"indicator.{ind.name}.rank_change", f"{ind.name}排名变化",
                                 ids, "位", model="ledger.Indicator", value=ind.rank_change,
                                 keywords=("前进", "上升")))  # fmt: skip
        section.texts["highlights"] = [e.content or e.matter for e in group.entries]
        sections.append(section)
    return sections
