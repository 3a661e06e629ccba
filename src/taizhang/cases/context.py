"""Template context: the signed-in user's unread 催办 count for the header badge."""

from __future__ import annotations

from functools import partial

from taizhang.core.roles import Role


def _unread_count(user) -> int:
    from taizhang.cases.selectors import unread_reminders

    return unread_reminders(user).count()


def notifications(request) -> dict:
    """``case_unread``: a callable, so the count query runs only when a page shows it."""
    user = getattr(request, "user", None)
    if (
        user is None
        or not user.is_authenticated
        or user.role not in (Role.CADRE, Role.VILLAGE, Role.PRESIDIUM)
    ):
        return {"case_unread": 0}
    return {"case_unread": partial(_unread_count, user)}
