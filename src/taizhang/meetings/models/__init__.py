"""Meetings and activities models, re-exported from their modules."""

from __future__ import annotations

from taizhang.meetings.models.activities import (
    OPINION_KIND,
    Activity,
    ActivityKind,
    ActivityPhoto,
    ActivityQuerySet,
    Participant,
    Rating,
)
from taizhang.meetings.models.sessions import (
    ROLL_KINDS,
    AgendaItem,
    AgendaKind,
    AgendaOutcome,
    Attendance,
    AttendanceQuerySet,
    AttendanceStatus,
    Candidate,
    CheckInMethod,
    Election,
    Meeting,
    MeetingAttachment,
    MeetingKind,
    MeetingQuerySet,
    WorkingGroup,
    WorkingTask,
)

__all__ = [
    "ROLL_KINDS",
    "Activity",
    "ActivityKind",
    "ActivityPhoto",
    "ActivityQuerySet",
    "AgendaItem",
    "AgendaKind",
    "AgendaOutcome",
    "Attendance",
    "AttendanceQuerySet",
    "AttendanceStatus",
    "Candidate",
    "CheckInMethod",
    "Election",
    "Meeting",
    "MeetingAttachment",
    "MeetingKind",
    "MeetingQuerySet",
    "OPINION_KIND",
    "Participant",
    "Rating",
    "WorkingGroup",
    "WorkingTask",
]
