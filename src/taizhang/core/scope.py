"""Data scope: the one filter every list, detail, search, count and export goes through."""

from __future__ import annotations

from django.db.models import Q

from taizhang.core.roles import Role

NOTHING = Q(pk__in=[])


def scope_q(
    user,
    *,
    township: str | None = None,
    village: str | None = None,
    county: str | None = None,
    person: str | None = None,
) -> Q:
    """Build the filter restricting a queryset to what ``user`` may see.

    Each keyword names the lookup path from the model to that org level (or to the
    person the record belongs to, for deputies seeing their own record). A level left
    as None means the model cannot be reached that way, so that role sees nothing.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    role = user.role
    if role == Role.ADMIN and user.org_unit_id is None:
        return Q()
    if role in (Role.ADMIN, Role.COUNTY):
        if county is None or user.county_id is None:
            return NOTHING
        return Q(**{county: user.county_id})
    if role in (Role.PRESIDIUM, Role.CADRE):
        if township is None or user.township_id is None:
            return NOTHING
        return Q(**{township: user.township_id})
    if role == Role.VILLAGE:
        if village is None or user.village_id is None:
            return NOTHING
        return Q(**{village: user.village_id})
    if role == Role.DEPUTY:
        if person is None or user.person_id is None:
            return NOTHING
        return Q(**{person: user.person_id})
    return NOTHING
