"""Declarative workflow tables: per kind the states, transitions, who may act, fields, deadlines.

Actor roles relative to one case (see ``case_roles``):
``presidium`` (the township's presidium), ``unit`` (a user of the handling unit),
``village`` (a village cadre of the case's village), ``lead`` (the lead sponsor).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from taizhang.cases.models import OPINION_KINDS, CaseKind, Tier
from taizhang.cases.models import CaseAction as A
from taizhang.cases.models import CaseState as S
from taizhang.core.roles import Role


@dataclass(frozen=True)
class Transition:
    action: A  # its value is the Chinese verb shown on the button and in the timeline
    sources: tuple[str, ...]
    target: str | None  # None: the state is decided by the service (e.g. 评价)
    roles: frozenset[str]
    required: tuple[str, ...] = ()
    guard: str = ""  # name of an extra condition checked by the service
    css: str = "primary"


@dataclass(frozen=True)
class DueRule:
    """How a due date is set when a transition is made: from which date, how far."""

    unit: str  # "working" days, calendar "days" or "months"
    amount: int
    complex_amount: int | None = None


@dataclass
class Graph:
    initial: str
    transitions: dict[A, Transition] = field(default_factory=dict)
    due_on: dict[A, DueRule] = field(default_factory=dict)  # action (or REGISTER) -> rule

    @property
    def states(self) -> set[str]:
        result = {self.initial}
        for t in self.transitions.values():
            result.update(t.sources)
            if t.target:
                result.add(t.target)
        return result


P, U, V, L = "presidium", "unit", "village", "lead"


def _t(action, sources, target, roles, required=(), guard="", css="primary") -> Transition:
    return Transition(action, tuple(sources), target, frozenset(roles), tuple(required), guard, css)


def _suggestion_chain(first: tuple[str, ...]) -> dict[A, Transition]:
    return {
        A.ASSIGN: _t(A.ASSIGN, first + (S.RETURNED,), S.ASSIGNED, {P}, ("unit",)),
        A.SIGN: _t(A.SIGN, [S.ASSIGNED], S.HANDLING, {U}),
        A.RETURN: _t(A.RETURN, [S.ASSIGNED], S.RETURNED, {U}, ("note",), css="outline-danger"),
        A.REQUEST_EXTENSION: _t(
            A.REQUEST_EXTENSION,
            [S.ASSIGNED, S.HANDLING],
            None,
            {U},
            ("requested_due", "note"),
            guard="no_pending_extension",
            css="outline-secondary",
        ),
        A.GRANT_EXTENSION: _t(
            A.GRANT_EXTENSION, [S.ASSIGNED, S.HANDLING], None, {P}, guard="pending_extension"
        ),
        A.REFUSE_EXTENSION: _t(
            A.REFUSE_EXTENSION,
            [S.ASSIGNED, S.HANDLING],
            None,
            {P},
            ("note",),
            guard="pending_extension",
            css="outline-danger",
        ),
        A.ANSWER: _t(A.ANSWER, [S.HANDLING], S.ANSWERED, {U}, ("answer_text", "answer_signer")),
        A.RATE: _t(A.RATE, [S.ANSWERED], None, {L}, ("satisfaction",)),
        A.REDO: _t(A.REDO, [S.REDO_PENDING], S.HANDLING, {P}, css="warning"),
        A.CLOSE: _t(A.CLOSE, [S.RATED], S.CLOSED, {P}, css="success"),
    }


MOTION = Graph(
    initial=S.REGISTERED,
    transitions={
        A.FILE: _t(A.FILE, [S.REGISTERED], S.FILED, {P}),
        A.CONVERT: _t(A.CONVERT, [S.REGISTERED], S.REGISTERED, {P}, ("note",), css="secondary"),
        **_suggestion_chain((S.FILED,)),
    },
    due_on={A.ASSIGN: DueRule("months", 3, 6)},
)

SUGGESTION = Graph(
    initial=S.REGISTERED,
    transitions=_suggestion_chain((S.REGISTERED,)),
    due_on={A.ASSIGN: DueRule("months", 3, 6)},
)

PETITION = Graph(
    initial=S.REGISTERED,
    transitions={
        A.ACCEPT: _t(A.ACCEPT, [S.REGISTERED], S.ACCEPTED, {P, V}),
        A.REJECT: _t(A.REJECT, [S.REGISTERED], S.REJECTED, {P, V}, ("note",), css="outline-danger"),
        A.ASSIGN: _t(A.ASSIGN, [S.ACCEPTED], S.ASSIGNED, {P, V}, ("unit",)),
        A.INVESTIGATE: _t(A.INVESTIGATE, [S.ASSIGNED], S.INVESTIGATING, {U}),
        A.ANSWER: _t(
            A.ANSWER, [S.INVESTIGATING], S.ANSWERED, {U}, ("answer_method", "answer_text")
        ),
        A.CLOSE: _t(A.CLOSE, [S.ANSWERED], S.CLOSED, {U, P}, css="success"),
        A.FOLLOW_UP: _t(A.FOLLOW_UP, [S.CLOSED], S.FOLLOWED_UP, {P, V}, ("satisfaction",)),
        A.ESCALATE: _t(
            A.ESCALATE,
            [S.ASSIGNED, S.INVESTIGATING],
            S.ACCEPTED,
            {U, P, V},
            ("note",),
            guard="village_tier",
            css="outline-warning",
        ),
        A.REQUEST_EXTENSION: _t(
            A.REQUEST_EXTENSION,
            [S.ASSIGNED, S.INVESTIGATING],
            None,
            {U},
            ("requested_due", "note"),
            guard="petition_extension",
            css="outline-secondary",
        ),
        A.GRANT_EXTENSION: _t(
            A.GRANT_EXTENSION, [S.ASSIGNED, S.INVESTIGATING], None, {P}, guard="pending_extension"
        ),
        A.REFUSE_EXTENSION: _t(
            A.REFUSE_EXTENSION,
            [S.ASSIGNED, S.INVESTIGATING],
            None,
            {P},
            ("note",),
            guard="pending_extension",
            css="outline-danger",
        ),
    },
    # Acceptance within 15 days of receipt (counted in working days); closure within 60
    # calendar days of acceptance; one extension of at most 30 days.
    due_on={A.REGISTER: DueRule("working", 15), A.ACCEPT: DueRule("days", 60)},
)

OPINION = Graph(
    initial=S.ASSIGNED,
    transitions={
        A.RECTIFY: _t(A.RECTIFY, [S.ASSIGNED], S.RECTIFYING, {U}),
        A.FEED_BACK: _t(A.FEED_BACK, [S.RECTIFYING], S.FED_BACK, {U}, ("answer_text",)),
        A.CLOSE: _t(A.CLOSE, [S.FED_BACK], S.CLOSED, {P}, css="success"),
        A.REQUEST_EXTENSION: _t(
            A.REQUEST_EXTENSION,
            [S.ASSIGNED, S.RECTIFYING],
            None,
            {U},
            ("requested_due", "note"),
            guard="no_pending_extension",
            css="outline-secondary",
        ),
        A.GRANT_EXTENSION: _t(
            A.GRANT_EXTENSION, [S.ASSIGNED, S.RECTIFYING], None, {P}, guard="pending_extension"
        ),
    },
    # Rectification reported within 30 working days of assignment.
    due_on={A.REGISTER: DueRule("working", 30)},
)

ASSISTANCE = Graph(
    initial=S.APPLIED,
    transitions={
        A.VERIFY: _t(A.VERIFY, [S.APPLIED], S.VERIFIED, {V, U}),
        A.REPORT: _t(A.REPORT, [S.VERIFIED], S.REPORTED, {V, U}),
        A.APPROVE: _t(A.APPROVE, [S.REPORTED], S.APPROVED, {U}),
        A.DISBURSE: _t(A.DISBURSE, [S.APPROVED], S.DISBURSED, {U}, ("amount",)),
        A.ARCHIVE: _t(A.ARCHIVE, [S.DISBURSED], S.ARCHIVED, {U}, css="success"),
    },
    # Verified, reported and approved within 20 working days of the application.
    due_on={A.REGISTER: DueRule("working", 20)},
)

GRAPHS: dict[str, Graph] = {
    CaseKind.MOTION: MOTION,
    CaseKind.SUGGESTION: SUGGESTION,
    CaseKind.PETITION: PETITION,
    CaseKind.ASSISTANCE: ASSISTANCE,
    **{kind: OPINION for kind in OPINION_KINDS},
}


def case_roles(user, case) -> set[str]:
    """Return the roles ``user`` holds towards ``case`` (empty when none)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    roles: set[str] = set()
    role = user.role
    if role == Role.PRESIDIUM and user.township_id == case.township_id:
        roles.add(P)
    if role in (Role.CADRE, Role.VILLAGE) and case.handling_unit_id:
        units = {user.org_unit_id, getattr(user.person, "unit_id", None)} - {None}
        if case.handling_unit_id in units:
            roles.add(U)
    if role == Role.VILLAGE and case.village_id and case.village_id == user.village_id:
        roles.add(V)
    if role == Role.DEPUTY and user.person_id:
        for sponsor in case.sponsors.all():
            if sponsor.is_lead and sponsor.person_id == user.person_id:
                roles.add(L)
    return roles


def guard_ok(guard: str, case) -> bool:
    """Evaluate an extra transition condition on the case row."""
    if not guard:
        return True
    if guard == "pending_extension":
        return case.extension_due is not None
    if guard == "no_pending_extension":
        return case.extension_due is None
    if guard == "petition_extension":
        return case.extension_due is None and case.extension_count == 0
    if guard == "village_tier":
        return case.tier == Tier.VILLAGE
    raise KeyError(guard)


def available_actions(user, case) -> list[Transition]:
    """Return the transitions ``user`` may make on ``case`` now."""
    graph = GRAPHS[case.kind]
    roles = case_roles(user, case)
    if not user.can("cases.act") and not (L in roles and user.can("cases.submit")):
        return []
    return [
        t
        for t in graph.transitions.values()
        if case.state in t.sources and roles & t.roles and guard_ok(t.guard, case)
    ]


# Which kinds each role may register through the forms (and so through an import).
REGISTER_KINDS = {
    "presidium": list(CaseKind.values),
    "village": [CaseKind.PETITION, CaseKind.ASSISTANCE],
    "deputy": [CaseKind.SUGGESTION, CaseKind.MOTION],
}


def register_kinds(user) -> list[str]:
    """Return the case kinds ``user`` may register."""
    if not (user.can("cases.register") or user.can("cases.submit")):
        return []
    return REGISTER_KINDS.get(user.role, [])
