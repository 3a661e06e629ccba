"""Case writers: registration, transitions, reminders, supervision, files, holidays.

Contracts other apps call (keyword-only):

- ``case_register(*, kind, township, title, registered, sponsors=(), actor=None,
  **fields) -> Case`` registers any kind. A motion (议案) needs at least five
  township deputies of ``township`` in office on ``registered`` among ``sponsors``
  (otherwise ``ValidationError`` naming the count); the first sponsor is the lead.
- ``opinion_create(*, kind, township, title, content="", unit, source_type, source_id,
  registered, actor=None) -> Case`` creates a 评议意见/视察意见/述职意见
  already assigned (已交办) to ``unit``, with its event.
- ``case_transition(*, case, action, actor, expected_version=None, **data)``
  makes one workflow step (see ``taizhang.cases.workflow``); raises ``PermissionDenied``,
  ``ValidationError`` or ``ConflictError`` (stale version).
"""

from __future__ import annotations

from taizhang.cases.services.holidays import holiday_days_save, holiday_plan
from taizhang.cases.services.register import case_link, case_register, opinion_create
from taizhang.cases.services.support import (
    attachment_add,
    case_remind,
    case_supervise,
    holiday_override_delete,
    holiday_override_set,
    reminders_mark_read,
)
from taizhang.cases.services.transitions import case_transition, compute_due, due_from_dates

__all__ = [
    "attachment_add",
    "case_link",
    "case_register",
    "case_remind",
    "case_supervise",
    "case_transition",
    "compute_due",
    "due_from_dates",
    "holiday_days_save",
    "holiday_override_delete",
    "holiday_override_set",
    "holiday_plan",
    "opinion_create",
    "reminders_mark_read",
]
