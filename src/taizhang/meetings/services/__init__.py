"""Meeting and activity writers, re-exported from their modules."""

from __future__ import annotations

from taizhang.meetings.services.activities import (
    activity_create,
    activity_update,
    opinion_record,
    photo_add,
    rating_save,
)
from taizhang.meetings.services.sessions import (
    CHECKIN_INVALID,
    CheckInError,
    attachment_add,
    attendance_set,
    checkin_by_token,
    checkin_meeting,
    checkin_token,
    checkin_url,
    meeting_create,
    meeting_open,
    meeting_update,
    minutes_save,
    working_group_save,
    working_task_add,
    working_task_toggle,
)
from taizhang.meetings.services.votes import agenda_item_save, election_record

__all__ = [
    "CheckInError",
    "activity_create",
    "activity_update",
    "agenda_item_save",
    "attachment_add",
    "attendance_set",
    "CHECKIN_INVALID",
    "checkin_by_token",
    "checkin_meeting",
    "checkin_token",
    "checkin_url",
    "election_record",
    "meeting_create",
    "meeting_open",
    "meeting_update",
    "minutes_save",
    "opinion_record",
    "photo_add",
    "rating_save",
    "working_group_save",
    "working_task_add",
    "working_task_toggle",
]
