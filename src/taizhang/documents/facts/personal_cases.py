"""A cadre's cases by kind (per the attribution rule) and a head's township figures."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from taizhang.cases.models import CLOSED_STATES, OPINION_KINDS, Case, CaseKind
from taizhang.core.models import OrgKind, OrgUnit
from taizhang.documents.facts.attribution import attribute_cases
from taizhang.documents.facts.common import put
from taizhang.figures.registry import figures_for
from taizhang.ledger.models import Indicator, Project
from taizhang.meetings.models import Activity, ActivityKind, Meeting, MeetingKind
from taizhang.writer.facts import Fact, Facts, FactSection, Record
from taizhang.writer.posts import OPEN_CASE_WORDS, case_keywords, rank_move, voice_for

# Activities a cadre who took part tells as their own record.
TOLD_ACTIVITIES = (
    ActivityKind.INSPECTION,
    ActivityKind.EVALUATION,
    ActivityKind.RESEARCH,
    ActivityKind.LAW_CHECK,
)

MODEL = "cases.Case"
GOOD = ("满意", "基本满意")
RECORDS_PER_KIND = 8


def _anonymous(text: str, case) -> str:
    """Drop the village's and the petitioner's names from a case text (某村, 当事人)."""
    out = text or ""
    if case.village_id:
        out = out.replace(case.village.name, "该村")
    for name in (case.petitioner_name, getattr(case.petitioner, "name", "")):
        if name:
            out = out.replace(name, "当事人")
    return out.strip()


def add_cases(f: Facts, person, posts: list, year: int) -> None:
    """Add one ``cases:<post>:<kind>`` section per post and case kind that belongs to them."""
    attributed = attribute_cases(person, posts, year)
    if not attributed:
        return
    by_id = {a.case_id: a for a in attributed}
    cases = (
        Case.objects.filter(pk__in=list(by_id))
        .select_related("village", "handling_unit", "petitioner")
        .order_by("registered", "id")
    )
    groups: dict[tuple[int, str], list] = defaultdict(list)
    for case in cases:
        groups[(by_id[case.pk].post_index, case.kind)].append(case)
    today = timezone.localdate()
    for (index, kind), rows in groups.items():
        s = f.section(f"cases:{index + 1}:{kind}")
        s.attributes.update(kind=kind, post=f"post:{index + 1}")
        reasons = {by_id[c.pk].reason for c in rows}
        s.attributes["reason"] = "、".join(sorted(reasons))
        _case_facts(s, kind, rows, today)
        for case in rows[:RECORDS_PER_KIND]:
            s.records.append(
                Record(
                    f"{MODEL}:{case.pk}",
                    case.title,
                    kind=kind,
                    state=case.state,
                    date=case.registered.isoformat(),
                    detail=_anonymous(case.answer_text, case),
                    place=case.handling_unit.name if case.handling_unit_id else "",
                )
            )


def _case_facts(s: FactSection, kind: str, rows: list, today) -> None:
    unit = "条" if kind in OPINION_KINDS else "件"
    closed = [c.pk for c in rows if c.state in CLOSED_STATES]
    rated = [c.pk for c in rows if c.satisfaction]
    good = [c.pk for c in rows if c.satisfaction in GOOD]
    parts = {
        "count": (kind, [c.pk for c in rows]),
        "closed": (f"{kind}办结", closed),
        "on_time": (f"{kind}按期办结", [c.pk for c in rows if c.closed and c.due and c.closed <= c.due]),
        "overdue": (f"{kind}超期未结",
                    [c.pk for c in rows if c.state not in CLOSED_STATES and c.due and c.due < today]),
        "open": (f"{kind}正在办理", [c.pk for c in rows if c.pk not in closed]),
        "rated": (f"{kind}已评价", rated),
        "satisfied": (f"{kind}满意", good),
        "unsatisfied": (f"{kind}不满意", [pk for pk in rated if pk not in good]),
    }  # fmt: skip
    for name, (label, ids) in parts.items():
        put(s, name, label, ids, unit, MODEL, keywords=case_keywords(kind, name))
    if kind == CaseKind.ASSISTANCE:
        paid = [c for c in rows if c.amount]
        total = sum((c.amount for c in paid), start=0)
        put(s, "paid", "发放救助", [c.pk for c in paid], "件", MODEL,
            keywords=case_keywords(kind, "paid"))  # fmt: skip
        put(s, "amount", "救助资金", [c.pk for c in paid], "元", MODEL,
            value=int(total) if total == int(total) else float(total),
            keywords=case_keywords(kind, "amount"))  # fmt: skip


# Words that name opinions not yet rectified (尚未整改到位的还有2条).
UNRECTIFIED = ("尚未整改到位", "未整改到位", "尚未整改")
# Registry keys a head's document tells, re-keyed into its ``township`` section.
TOWNSHIP_KEYS = {
    "ledger.projects.count": "projects",
    "ledger.projects.intended": "funds_intended",
    "ledger.projects.arrived": "funds_arrived",
    "ledger.projects.output": "output",
    "ledger.projects.taxes": "taxes",
    "cases.petitions": "petitions",
    "cases.petitions.settled": "petitions_settled",
    "cases.petitions.open": "petitions_open",
    "cases.petitions.rejected": "petitions_rejected",
    "cases.motions_registered": "motions",
    "cases.suggestions": "suggestions",
    "cases.closed": "suggestions_closed",
    "cases.open": "suggestions_open",
    "cases.overdue_now": "overdue",
    "cases.opinions.视察意见": "inspection_opinions",
    "cases.opinions.视察意见.closed": "inspection_closed",
    "cases.opinions.评议意见": "evaluation_opinions",
    "cases.opinions.评议意见.closed": "evaluation_closed",
}
TOWNSHIP_LABELS = {
    "funds_intended": ("签约（意向）资金", ("意向资金", "签约")),
    "funds_arrived": ("实际到位资金", ("到位资金", "实际到位")),
    "output": ("产值", ("产值",)),
    "taxes": ("利税", ("利税",)),
    "motions": ("议案", ("议案",)),
    "suggestions_closed": ("议案建议办结", ("办结",)),
    "suggestions_open": ("议案建议尚未办结", OPEN_CASE_WORDS),
    "petitions_settled": ("信访办结", ("办结", "化解")),
    "petitions_open": ("信访尚未办结", OPEN_CASE_WORDS),
    "petitions_rejected": ("依法不予受理的信访", ("不予受理",)),
    "inspection_closed": ("视察意见整改办结", ("整改", "办结", "整改到位", "整改完成")),
    "evaluation_closed": ("评议意见整改办结", ("整改", "办结", "整改到位", "整改完成")),
}
PRESIDIUM_KEYS = {
    "meetings.session.expected": "expected",
    "meetings.session.present": "present",
    "meetings.session.rate": "attendance_rate",
    "meetings.session.reports_approved": "reports_approved",
    "meetings.presidium_meetings": "presidium_meetings",
    "cases.motions_received": "motions",
    "cases.motions_registered": "motions_registered",
    "cases.motions_converted": "motions_converted",
    "cases.suggestions": "suggestions",
    "cases.suggestions_own": "suggestions_own",
    "cases.closed": "closed",
    "cases.open": "open",
    "cases.satisfaction_rate": "satisfaction_rate",
    "activities.inspection.count": "inspections",
    "activities.inspection.opinions": "inspection_opinions",
    "activities.inspection.opinions_closed": "inspection_opinions_closed",
    "activities.evaluation.count": "evaluations",
    "activities.evaluation.opinions": "evaluation_opinions",
    "activities.evaluation.opinions_closed": "evaluation_opinions_closed",
}


def _rekey(s: FactSection, facts: list[Fact], keys: dict, labels: dict | None = None) -> None:
    """Copy registry facts into a section: the same values and sources as the pages."""
    labels = labels or {}
    for fact in facts:
        name = keys.get(fact.key)
        if name is None:
            continue
        label, words = labels.get(name, (fact.label, fact.keywords))
        s.add(Fact(f"{s.key}.{name}", label, fact.value, fact.unit, fact.sources, words))


def add_township(f: Facts, posts: list, year: int) -> None:
    """Add the township's overall figures for a head, the presidium's for a 人大主席."""
    for i, post in enumerate(posts, start=1):
        township = post.unit if post.unit.kind == OrgKind.TOWNSHIP else post.unit.township
        if township is None:
            continue
        voice = voice_for(post.title, township.name)
        if voice is None or not voice.township_figures:
            continue
        if voice.group == "congress":
            _presidium(f, f"post:{i}", township, year)
        else:
            _government(f, f"post:{i}", township, year)


def _government(f: Facts, post: str, township: OrgUnit, year: int) -> None:
    s = f.section("township")
    s.attributes.update(post=post, name=township.name)
    _rekey(s, figures_for(township, year, only=("ledger", "cases")), TOWNSHIP_KEYS,
           TOWNSHIP_LABELS)  # fmt: skip
    for what, label in (("inspection", "视察意见"), ("evaluation", "评议意见")):
        total, closed = (
            s.facts.get(f"township.{what}_opinions"),
            s.facts.get(f"township.{what}_closed"),
        )
        if total is not None and closed is not None and total.value and closed.value is not None:
            s.add(Fact(f"township.{what}_open", f"{label}尚未整改到位",
                       total.value - closed.value, "条", total.sources, UNRECTIFIED))  # fmt: skip
    _both_open(s, "township.inspection_open", "township.evaluation_open")
    top = Project.objects.filter(township=township, year=year).order_by("-intended_funds", "code")
    top = top[:4]
    for p in top:
        s.records.append(Record(f"ledger.Project:{p.pk}", p.name, kind="项目", state=p.status))
    for ind in Indicator.objects.filter(township=township, year=year, rank__isnull=False)[:4]:
        ind_s = f.section(f"indicator:{ind.pk}")
        if ind_s.facts:
            continue  # the head holds it as their own portfolio already
        ind_s.attributes.update(name=ind.name, portfolio="", unit=ind.unit, township="1")
        put(ind_s, "rank", f"{ind.name}全县排名", [ind.pk], "位", "ledger.Indicator",
            value=ind.rank, keywords=("排名", "第"))  # fmt: skip
        move = rank_move(ind.rank_change or 0)
        if move is not None:
            name, places, words = move
            put(ind_s, name, f"{ind.name}排名变化", [ind.pk], "位", "ledger.Indicator",
                value=places, keywords=words)  # fmt: skip
        ind_s.records.append(Record(f"ledger.Indicator:{ind.pk}", ind.name, kind="指标"))


def _both_open(s: FactSection, a: str, b: str) -> None:
    """Inspection and evaluation opinions still open, summed: told as one problem."""
    x, y = s.facts.get(a), s.facts.get(b)
    if x is not None and y is not None and x.value and y.value:
        s.add(Fact(f"{s.key}.opinions_open", "视察评议意见尚未整改到位", x.value + y.value, "条",
                   [*x.sources, *y.sources], UNRECTIFIED))  # fmt: skip


def _presidium(f: Facts, post: str, township: OrgUnit, year: int) -> None:
    s = f.section("presidium")
    s.attributes.update(post=post, name=township.name)
    _rekey(s, figures_for(township, year, only=("meetings", "cases")), PRESIDIUM_KEYS,
           {"open": ("议案建议尚未办结", OPEN_CASE_WORDS)})  # fmt: skip
    for what, label in (("inspection", "视察意见"), ("evaluation", "评议意见")):
        total, closed = (
            s.facts.get(f"presidium.{what}_opinions"),
            s.facts.get(f"presidium.{what}_opinions_closed"),
        )
        if total is not None and closed is not None and total.value and closed.value is not None:
            s.add(Fact(f"presidium.{what}_opinions_open", f"{label}正在整改",
                       total.value - closed.value, "条", total.sources,
                       ("正在整改", "整改", "督办", "跟踪", *UNRECTIFIED)))  # fmt: skip
    _both_open(s, "presidium.inspection_opinions_open", "presidium.evaluation_opinions_open")
    session = (
        Meeting.objects.filter(township=township, date__year=year, kind=MeetingKind.CONGRESS)
        .order_by("date", "pk")
        .first()
    )
    if session is not None:
        s.attributes.update(session_name=session.full_title, session_date=session.date.isoformat())
        s.records.append(
            Record(f"meetings.Meeting:{session.pk}", session.full_title, kind="人代会",
                   date=session.date.isoformat())
        )  # fmt: skip
    for act in Activity.objects.filter(township=township, date__year=year).order_by("date", "pk"):
        if act.kind in TOLD_ACTIVITIES:
            s.records.append(
                Record(f"meetings.Activity:{act.pk}", act.topic, kind=act.kind,
                       date=act.date.isoformat(), place=act.unit.name if act.unit_id else "")
            )  # fmt: skip
