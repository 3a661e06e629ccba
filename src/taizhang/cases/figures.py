"""Case figures per township and year: motions, suggestions, petitions, units, assistance.

Every value is counted in SQL (one conditional aggregate grouped by handling unit; the
township values sum its few rows); the ids each figure counts come from one more query that
reads every case of the township-year once with a SQL bit mask of the figures it counts
in (built from the same conditions as the counts), so a figure's
value and its sources use the same condition. "Closed on time" means the closing date is
on or before the due date. Rates list the cases they count: the township rates list
their numerator (as before); the per-unit rates list the denominator, which contains the
numerator (on-time rate: the unit's closed cases; satisfaction rate: its rated cases).
"""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import reduce

from django.db.models import BigIntegerField, Count, F, Q, Sum, Value, When
from django.db.models import Case as DbCase
from django.db.models.functions import Cast
from django.utils import timezone

from taizhang.cases.models import (
    CLOSED_STATES,
    OPINION_KINDS,
    Case,
    CaseKind,
    CaseState,
    Channel,
    Satisfaction,
    Tier,
)
from taizhang.figures.registry import fact, register

MODEL = "cases.Case"
GOOD = (Satisfaction.SATISFIED, Satisfaction.BASICALLY)
ON_TIME = Q(closed__isnull=False, due__isnull=False, closed__lte=F("due"))
CLOSED = Q(state__in=CLOSED_STATES)
RATED = ~Q(satisfaction="")
PETITION_CHANNELS = (Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.ONLINE)

_MS = Q(kind__in=[CaseKind.MOTION, CaseKind.SUGGESTION])
_MOTIONS = _MS & (Q(kind=CaseKind.MOTION) | Q(converted_from_motion=True))
# Suggestions deputies wrote as such (not motions handled as suggestions).
_OWN = _MS & Q(kind=CaseKind.SUGGESTION, converted_from_motion=False)
_PETITIONS = Q(kind=CaseKind.PETITION)
_SETTLED = _PETITIONS & CLOSED & ~Q(state=CaseState.REJECTED)
_AID = Q(kind=CaseKind.ASSISTANCE)


def _flags() -> dict[str, Q]:
    """Name → condition of every township-level set of cases a figure counts."""
    flags = {
        "motions": _MOTIONS,
        "motions_registered": _MOTIONS & Q(kind=CaseKind.MOTION),
        "motions_converted": _MOTIONS & Q(converted_from_motion=True),
        "motions_closed": _MOTIONS & CLOSED,
        "suggestions": _MS & Q(kind=CaseKind.SUGGESTION),
        "closed": _MS & CLOSED,
        "on_time": _MS & CLOSED & ON_TIME,
        "rated": _MS & RATED,
        "good": _MS & RATED & Q(satisfaction__in=GOOD),
        "redo": _MS & Q(redo_count__gt=0),
        "open": _MS & ~CLOSED,
        "motions_open": _MOTIONS & ~CLOSED,
        "suggestions_own": _OWN,
        "suggestions_own.answered": _OWN & (CLOSED | ~Q(answer_text="")),
        "suggestions_own.closed": _OWN & CLOSED,
        "petitions": _PETITIONS,
        "petitions.open": _PETITIONS & ~CLOSED,
        "petitions.rejected": _PETITIONS & Q(state=CaseState.REJECTED),
        "petitions.tier_other": _PETITIONS & ~Q(tier__in=Tier.values),
        "settled": _SETTLED,
        "settled_village": _SETTLED & Q(tier=Tier.VILLAGE),
        "assistance": _AID,
        "paid": _AID & Q(amount__isnull=False),
    }
    for tier in Tier.values:
        flags[f"tier.{tier}"] = _PETITIONS & Q(tier=tier)
    for channel in PETITION_CHANNELS:
        flags[f"channel.{channel}"] = _PETITIONS & Q(channel=channel)
    for kind in OPINION_KINDS:
        flags[f"opinion.{kind}"] = Q(kind=kind)
        flags[f"opinion.{kind}.closed"] = Q(kind=kind) & CLOSED
    return flags


FLAGS = _flags()
# Per handling unit (all kinds): closed, closed on time, rated, satisfied.
UNIT_FLAGS = {
    "closed": CLOSED,
    "on_time": CLOSED & ON_TIME,
    "rated": RATED,
    "good": RATED & Q(satisfaction__in=GOOD),
}


def _rate(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def year_cases(township, year: int, village=None):
    """Cases of ``township`` (or only its ``village``) registered in ``year``."""
    cases = Case.objects.filter(
        township=township, registered__gte=date(year, 1, 1), registered__lte=date(year, 12, 31)
    )
    return cases if village is None else cases.filter(village=village)


def _alias(name: str) -> str:
    return "f_" + "".join(ch if ch.isascii() and ch.isalnum() else f"_{ord(ch):x}" for ch in name)


def _mask_expression(conditions: list[Q]):
    """One SQL integer per row: bit i set when condition i holds (bigint on every database,
    so PostgreSQL does not add the terms as 32-bit integers)."""
    if len(conditions) > 62:
        raise ValueError("too many figure conditions for one 64-bit mask")
    terms = [
        Cast(DbCase(When(q, then=Value(1 << i)), default=Value(0)), BigIntegerField())
        for i, q in enumerate(conditions)
    ]
    return reduce(operator.add, terms)


def _ids_by_flag(cases) -> tuple[dict[str, list[int]], dict[int, dict[str, list[int]]]]:
    """One query: each case's id, unit and a bit mask of the figures it counts in (computed
    in SQL from the same conditions as the counts); split by distinct mask in Python."""
    names = list(FLAGS)
    unit_names = list(UNIT_FLAGS)
    conditions = [FLAGS[n] for n in names] + [UNIT_FLAGS[n] for n in unit_names]
    rows = (
        cases.order_by()
        .annotate(figure_mask=_mask_expression(conditions))
        .values_list("id", "handling_unit_id", "figure_mask")
    )
    by_mask: dict[tuple[int | None, int], list[int]] = defaultdict(list)
    for pk, unit, mask in rows:
        by_mask[(unit, mask)].append(pk)
    township: dict[str, list[int]] = {n: [] for n in names}
    units: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    offset = len(names)
    for (unit, mask), pks in by_mask.items():
        for i, name in enumerate(names):
            if mask >> i & 1:
                township[name].extend(pks)
        if unit is not None:
            per_unit = units[unit]
            per_unit["assigned"].extend(pks)
            for i, name in enumerate(unit_names):
                if mask >> (offset + i) & 1:
                    per_unit[name].extend(pks)
    return township, units


def _grouped_counts(cases) -> tuple[dict, list[dict]]:
    """One grouped query (a row per handling unit, one for none): every township flag's
    count, the redo total, the amount paid, and the per-unit counts. The township counts
    are the sums of the group rows (a couple of dozen rows at most)."""
    aggregates = {_alias(n): Count("id", filter=q) for n, q in FLAGS.items()}
    aggregates["redo_total"] = Sum("redo_count", filter=_MS)
    aggregates["amount_total"] = Sum("amount", filter=FLAGS["paid"])
    aggregates["n_assigned"] = Count("id")
    for name, q in UNIT_FLAGS.items():
        aggregates[f"n_{name}"] = Count("id", filter=q)
    rows = list(
        cases.order_by()
        .values("handling_unit_id", "handling_unit__name")
        .annotate(**aggregates)
        .order_by("handling_unit__name")
    )
    counts = {n: sum(r[_alias(n)] for r in rows) for n in FLAGS}
    counts["redo_total"] = sum(r["redo_total"] or 0 for r in rows)
    counts["amount_total"] = sum(r["amount_total"] or 0 for r in rows)
    units = [
        {
            "handling_unit_id": r["handling_unit_id"],
            "handling_unit__name": r["handling_unit__name"],
            **{f"n_{n}": r[f"n_{n}"] for n in ("assigned", *UNIT_FLAGS)},
            "on_time_rate": _rate(r["n_on_time"], r["n_closed"]),
            "satisfaction_rate": _rate(r["n_good"], r["n_rated"]),
        }
        for r in rows
        if r["handling_unit_id"] is not None
    ]
    return counts, units


@dataclass
class TownshipYear:
    facts: list
    units: list[dict]


def township_year(township, year: int, village=None) -> TownshipYear:
    """Compute the case figures of one township (or one village of it) and year."""
    cases = year_cases(township, year, village)
    counts, units = _grouped_counts(cases)
    ids, unit_ids = _ids_by_flag(cases)
    facts = _township_facts(counts, ids)
    facts += _petition_facts(township, counts, ids)
    facts += _unit_facts(units, unit_ids)
    facts += _other_facts(counts, ids)
    return TownshipYear(facts=facts, units=units)


@register("cases")
def case_figures(township, year: int) -> list:
    """Motions and suggestions, petitions, opinions, assistance, per-unit handling."""
    return township_year(township, year).facts


def _f(key, label, ids, unit, *, value=None, keywords=()):
    return fact(key, label, ids, unit, model=MODEL, value=value, keywords=keywords)


def _township_facts(c: dict, ids: dict) -> list:
    return [
        _f("cases.motions_received", "收到议案", ids["motions"], "件", value=c["motions"],
           keywords=("收到议案", "议案")),
        _f("cases.motions_registered", "议案立案", ids["motions_registered"], "件",
           value=c["motions_registered"], keywords=("立案",)),
        _f("cases.motions_converted", "议案转为建议", ids["motions_converted"], "件",
           value=c["motions_converted"], keywords=("作为建议", "转为建议")),
        _f("cases.motions_closed", "议案办结", ids["motions_closed"], "件",
           value=c["motions_closed"]),
        _f("cases.suggestions", "代表建议", ids["suggestions"], "件", value=c["suggestions"],
           keywords=("建议",)),
        _f("cases.closed", "议案建议办结", ids["closed"], "件", value=c["closed"],
           keywords=("办结",)),
        _f("cases.closed_on_time", "按期办结", ids["on_time"], "件", value=c["on_time"],
           keywords=("按期办结",)),
        _f("cases.on_time_rate", "按期办结率", ids["on_time"], "%",
           value=_rate(c["on_time"], c["closed"]), keywords=("按期办结率",)),
        _f("cases.rated", "参加满意度测评", ids["rated"], "件", value=c["rated"]),
        _f("cases.satisfaction_rate", "满意率", ids["good"], "%",
           value=_rate(c["good"], c["rated"]), keywords=("满意率",)),
        _f("cases.redo", "重办次数", ids["redo"], "次", value=c["redo_total"],
           keywords=("重办",)),
        _f("cases.redone", "代表不满意重办", ids["redo"], "件", value=c["redo"],
           keywords=("不满意", "重办")),
        _f("cases.open", "尚未办结的议案建议", ids["open"], "件", value=c["open"],
           keywords=("未办结",)),
        _f("cases.motions_open", "尚未办结的议案", ids["motions_open"], "件",
           value=c["motions_open"], keywords=("未办结",)),
        _f("cases.suggestions_own", "代表另行提出建议", ids["suggestions_own"], "件",
           value=c["suggestions_own"], keywords=("建议",)),
        _f("cases.suggestions_own.answered", "建议已答复", ids["suggestions_own.answered"],
           "件", value=c["suggestions_own.answered"], keywords=("答复",)),
        _f("cases.suggestions_own.closed", "建议已办结", ids["suggestions_own.closed"], "件",
           value=c["suggestions_own.closed"], keywords=("办结",)),
    ]  # fmt: skip


def _petition_facts(township, c: dict, ids: dict) -> list:
    out = [
        _f("cases.petitions", "信访事项", ids["petitions"], "件", value=c["petitions"],
           keywords=("信访",))
    ]  # fmt: skip
    for tier in Tier.values:
        key = f"tier.{tier}"
        out.append(_f(f"cases.petitions.{key}", f"{tier}级信访", ids[key], "件", value=c[key]))
    for channel in PETITION_CHANNELS:
        key = f"channel.{channel}"
        out.append(_f(f"cases.petitions.{key}", f"{channel}信访", ids[key], "件", value=c[key]))
    out.append(_f("cases.petitions.other_tier", "其他层级信访", ids["petitions.tier_other"], "件",
                  value=c["petitions.tier_other"]))  # fmt: skip
    out.append(_f("cases.petitions.open", "尚未办结的信访", ids["petitions.open"], "件",
                  value=c["petitions.open"], keywords=("未办结",)))  # fmt: skip
    out.append(_f("cases.petitions.settled", "信访办结", ids["settled"], "件", value=c["settled"]))
    out.append(_f("cases.petitions.rejected", "依法不予受理的信访", ids["petitions.rejected"], "件",
                  value=c["petitions.rejected"], keywords=("不予受理",)))  # fmt: skip
    out.append(_f("cases.petitions.settled_in_village", "信访在村化解", ids["settled_village"],
                  "件", value=c["settled_village"], keywords=("在村", "化解")))  # fmt: skip
    out.append(
        _f(
            "cases.petitions.settled_in_village_rate",
            "信访村级化解率",
            ids["settled_village"],
            "%",
            value=_rate(c["settled_village"], c["settled"]),
        )
    )
    today = timezone.localdate()
    overdue = list(
        Case.objects.filter(township=township, due__lt=today)
        .exclude(state__in=CLOSED_STATES)
        .order_by()
        .values_list("id", flat=True)
    )
    out.append(_f("cases.overdue_now", "当前超期事项", overdue, "件", keywords=("超期",)))
    return out


def _unit_facts(units: list[dict], unit_ids: dict) -> list:
    out = []
    for row in units:
        uid, name = row["handling_unit_id"], row["handling_unit__name"]
        got = unit_ids.get(uid, {})
        out += [
            _f(f"cases.unit.{name}.assigned", f"{name}承办", got.get("assigned", []), "件",
               value=row["n_assigned"]),
            _f(f"cases.unit.{name}.closed", f"{name}办结", got.get("closed", []), "件",
               value=row["n_closed"]),
            _f(f"cases.unit.{name}.on_time_rate", f"{name}按期办结率", got.get("closed", []),
               "%", value=row["on_time_rate"]),
            _f(f"cases.unit.{name}.satisfaction_rate", f"{name}满意率", got.get("rated", []),
               "%", value=row["satisfaction_rate"]),
        ]  # fmt: skip
    return out


def _other_facts(c: dict, ids: dict) -> list:
    out = []
    for kind in OPINION_KINDS:
        key = f"opinion.{kind}"
        out.append(_f(f"cases.opinions.{kind}", kind, ids[key], "条", value=c[key]))
        out.append(
            _f(
                f"cases.opinions.{kind}.closed",
                f"{kind}整改办结",
                ids[f"{key}.closed"],
                "条",
                value=c[f"{key}.closed"],
            )
        )
    out.append(
        _f("cases.assistance", "救助事项", ids["assistance"], "件", value=c["assistance"],
           keywords=("救助",))
    )  # fmt: skip
    out.append(
        _f("cases.assistance.amount", "救助发放金额", ids["paid"], "元", value=c["amount_total"])
    )
    return out
