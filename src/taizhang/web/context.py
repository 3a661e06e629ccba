"""Template context: navigation for the signed-in user."""

from __future__ import annotations

from taizhang.web.nav import nav_for


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    current = request.path
    items = nav_for(user)
    for item in items:
        item["active"] = (
            item["url"] != "/" and current.startswith(item["url"]) or item["url"] == current
        )
    return {"nav_items": items}
