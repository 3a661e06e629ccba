"""Data scope: the one filter every list, detail, search, count and export goes through."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from taizhang.core.roles import Role

NOTHING = Q(pk__in=[])
LEVELS = ("county", "township", "village", "person")


def scope_level(user) -> str | None:
    """Return the org level ``user`` sees by: "all", one of ``LEVELS``, or None (nothing)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    role = user.role
    if role == Role.ADMIN and user.org_unit_id is None:
        return "all"
    return {
        Role.ADMIN: "county",
        Role.COUNTY: "county",
        Role.PRESIDIUM: "township",
        Role.CADRE: "township",
        Role.VILLAGE: "village",
        Role.DEPUTY: "person",
    }.get(role)


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
    level = scope_level(user)
    if level == "all":
        return Q()
    if level is None:
        return NOTHING
    path = {"county": county, "township": township, "village": village, "person": person}[level]
    ids = {
        "county": user.county_id,
        "township": user.township_id,
        "village": user.village_id,
        "person": user.person_id,
    }
    if path is None or ids[level] is None:
        return NOTHING
    return Q(**{path: ids[level]})


class ScopedQuerySet(models.QuerySet):
    """Base of every register's QuerySet: ``for_user`` keeps the rows ``user`` may see.

    A subclass names the lookup path from its model to each org level in ``scope_paths``
    (``county``, ``township``, ``village``, ``person``; a level left out sees nothing).
    A path across a to-many relation can match one row several times (a person with two
    mandates in a township): list its level in ``scope_repeats`` and the filter goes
    through a subquery of primary keys, so every row appears once.
    """

    scope_paths: dict[str, str] = {}
    scope_repeats: frozenset[str] = frozenset()

    def scope_filter(self, user) -> Q:
        """The scope condition of ``user`` on this model, without the de-duplication."""
        return scope_q(user, **self.scope_paths)

    def for_user(self, user, *, also: Q | None = None):
        """Rows ``user`` may see (or that match ``also``: a record about the user)."""
        q = self.scope_filter(user)
        if also is not None:
            q |= also
        if scope_level(user) in self.scope_repeats:
            return self.filter(pk__in=self.model._default_manager.filter(q).values("pk"))
        return self.filter(q)
