"""Random action sequences never reach an invalid state; events equal transitions."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from taizhang.cases.models import Case, CaseEvent
from taizhang.cases.services import case_transition
from taizhang.cases.workflow import GRAPHS

from .helpers import action_data, make

ALL_ACTIONS = sorted({a for g in GRAPHS.values() for a in g.transitions})
KINDS = ["议案", "建议", "信访", "评议意见", "救助"]
ACTORS = ["alice", "bob", "carol", "dave", "heidi", None]


@pytest.mark.django_db
def test_random_action_sequences_keep_cases_valid(world, sponsors):
    world.extra_sponsors = sponsors[1:5]

    class CaseMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.cases: list[Case] = []
            self.made = 0

        @rule(kind=st.sampled_from(KINDS))
        def register(self, kind):
            if len(self.cases) < 4:
                self.cases.append(make(world, kind, []))
                self.made += 1

        @rule(
            index=st.integers(0, 3),
            action=st.sampled_from(ALL_ACTIONS),
            actor=st.sampled_from(ACTORS),
            stale=st.booleans(),
        )
        def act(self, index, action, actor, stale):
            if not self.cases:
                return
            case = self.cases[index % len(self.cases)]
            fresh = Case.objects.get(pk=case.pk)
            data = action_data(world, fresh, action) if fresh.due or action != "申请延期" else {}
            if "unit" in data:
                data["unit"] = world.village1 if fresh.kind == "信访" else world.station
            if "requested_due" in data:
                data["requested_due"] = date.fromisoformat(data["requested_due"])
            version = fresh.version - 1 if stale else fresh.version
            user = world.users[actor] if actor else None
            before = fresh.events.count()
            try:
                case_transition(
                    case=fresh, action=action, actor=user, expected_version=version, **data
                )
            except (PermissionDenied, ValidationError, Exception) as exc:
                assert type(exc).__name__ in {
                    "PermissionDenied",
                    "ValidationError",
                    "ConflictError",
                }, repr(exc)
                after = Case.objects.get(pk=case.pk)
                assert after.version == fresh.version and after.state == fresh.state
                assert after.events.count() == before
            else:
                after = Case.objects.get(pk=case.pk)
                assert after.version == fresh.version + 1
                assert after.events.count() == before + 1

        @invariant()
        def states_are_valid_and_events_match_versions(self):
            for case in Case.objects.all():
                assert case.state in GRAPHS[case.kind].states
                # One event at registration, then one per successful transition.
                assert CaseEvent.objects.filter(case=case).count() == case.version
                if case.closed:
                    assert case.closed >= case.registered

    CaseMachine.TestCase.settings = settings(
        max_examples=25,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    run = CaseMachine.TestCase("runTest")
    run.runTest()
