"""Template context: navigation for the signed-in user; whether units need their township."""

from __future__ import annotations

from taizhang.core.orgnames import sees_many_townships
from taizhang.web.nav import nav_for


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "many_townships": False}
    current = request.path
    items = nav_for(user)
    for item in items:
        item["active"] = (
            item["url"] != "/" and current.startswith(item["url"]) or item["url"] == current
        )
    # Templates name units with ``unit|unit_label:many_townships``.
    return {"nav_items": items, "many_townships": sees_many_townships(user)}
