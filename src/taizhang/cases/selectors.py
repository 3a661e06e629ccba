"""Case reads: lists with due colours, inbox, similar cases, counts other apps use.

Contracts:

- ``cases_submitted_by(*, person_ids, year) -> {person_id: {"议案": n, "建议": m}}``
  counted in SQL by sponsor and registration year; a motion converted to a suggestion
  still counts as 议案 (motion received), not as 建议.
- ``opinion_counts(*, source_type, source_ids) -> {source_id: {"assigned": n,
  "closed": m, "case_ids": [...], "open_ids": [...]}}`` for the opinions an activity
  handed over (open: not yet closed).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import BooleanField, Count, Exists, OuterRef, Q, Value, When
from django.db.models import Case as DbCase
from django.db.models.expressions import RawSQL
from django.utils import timezone

from taizhang.cases import calendar
from taizhang.cases.models import (
    CLOSED_STATES,
    Case,
    CaseKind,
    CaseReminder,
    CaseReminderRead,
    CaseSponsor,
)
from taizhang.cases.models import CaseState as S
from taizhang.core.params import year_param
from taizhang.core.roles import Role

COLOURS = {"green": "按期", "yellow": "临期", "red": "超期", "done": "已办结", "none": "无期限"}
# The county roll-up's case figures a list can be filtered by (cases/figures.py FLAGS):
# the list then holds exactly the cases the figure counts.
FIGURE_FILTERS = {
    "motions": "收到议案（含转为建议的议案）",
    "suggestions": "代表建议",
    "closed": "议案建议办结",
    "rated": "参加满意度测评的议案建议",
    "petitions": "信访事项",
    "settled": "信访办结（不含不予受理）",
}


def _motion_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}kind": CaseKind.MOTION}) | Q(**{f"{prefix}converted_from_motion": True})


def cases_submitted_by(*, person_ids: list[int], year: int) -> dict[int, dict[str, int]]:
    """Count motions and suggestions each person sponsored among cases registered in ``year``."""
    rows = (
        CaseSponsor.objects.filter(
            person_id__in=list(person_ids),
            case__registered__gte=date(year, 1, 1),
            case__registered__lte=date(year, 12, 31),
        )
        .values("person_id")
        .annotate(
            motions=Count("id", filter=_motion_q("case__")),
            suggestions=Count(
                "id",
                filter=Q(case__kind=CaseKind.SUGGESTION, case__converted_from_motion=False),
            ),
        )
    )
    result = {pid: {CaseKind.MOTION: 0, CaseKind.SUGGESTION: 0} for pid in person_ids}
    for row in rows:
        result[row["person_id"]] = {
            CaseKind.MOTION: row["motions"],
            CaseKind.SUGGESTION: row["suggestions"],
        }
    return result


def opinion_counts(*, source_type: str, source_ids: list[int]) -> dict[int, dict]:
    """Count the cases each source record handed over, and how many are closed."""
    result: dict[int, dict] = {
        sid: {"assigned": 0, "closed": 0, "case_ids": [], "open_ids": []} for sid in source_ids
    }
    rows = (
        Case.objects.filter(source_type=source_type, source_id__in=list(source_ids))
        .values_list("source_id", "id", "state")
        .order_by("id")
    )
    for source_id, case_id, state in rows:
        entry = result.setdefault(
            source_id, {"assigned": 0, "closed": 0, "case_ids": [], "open_ids": []}
        )
        entry["assigned"] += 1
        entry["closed"] += state in CLOSED_STATES
        entry["case_ids"].append(case_id)
        if state not in CLOSED_STATES:
            entry["open_ids"].append(case_id)
    return result


def colour_thresholds(today: date | None = None) -> tuple[date, date]:
    """Return (today, the day five working days ahead) for the due colours."""
    today = today or timezone.localdate()
    return today, calendar.add_working_days(today, 5)


def colour_q(colour: str, today: date | None = None) -> Q:
    """Filter for one due colour: red overdue, yellow ≤ 5 working days left, green."""
    today, soon = colour_thresholds(today)
    open_q = ~Q(state__in=CLOSED_STATES)
    if colour == "red":
        return open_q & Q(due__lt=today)
    if colour == "yellow":
        return open_q & Q(due__gte=today, due__lte=soon)
    if colour == "green":
        return open_q & (Q(due__gt=soon) | Q(due__isnull=True))
    if colour == "done":
        return Q(state__in=CLOSED_STATES)
    return Q()


def with_colour(queryset, today: date | None = None):
    """Annotate ``colour`` (green/yellow/red/done/none) in SQL."""
    today, soon = colour_thresholds(today)
    return queryset.annotate(
        colour=DbCase(
            When(state__in=CLOSED_STATES, then=Value("done")),
            When(due__isnull=True, then=Value("none")),
            When(due__lt=today, then=Value("red")),
            When(due__lte=soon, then=Value("yellow")),
            default=Value("green"),
        )
    )


def colour_of(case: Case, today: date | None = None) -> str:
    """Return the due colour of one case."""
    today, soon = colour_thresholds(today)
    if case.is_closed:
        return "done"
    if case.due is None:
        return "none"
    if case.due < today:
        return "red"
    return "yellow" if case.due <= soon else "green"


# A text search reads at most this many of the newest cases matching the other filters:
# neither database can index a substring search cheaply everywhere (SQLite not at all), and
# a county holds a million cases. The list says so when the window is full.
# A text search's list counts its matches exactly up to this many.
SEARCH_CAP = 1_000


def grams_search(text, db: str) -> bool:
    """Whether a search for ``text`` reads the grams index (one or two characters, on
    PostgreSQL)."""
    text = (text or "").strip()[:50]
    return 0 < len(text) < 3 and connections[db].vendor == "postgresql"


def common_term(text, db: str) -> bool:
    """Whether a grams search's term is among the most common grams PostgreSQL's
    statistics of the grams indexes keep (their estimate of its count is then close);
    the others are rarer than every one of those, so counting them reads few rows."""
    if not grams_search(text, db):
        return False
    with connections[db].cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_stats WHERE tablename IN ('case_title_grams', 'case_code_grams')"
            " AND most_common_elems::text::text[] @> ARRAY[%s]::text[]",
            [text.strip()[:50].upper()],
        )
        return cursor.fetchone() is not None


def few_first(cases):
    """``cases`` (known to be few) in the list's order, read from their text index rather
    than by walking the county's date index past every case that does not match (the
    planner can't tell a rare term from a common one). PostgreSQL only; else unchanged."""
    if connections[cases.db].vendor != "postgresql":
        return cases
    # registered + 0 orders by the same dates but no index provides that order
    return cases.order_by(RawSQL("cases_case.registered + 0", []).desc(), "-id")


def case_list(*, user, filters: dict):
    """Return the cases ``user`` may see, filtered by kind/state/unit/village/colour/year/q."""
    return case_search(user=user, filters=filters)[0]


def case_search(*, user, filters: dict):
    """Like ``case_list``, and None: a text search now reads every case of the scope
    (through the trigram and grams indexes on PostgreSQL), so no search window is left;
    the None stays for the callers that showed one."""
    cases = Case.objects.for_user(user)
    kind = filters.get("kind")
    if kind in CaseKind.values:
        cases = cases.filter(kind=kind)
    if filters.get("state"):
        cases = cases.filter(state=filters["state"])
    if filters.get("figure") in FIGURE_FILTERS:
        from taizhang.cases.figures import FLAGS

        cases = cases.filter(FLAGS[filters["figure"]])
    for key, field in (
        ("unit", "handling_unit_id"),
        ("village", "village_id"),
        ("township", "township_id"),
    ):
        value = str(filters.get(key) or "")
        if value.isdigit():
            cases = cases.filter(**{field: int(value)})
    y = year_param(filters)
    if y:
        cases = cases.filter(registered__gte=date(y, 1, 1), registered__lte=date(y, 12, 31))
    if filters.get("colour") in COLOURS:
        cases = cases.filter(colour_q(filters["colour"]))
    if filters.get("overdue"):
        cases = cases.filter(colour_q("red"))
    if filters.get("open") == "1":  # the dashboard's 在办事项 tile
        cases = cases.open()
    closed_year = year_param(filters, key="closed_year")
    if closed_year:  # the dashboard's 某年办结 tile
        cases = cases.filter(
            state__in=CLOSED_STATES,
            closed__gte=date(closed_year, 1, 1),
            closed__lte=date(closed_year, 12, 31),
        )
    text = (filters.get("q") or "").strip()[:50]
    if grams_search(text, cases.db):
        # Trigram indexes can't serve one or two characters: the grams index can
        # (cases/migrations/0010). A term of one or two characters is among a text's
        # grams exactly when the text contains it, so this is the icontains rule below.
        term = text.upper()
        cases = cases.filter(
            RawSQL(
                "(taizhang_grams(UPPER(cases_case.title::text)) @> ARRAY[%s]::text[]"
                " OR taizhang_grams(UPPER(cases_case.code::text)) @> ARRAY[%s]::text[])",
                [term, term],
                output_field=BooleanField(),
            )
        )
    elif text:
        cases = cases.filter(Q(title__icontains=text) | Q(code__icontains=text))
    listed = (
        with_colour(cases)
        # No join on the township: an INNER JOIN lets SQLite start from the unit table.
        .select_related("handling_unit__parent")
        .order_by("-registered", "-id")
    )
    return listed, None


def inbox_for(user):
    """Return open cases waiting for the user's unit or village, or the deputy's rating."""
    cases = Case.objects.for_user(user).open()
    if user.role in (Role.CADRE, Role.VILLAGE):
        units = {user.org_unit_id, getattr(user.person, "unit_id", None)} - {None}
        q = Q(handling_unit_id__in=units)
        if user.role == Role.VILLAGE and user.village_id:
            q |= Q(village_id=user.village_id, state__in=[S.REGISTERED, S.ACCEPTED, S.APPLIED])
        cases = cases.filter(q)
    elif user.role == Role.DEPUTY:
        cases = cases.filter(
            state=S.ANSWERED, sponsors__person_id=user.person_id, sponsors__is_lead=True
        )
    elif user.role == Role.PRESIDIUM:
        cases = cases.filter(
            Q(state__in=[S.REGISTERED, S.FILED, S.RETURNED, S.REDO_PENDING, S.RATED, S.FED_BACK])
            | Q(extension_due__isnull=False)
        )
    else:
        cases = cases.none()
    return with_colour(cases).select_related("handling_unit").order_by("due", "id")


def units_with_receivers(*, unit_ids) -> set[int]:
    """Return the units among ``unit_ids`` where an active user would get an assigned case.

    A case assigned to a unit reaches the cadres and village cadres whose account belongs
    to that unit or whose person works there (the same rule as ``case_roles``).
    """
    ids = set(unit_ids)
    if not ids:
        return set()
    rows = (
        get_user_model()
        .objects.filter(is_active=True, role__in=(Role.CADRE, Role.VILLAGE))
        .filter(Q(org_unit_id__in=ids) | Q(person__unit_id__in=ids))
        .values_list("org_unit_id", "person__unit_id")
    )
    return {unit for row in rows for unit in row if unit in ids}


def _reminder_units(user) -> set[int]:
    """The units whose notices the user receives: their unit(s); a presidium its township."""
    if user.role == Role.PRESIDIUM:
        return {user.org_unit_id} - {None}
    if user.role not in (Role.CADRE, Role.VILLAGE):
        return set()
    return {user.org_unit_id, getattr(user.person, "unit_id", None)} - {None}


def notifications_for(user):
    """Return the 催办 reminders addressed to the user's units, newest first, each with
    ``is_read`` for this user (read state is per user, not per unit)."""
    units = _reminder_units(user)
    if not units:
        return CaseReminder.objects.none()
    read = CaseReminderRead.objects.filter(reminder=OuterRef("pk"), user_id=user.pk)
    return (
        CaseReminder.objects.filter(unit_id__in=units)
        .annotate(is_read=Exists(read))
        .select_related("case", "by")
    )


def unread_reminders(user):
    """The reminders addressed to the user's units that this user has not read."""
    units = _reminder_units(user)
    if not units:
        return CaseReminder.objects.none()
    return CaseReminder.objects.filter(unit_id__in=units).exclude(reads__user_id=user.pk)


def _bigrams(text: str) -> set[str]:
    text = "".join(ch for ch in text if ch.isalnum())
    return {text[i : i + 2] for i in range(len(text) - 1)}


def similar_cases(
    *, township, title: str, petitioner_name: str = "", since: date | None = None, limit: int = 5
) -> list[Case]:
    """Return up to ``limit`` existing cases of the township resembling ``title``.

    Candidates share a two-character word with the title (or the petitioner's name,
    within a year); they are ranked by how many words they share.
    """
    grams = sorted(_bigrams(title or ""))[:12]
    if not grams and not petitioner_name:
        return []
    q = Q()
    for gram in grams:
        q |= Q(title__contains=gram)
    if petitioner_name:
        since = since or timezone.localdate() - timedelta(days=365)
        q |= Q(petitioner_name=petitioner_name, registered__gte=since)
    candidates = list(
        Case.objects.filter(township=township).filter(q).order_by("-registered", "-id")[:200]
    )
    wanted = _bigrams(title or "")

    def score(case: Case) -> int:
        same_person = 3 if petitioner_name and case.petitioner_name == petitioner_name else 0
        return len(wanted & _bigrams(case.title)) + same_person

    ranked = sorted(candidates, key=score, reverse=True)
    return [c for c in ranked if score(c) >= 2][:limit]
