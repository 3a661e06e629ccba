"""Facts of a cadre's personal summary or duty report, from posts, ledgers, cases, meetings."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.db.models import Q

from taizhang.cases.models import CLOSED_STATES, Case
from taizhang.documents.facts import add_texts
from taizhang.figures.registry import fact
from taizhang.ledger.models import Indicator
from taizhang.ledger.selectors import person_year_sections
from taizhang.meetings.models import ActivityKind, Attendance, Participant
from taizhang.people.models import CadrePost
from taizhang.writer.facts import Facts


def _post_text(post: CadrePost) -> tuple[str, str]:
    unit = post.unit
    if unit.kind == "township":
        if "人大" in post.title:
            return f"{unit.name}人大主席团", unit.name
        return f"{unit.name}人民政府", unit.name
    township = unit.township.name if unit.township_id else ""
    return f"{township}{unit.name}", township


DIGITS = re.compile(r"[0-9０-９]")


def _ranked(person, year: int):
    """Indicators with a target or a rank: they get a section of their own."""
    return (
        Indicator.objects.filter(responsible=person, year=year)
        .filter(Q(target__isnull=False) | Q(rank__isnull=False))
        .order_by("id")
    )


def _move_indicators(section, names: set[str]) -> None:
    """Drop the ledger's plain figures of ranked indicators; actual-only ones stay as they are."""
    for key in [k for k in section.facts if k.startswith("indicator.")]:
        if (
            key.removeprefix("indicator.").removesuffix(".rank_change").removesuffix(".rank")
            in names
        ):
            del section.facts[key]


def _indicators(f: Facts, person, year: int) -> None:
    for ind in _ranked(person, year):
        s = f.section(f"indicator:{ind.pk}")
        s.attributes.update(name=ind.name, portfolio=ind.portfolio)
        for name, value, unit in (
            ("target", ind.target, ind.unit),
            ("actual", ind.actual, ind.unit),
            ("rank", ind.rank, "位"),
            ("rank_change", ind.rank_change, "位"),
        ):
            if value is not None:
                s.add(
                    fact(
                        f"{s.key}.{name}",
                        f"{ind.name}",
                        [ind.pk],
                        unit,
                        model="ledger.Indicator",
                        value=_plain(value),
                        keywords=(ind.name, "排名") if "rank" in name else (ind.name,),
                    )
                )


def _plain(value):
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def personal_facts(person, year: int, inputs: dict) -> Facts:
    f = Facts(kind="personal", subject=person.name, year=year)
    end = date(year, 12, 31)
    posts = list(
        CadrePost.objects.filter(person=person, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gte=date(year, 1, 1)))
        .select_related("unit", "unit__township")
        .order_by("-start")
    )
    f.attributes["name"] = person.name
    if posts:
        unit_text, township = _post_text(posts[0])
        f.attributes.update(
            unit=unit_text, township=township, post=posts[0].title, since=posts[0].start.isoformat()
        )
    mandates = list(person.mandates.values_list("id", flat=True))
    study = f.section("study")
    trainings = Participant.objects.filter(
        deputy_id__in=mandates, activity__date__year=year, activity__kind=ActivityKind.TRAINING
    )
    study.add(
        fact(
            "study.trainings",
            "参加学习培训",
            trainings.values_list("activity_id", flat=True),
            "次",
            model="meetings.Activity",
            keywords=("学习", "培训"),
        )
    )
    study.texts["topics"] = list(trainings.values_list("activity__topic", flat=True)[:3])
    ranked = set(_ranked(person, year).values_list("name", flat=True))
    for section in person_year_sections(person, year):
        _move_indicators(section, ranked)
        # Work-entry highlights are free text; a number in them would have no source.
        section.texts["highlights"] = [
            t for t in section.texts.get("highlights", []) if not DIGITS.search(t)
        ]
        f.sections[section.key] = section
    _indicators(f, person, year)
    units = [p.unit_id for p in posts]
    handled = Case.objects.filter(handling_unit_id__in=units, registered__year=year)
    rows = list(handled.values_list("id", "state", "satisfaction", "closed", "due"))
    today = date.today()
    cases = f.section("cases")
    if posts:
        cases.attributes["unit"] = posts[0].unit.name
    cases.add(
        fact(
            "cases.handled",
            "承办事项",
            [r[0] for r in rows],
            "件",
            model="cases.Case",
            keywords=("承办", "事项"),
        )
    )
    cases.add(
        fact(
            "cases.closed",
            "办结",
            [r[0] for r in rows if r[1] in CLOSED_STATES],
            "件",
            model="cases.Case",
            keywords=("办结",),
        )
    )
    cases.add(
        fact(
            "cases.on_time",
            "按期办结",
            [r[0] for r in rows if r[3] and r[4] and r[3] <= r[4]],
            "件",
            model="cases.Case",
            keywords=("按期",),
        )
    )
    cases.add(
        fact(
            "cases.overdue",
            "超期未办结",
            [r[0] for r in rows if r[1] not in CLOSED_STATES and r[4] and r[4] < today],
            "件",
            model="cases.Case",
            keywords=("超期",),
        )
    )
    cases.add(
        fact(
            "cases.satisfied",
            "满意",
            [r[0] for r in rows if r[2] in ("满意", "基本满意")],
            "件",
            model="cases.Case",
            keywords=("满意",),
        )
    )
    meetings = f.section("meetings")
    attended = Attendance.objects.filter(
        deputy_id__in=mandates, meeting__date__year=year, status="出席"
    )
    meetings.add(
        fact(
            "meetings.meetings",
            "参加会议",
            attended.values_list("id", flat=True),
            "次",
            model="meetings.Attendance",
            keywords=("会议",),
        )
    )
    joined = Participant.objects.filter(deputy_id__in=mandates, activity__date__year=year).exclude(
        activity__kind=ActivityKind.TRAINING
    )
    meetings.add(
        fact(
            "meetings.activities",
            "参加活动",
            joined.values_list("activity_id", flat=True),
            "次",
            model="meetings.Activity",
            keywords=("活动",),
        )
    )
    add_texts(f, inputs)
    return f
