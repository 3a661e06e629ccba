"""Whose facts: the one rule deciding which cases belong in a person's document (GENRES §3).

A case of the person's township and year belongs to the person when
1. its 承办单位 is a unit one of their posts leads (a station head, the civil-affairs
   office, a village secretary; a township-level post leads no unit by this rule),
2. its kind falls in a portfolio they hold (``writer.posts.KIND_PORTFOLIOS``: 救助 → 民政), or
3. they acted on it themselves (a step of its timeline recorded under their login).
Each case is told under the post that brought it in, in that post's voice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from taizhang.cases.models import Case, CaseEvent
from taizhang.core.models import OrgKind
from taizhang.writer.posts import KIND_PORTFOLIOS, portfolio_holds, voice_for

UNIT, PORTFOLIO, TIMELINE = "unit", "portfolio", "timeline"


@dataclass(frozen=True)
class Attributed:
    """One case in a person's document: which post brought it in, and why."""

    case_id: int
    post_index: int  # index into the person's posts (0 = first)
    reason: str  # UNIT | PORTFOLIO | TIMELINE


def post_holds_kind(portfolios: list[str], kind: str) -> bool:
    """Return True when one of the portfolios holds cases of ``kind`` (the one table)."""
    return any(portfolio_holds(p, kind) for p in portfolios)


def led_unit(post) -> int | None:
    """Return the unit id the post leads, or None (township-level posts lead no unit here)."""
    if post.unit.kind == OrgKind.TOWNSHIP:
        return None
    voice = voice_for(post.title, post.unit.township.name if post.unit.township_id else "")
    return post.unit_id if voice is not None and voice.leads_unit else None


def attribute_cases(person, posts: list, year: int) -> list[Attributed]:
    """Return the cases of ``year`` that belong in the person's document, per the rule."""
    townships = {p.unit.township_id or p.unit_id for p in posts}
    units = {u: i for i, p in enumerate(posts) if (u := led_unit(p)) is not None}
    kinds: dict[str, int] = {}
    for i, post in enumerate(posts):
        for kind in KIND_PORTFOLIOS:
            if kind not in kinds and post_holds_kind(list(post.portfolios or []), kind):
                kinds[kind] = i
    acted = CaseEvent.objects.filter(actor__person=person).values("case_id")
    q = Q(handling_unit_id__in=list(units)) | Q(kind__in=list(kinds)) | Q(pk__in=acted)
    rows = (
        Case.objects.filter(
            q,
            township_id__in=townships,
            registered__gte=date(year, 1, 1),
            registered__lte=date(year, 12, 31),
        )
        .order_by("registered", "id")
        .values_list("id", "handling_unit_id", "kind")
    )
    out = []
    for pk, unit, kind in rows:
        if unit in units:
            out.append(Attributed(pk, units[unit], UNIT))
        elif kind in kinds:
            out.append(Attributed(pk, kinds[kind], PORTFOLIO))
        else:
            out.append(Attributed(pk, 0, TIMELINE))
    return out
