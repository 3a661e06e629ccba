"""Meeting and activity views, re-exported for urls.py."""

from __future__ import annotations

from taizhang.meetings.views.activities import (
    activity_detail,
    activity_edit,
    activity_list,
    opinion_add,
    photo,
    photo_add,
    rating_add,
)
from taizhang.meetings.views.sessions import (
    agenda_add,
    attachment,
    attachment_add,
    checkin,
    election_add,
    group_add,
    index,
    mark,
    meeting_detail,
    meeting_edit,
    minutes_save,
    open_session,
    qr,
    roll,
    task_add,
    task_toggle,
)

__all__ = [
    "attachment",
    "activity_detail",
    "activity_edit",
    "activity_list",
    "agenda_add",
    "attachment_add",
    "checkin",
    "election_add",
    "group_add",
    "index",
    "mark",
    "meeting_detail",
    "meeting_edit",
    "minutes_save",
    "open_session",
    "opinion_add",
    "photo",
    "photo_add",
    "qr",
    "rating_add",
    "roll",
    "task_add",
    "task_toggle",
]
