"""Case figures per township and year: motions, suggestions, petitions, units, assistance.

Counts are filtered and aggregated in SQL; each fact carries the ids it counts.
"Closed on time" means the closing date is on or before the due date.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from taizhang.cases.models import (
    CLOSED_STATES,
    OPINION_KINDS,
    Case,
    CaseKind,
    Channel,
    Satisfaction,
    Tier,
)
from taizhang.figures.registry import fact, register

MODEL = "cases.Case"
GOOD = (Satisfaction.SATISFIED, Satisfaction.BASICALLY)
ON_TIME = Q(closed__isnull=False, due__isnull=False, closed__lte=F("due"))


def _rate(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def _ids(queryset) -> list[int]:
    return list(queryset.values_list("id", flat=True))


def year_cases(township, year: int):
    """Cases of ``township`` registered in ``year`` (index-friendly date range)."""
    return Case.objects.filter(
        township=township, registered__gte=date(year, 1, 1), registered__lte=date(year, 12, 31)
    )


@register("cases")
def case_figures(township, year: int) -> list:
    """Motions and suggestions, petitions, opinions, assistance, per-unit handling."""
    cases = year_cases(township, year)
    ms = cases.filter(kind__in=[CaseKind.MOTION, CaseKind.SUGGESTION])
    motions = ms.filter(Q(kind=CaseKind.MOTION) | Q(converted_from_motion=True))
    closed = ms.filter(state__in=CLOSED_STATES)
    on_time_ids = _ids(closed.filter(ON_TIME))
    closed_ids = _ids(closed)
    rated = ms.exclude(satisfaction="")
    rated_ids = _ids(rated)
    good_ids = _ids(rated.filter(satisfaction__in=GOOD))
    redo = ms.aggregate(total=Sum("redo_count"))["total"] or 0
    out = [
        fact(
            "cases.motions_received",
            "收到议案",
            _ids(motions),
            "件",
            model=MODEL,
            keywords=("收到议案", "议案"),
        ),
        fact(
            "cases.motions_registered",
            "议案立案",
            _ids(motions.filter(kind=CaseKind.MOTION)),
            "件",
            model=MODEL,
            keywords=("立案",),
        ),
        fact(
            "cases.motions_converted",
            "议案转为建议",
            _ids(motions.filter(converted_from_motion=True)),
            "件",
            model=MODEL,
            keywords=("作为建议", "转为建议"),
        ),
        fact(
            "cases.motions_closed",
            "议案办结",
            _ids(motions.filter(state__in=CLOSED_STATES)),
            "件",
            model=MODEL,
        ),
        fact(
            "cases.suggestions",
            "代表建议",
            _ids(ms.filter(kind=CaseKind.SUGGESTION)),
            "件",
            model=MODEL,
            keywords=("建议",),
        ),
        fact("cases.closed", "议案建议办结", closed_ids, "件", model=MODEL, keywords=("办结",)),
        fact(
            "cases.closed_on_time",
            "按期办结",
            on_time_ids,
            "件",
            model=MODEL,
            keywords=("按期办结",),
        ),
        fact(
            "cases.on_time_rate",
            "按期办结率",
            on_time_ids,
            "%",
            model=MODEL,
            value=_rate(len(on_time_ids), len(closed_ids)),
            keywords=("按期办结率",),
        ),
        fact(
            "cases.satisfaction_rate",
            "满意率",
            good_ids,
            "%",
            model=MODEL,
            value=_rate(len(good_ids), len(rated_ids)),
            keywords=("满意率",),
        ),
        fact(
            "cases.redo",
            "重办次数",
            _ids(ms.filter(redo_count__gt=0)),
            "次",
            model=MODEL,
            value=redo,
            keywords=("重办",),
        ),
    ]
    out += _petition_figures(township, cases)
    out += _unit_figures(cases)
    for kind in OPINION_KINDS:
        ops = cases.filter(kind=kind)
        out.append(fact(f"cases.opinions.{kind}", kind, _ids(ops), "条", model=MODEL))
        out.append(
            fact(
                f"cases.opinions.{kind}.closed",
                f"{kind}整改办结",
                _ids(ops.filter(state__in=CLOSED_STATES)),
                "条",
                model=MODEL,
            )
        )
    aid = cases.filter(kind=CaseKind.ASSISTANCE)
    out.append(
        fact("cases.assistance", "救助事项", _ids(aid), "件", model=MODEL, keywords=("救助",))
    )
    paid = aid.filter(amount__isnull=False)
    out.append(
        fact(
            "cases.assistance.amount",
            "救助发放金额",
            _ids(paid),
            "元",
            model=MODEL,
            value=paid.aggregate(s=Sum("amount"))["s"] or 0,
        )
    )
    return out


def _petition_figures(township, cases) -> list:
    petitions = cases.filter(kind=CaseKind.PETITION)
    out = [
        fact("cases.petitions", "信访事项", _ids(petitions), "件", model=MODEL, keywords=("信访",))
    ]
    for tier in Tier.values:
        out.append(
            fact(
                f"cases.petitions.tier.{tier}",
                f"{tier}级信访",
                _ids(petitions.filter(tier=tier)),
                "件",
                model=MODEL,
            )
        )
    for channel in (Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.ONLINE):
        out.append(
            fact(
                f"cases.petitions.channel.{channel}",
                f"{channel}信访",
                _ids(petitions.filter(channel=channel)),
                "件",
                model=MODEL,
            )
        )
    settled = petitions.filter(state__in=CLOSED_STATES).exclude(state="不予受理")
    in_village = _ids(settled.filter(tier=Tier.VILLAGE))
    out.append(
        fact(
            "cases.petitions.settled_in_village_rate",
            "信访村级化解率",
            in_village,
            "%",
            model=MODEL,
            value=_rate(len(in_village), settled.count()),
        )
    )
    today = timezone.localdate()
    overdue = Case.objects.filter(township=township, due__lt=today).exclude(state__in=CLOSED_STATES)
    out.append(
        fact(
            "cases.overdue_now",
            "当前超期事项",
            _ids(overdue),
            "件",
            model=MODEL,
            keywords=("超期",),
        )
    )
    return out


def unit_table(cases) -> list[dict]:
    """Per handling unit: assigned, closed, on time, rated, satisfied (SQL aggregates)."""
    rows = (
        cases.filter(handling_unit__isnull=False)
        .values("handling_unit_id", "handling_unit__name")
        .annotate(
            n_assigned=Count("id"),
            n_closed=Count("id", filter=Q(state__in=CLOSED_STATES)),
            n_on_time=Count("id", filter=Q(state__in=CLOSED_STATES) & ON_TIME),
            n_rated=Count("id", filter=~Q(satisfaction="")),
            n_good=Count("id", filter=Q(satisfaction__in=GOOD)),
        )
        .order_by("handling_unit__name")
    )
    return [
        {
            **row,
            "on_time_rate": _rate(row["n_on_time"], row["n_closed"]),
            "satisfaction_rate": _rate(row["n_good"], row["n_rated"]),
        }
        for row in rows
    ]


def _unit_figures(cases) -> list:
    table = unit_table(cases)
    assigned = cases.filter(handling_unit__isnull=False).order_by("handling_unit_id", "id")
    ids_by_unit = {
        unit: [i for _, i, _s in group]
        for unit, group in groupby(
            assigned.values_list("handling_unit_id", "id", "state"), key=lambda r: r[0]
        )
    }
    closed_by_unit = {
        unit: [i for _, i in group]
        for unit, group in groupby(
            assigned.filter(state__in=CLOSED_STATES).values_list("handling_unit_id", "id"),
            key=lambda r: r[0],
        )
    }
    out = []
    for row in table:
        uid, name = row["handling_unit_id"], row["handling_unit__name"]
        out.append(
            fact(
                f"cases.unit.{name}.assigned",
                f"{name}承办",
                ids_by_unit.get(uid, []),
                "件",
                model=MODEL,
            )
        )
        out.append(
            fact(
                f"cases.unit.{name}.closed",
                f"{name}办结",
                closed_by_unit.get(uid, []),
                "件",
                model=MODEL,
            )
        )
        out.append(
            fact(
                f"cases.unit.{name}.on_time_rate",
                f"{name}按期办结率",
                closed_by_unit.get(uid, []),
                "%",
                model=MODEL,
                value=row["on_time_rate"],
            )
        )
        out.append(
            fact(
                f"cases.unit.{name}.satisfaction_rate",
                f"{name}满意率",
                closed_by_unit.get(uid, []),
                "%",
                model=MODEL,
                value=row["satisfaction_rate"],
            )
        )
    return out
