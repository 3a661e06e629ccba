"""Facts of a cadre's personal summary or duty report: posts, portfolios, records, cases."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.db.models import Q

from taizhang.core.models import OrgKind
from taizhang.documents.facts import add_texts
from taizhang.documents.facts.common import put
from taizhang.documents.facts.personal_cases import add_cases, add_township
from taizhang.ledger.models import Indicator, Project, WorkEntry
from taizhang.ledger.selectors import NO_PORTFOLIO, project_totals
from taizhang.meetings.models import ActivityKind, Attendance, Participant
from taizhang.people.models import CadrePost
from taizhang.writer.facts import Facts, FactSection, Record
from taizhang.writer.posts import rank_move, tier_of, voice_key

# Work-log entries that tell the person's study, talks and probity rather than a portfolio.
CATEGORY = {  # first match wins: 廉政党课 is probity, not study
    "integrity": re.compile(r"廉政|廉洁|八项规定|警示教育|一岗双责"),
    "talks": re.compile(r"谈心|谈话|家访"),
    "study": re.compile(r"学习|培训|党课|研讨|读书|宣讲|民主生活会|组织生活|主题党日|三会一课"),
}
ENTRY_LABELS = {
    "study": ("学习记录", ("学习活动", "学习记录", "学习")),
    "talks": ("谈心谈话", ("谈心谈话",)),
    "integrity": ("廉政活动", ("廉政",)),
}
VISIT = re.compile(r"入户|走访|下村|驻村|到村|实地|现场|验收|核查")
# Project money in the ledger is kept in 万元; each field is named by what it means.
PROJECT_FIELDS = (
    ("funds_intended", "intended", "签约（意向）资金", ("意向资金", "签约")),
    ("funds_arrived", "arrived", "实际到位资金", ("到位资金", "实际到位")),
    ("output", "output", "产值", ("产值",)),
    ("taxes", "taxes", "利税", ("利税",)),
)


def year_posts(person, year: int) -> list:
    """The person's posts held in ``year``, first taken first."""
    return list(
        CadrePost.objects.filter(person=person, start__lte=date(year, 12, 31))
        .filter(Q(end__isnull=True) | Q(end__gte=date(year, 1, 1)))
        .select_related("unit", "unit__township")
        .order_by("start", "id")
    )


def _township_of(post) -> str:
    unit = post.unit
    return (
        unit.name
        if unit.kind == OrgKind.TOWNSHIP
        else (unit.township.name if unit.township_id else "")
    )


def _number(value):
    if value is None:
        return None
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return float(value) if isinstance(value, Decimal) else value


def personal_facts(person, year: int, inputs: dict) -> Facts:
    """Return the Facts of one person's year: one section per post, portfolio and case kind."""
    f = Facts(kind="personal", subject=person.name, year=year)
    posts = year_posts(person, year)
    township = (
        _township_of(posts[0]) if posts else (person.township.name if person.township_id else "")
    )
    f.attributes.update(name=person.name, township=township, tier=tier_of(township))
    f.names.add(person.name)
    if inputs.get("voice"):
        f.attributes["voice"] = str(inputs["voice"])
    holder: dict[str, str] = {}
    for i, post in enumerate(posts, start=1):
        s = f.section(f"post:{i}")
        portfolios = [p for p in (post.portfolios or []) if p]
        s.attributes.update(
            title=post.title,
            voice=voice_key(post.title, township) or "",
            unit=post.unit.name,
            unit_kind=post.unit.kind,
            township=township,
            since=post.start.isoformat(),
            portfolios="、".join(portfolios),
        )
        s.records.append(Record(f"people.CadrePost:{post.pk}", post.title, kind="职务"))
        for name in portfolios:
            holder.setdefault(name, s.key)
    entries = list(WorkEntry.objects.filter(person=person, date__year=year).order_by("date", "id"))
    _portfolios(f, person, year, entries, holder)
    _study_and_diligence(f, person, year, entries, township)
    add_cases(f, person, posts, year)
    add_township(f, posts, year)
    add_texts(f, inputs)
    return f


def _category(entry) -> str:
    words = f"{entry.matter}{entry.portfolio}"
    return next((name for name, rx in CATEGORY.items() if rx.search(words)), "")


def _entry_record(e) -> Record:
    return Record(
        f"ledger.WorkEntry:{e.pk}", e.matter, kind="工作记录", date=e.date.isoformat(),
        detail=e.content,
    )  # fmt: skip


def _portfolios(f: Facts, person, year: int, entries: list, holder: dict) -> None:
    names = list(holder)
    projects = list(Project.objects.filter(responsible=person, year=year).order_by("code"))
    indicators = list(Indicator.objects.filter(responsible=person, year=year).order_by("id"))
    work = [e for e in entries if not _category(e)]
    for item in [*projects, *indicators, *work]:
        name = item.portfolio or getattr(item, "kind", "") or NO_PORTFOLIO
        if name not in names:
            names.append(name)
    for name in names:
        own_projects = [p for p in projects if (p.portfolio or p.kind) == name]
        own_indicators = [i for i in indicators if (i.portfolio or NO_PORTFOLIO) == name]
        own_entries = [e for e in work if (e.portfolio or NO_PORTFOLIO) == name]
        s = f.section(f"portfolio:{name}")
        s.attributes.update(name=name, post=holder.get(name, "post:1"))
        if own_projects:
            _project_facts(s, own_projects)
        for ind in own_indicators:
            _indicator(f, s, ind)
        s.records.extend(_entry_record(e) for e in own_entries)


def _project_facts(s: FactSection, projects: list) -> None:
    ids = [p.pk for p in projects]
    totals = project_totals(Project.objects.filter(pk__in=ids))
    put(s, "projects", "项目", ids, "个", "ledger.Project", keywords=("项目",))
    for name, key, label, words in PROJECT_FIELDS:
        put(s, name, label, ids, "万元", "ledger.Project", value=_number(totals[key]),
            keywords=words)  # fmt: skip
    for p in projects:
        s.records.append(
            Record(f"ledger.Project:{p.pk}", p.name, kind="项目", state=p.status or "")
        )
        for key, value, label, words in (
            (
                "intended",
                p.intended_funds,
                "签约（意向）资金",
                ("意向资金", "签约（意向）资金", "签约"),
            ),
            ("arrived", p.arrived_funds, "实际到位资金", ("到位资金", "实际到位", "到位")),
        ):
            if value is not None:
                put(s, f"project.{p.pk}.{key}", f"{p.name}{label}", [p.pk], "万元",
                    "ledger.Project", value=_number(value), keywords=words)  # fmt: skip


def _indicator(f: Facts, portfolio: FactSection, ind) -> None:
    s = f.section(f"indicator:{ind.pk}")
    s.attributes.update(name=ind.name, portfolio=portfolio.attributes["name"], unit=ind.unit)
    words = (ind.name,)
    for name, value, unit, label, kw in (
        ("target", ind.target, ind.unit, f"{ind.name}目标", ("目标", *words)),
        ("actual", ind.actual, ind.unit, ind.name, words),
        ("rank", ind.rank, "位", f"{ind.name}全县排名", ("排名", "第")),
    ):
        if value is not None:
            put(s, name, label, [ind.pk], unit, "ledger.Indicator", value=_number(value),
                keywords=kw)  # fmt: skip
    move = rank_move(ind.rank_change or 0)
    if move is not None:
        name, places, words = move
        put(s, name, f"{ind.name}排名变化", [ind.pk], "位", "ledger.Indicator", value=places,
            keywords=words)  # fmt: skip
    s.records.append(Record(f"ledger.Indicator:{ind.pk}", ind.name, kind="指标"))


def _study_and_diligence(f: Facts, person, year: int, entries: list, township: str) -> None:
    mandates = list(person.mandates.values_list("id", flat=True))
    study = f.section("study")
    trainings = Participant.objects.filter(
        deputy_id__in=mandates, activity__date__year=year, activity__kind=ActivityKind.TRAINING
    )
    put(study, "trainings", "参加学习培训", trainings.values_list("activity_id", flat=True), "次",
        "meetings.Activity", keywords=("学习培训", "培训"))  # fmt: skip
    study.texts["topics"] = list(trainings.values_list("activity__topic", flat=True)[:3])
    for name in ("study", "talks", "integrity"):
        own = [e for e in entries if _category(e) == name]
        section = study if name == "study" else f.section(name)
        if own:
            label, words = ENTRY_LABELS[name]
            put(section, f"{name}_entries", label, [e.pk for e in own], "次", "ledger.WorkEntry",
                keywords=words)  # fmt: skip
        section.records.extend(_entry_record(e) for e in own)
    d = f.section("diligence")
    put(d, "entries", "工作记录", [e.pk for e in entries], "条", "ledger.WorkEntry",
        keywords=("工作记录", "工作日志"))  # fmt: skip
    villages = _village_names(township)
    out = [e for e in entries if VISIT.search(e.matter + e.content) or _names(e, villages)]
    days = {e.date: e.pk for e in out}
    named = [v for e in entries for v in villages if v in e.matter + e.content]
    d.texts["villages"] = list(dict.fromkeys(named))[:4]
    put(d, "village_days", "深入村组", list(days.values()), "天", "ledger.WorkEntry",
        keywords=("深入村组", "下村"))  # fmt: skip
    attended = Attendance.objects.filter(
        deputy_id__in=mandates, meeting__date__year=year, status="出席"
    )
    put(d, "meetings", "参加会议", attended.values_list("id", flat=True), "次",
        "meetings.Attendance", keywords=("参加会议",))  # fmt: skip
    joined = Participant.objects.filter(deputy_id__in=mandates, activity__date__year=year).exclude(
        activity__kind=ActivityKind.TRAINING
    )
    put(d, "activities", "参加活动", joined.values_list("activity_id", flat=True), "次",
        "meetings.Activity", keywords=("参加活动", "活动"))  # fmt: skip


def _village_names(township: str) -> list[str]:
    from taizhang.core.models import OrgUnit

    if not township:
        return []
    return list(
        OrgUnit.objects.filter(kind=OrgKind.VILLAGE, township__name=township).values_list(
            "name", flat=True
        )
    )


def _names(entry, villages: list[str]) -> bool:
    text = entry.matter + entry.content
    return any(v in text for v in villages)
