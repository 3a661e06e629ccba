"""Writes to a session's votes: agenda items with their ballots, and elections."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.records import record_save
from taizhang.core.versioning import save_or_create
from taizhang.meetings.models import AgendaItem, AgendaOutcome, Candidate, Election, Meeting
from taizhang.meetings.selectors import attendance_summary


def _check_votes(meeting: Meeting, votes: dict[str, int | None]) -> int:
    present = attendance_summary(meeting).present
    labels = {"votes_for": "赞成", "votes_against": "反对", "votes_abstain": "弃权"}
    total = 0
    for key, value in votes.items():
        if value is None:
            continue
        if value < 0:
            raise ValidationError({key: f"{labels.get(key, '票数')}票数不能为负数。"})
        total += value
    if total > present:
        raise ValidationError(
            {"votes_for": f"赞成、反对、弃权票数之和（{total}）超过实到代表人数（{present}）。"}
        )
    return present


@transaction.atomic
def agenda_item_save(
    *,
    meeting: Meeting,
    seq: int,
    title: str,
    kind: str = "",
    outcome: str = "",
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_abstain: int | None = None,
    expected_version: int | None,
    actor=None,
) -> AgendaItem:
    """Create or replace agenda item ``seq``; votes never exceed those present.

    With votes and no outcome, an item passes with more than half of all deputies.
    """
    _check_votes(
        meeting,
        {"votes_for": votes_for, "votes_against": votes_against, "votes_abstain": votes_abstain},
    )
    majority = attendance_summary(meeting).majority
    if votes_for is not None and not outcome:
        outcome = AgendaOutcome.PASSED if votes_for >= majority else AgendaOutcome.FAILED
    if outcome == AgendaOutcome.PASSED and votes_for is not None and votes_for < majority:
        raise ValidationError(
            {
                "outcome": f"赞成票（{votes_for}）未超过全体代表的半数（须至少 {majority} 票），不能通过。"
            }
        )
    values = dict(
        title=title.strip(),
        kind=kind,
        outcome=outcome,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
    )
    return record_save(
        AgendaItem,
        key={"meeting": meeting, "seq": seq},
        values=values,
        expected_version=expected_version,
        summary=f"{meeting.name} 议程 {seq}",
        actor=actor,
    )


@transaction.atomic
def election_record(
    *,
    meeting: Meeting,
    office: str,
    candidates: list[tuple[str, int]],
    seats: int = 1,
    expected_version: int | None,
    actor=None,
) -> Election:
    """Record an election; a candidate is elected only with more than half of ALL deputies."""
    office = office.strip()
    if not office:
        raise ValidationError({"office": "请填写选举的职务。"})
    if not candidates:
        raise ValidationError({"candidates": "请至少填写一名候选人。"})
    summary = attendance_summary(meeting)
    names = [name.strip() for name, _ in candidates]
    if len(set(names)) != len(names) or not all(names):
        raise ValidationError({"candidates": "候选人姓名不能为空或重复。"})
    for name, votes in candidates:
        if votes < 0:
            raise ValidationError({"candidates": f"候选人{name}的得票不能为负数。"})
        if votes > summary.present:
            raise ValidationError(
                {
                    "candidates": f"候选人{name}的得票（{votes}）超过实到代表人数（{summary.present}）。"
                }
            )
    election, created, _ = save_or_create(
        Election,
        key={"meeting": meeting, "office": office},
        values={"seats": seats},
        expected_version=expected_version,
    )
    election.candidates.all().delete()
    ranked = sorted(candidates, key=lambda c: -c[1])
    winners = {n for n, v in ranked[:seats] if v >= summary.majority}
    for name, votes in candidates:
        candidate = Candidate(
            election=election, name=name.strip(), votes=votes, elected=name.strip() in winners
        )
        candidate.full_clean()
        candidate.save()
    audit_record(
        kind=AuditKind.UPDATE,
        user=actor,
        obj=election,
        summary=f"{meeting.name} 选举 {office}",
    )
    return election
