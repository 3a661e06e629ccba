"""Navigation per role: an entry shows when its URL exists and the role has its permission."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from taizhang.core.roles import Role

# (label, url name, permission or None for every signed-in user)
NAV: list[tuple[str, str, str | None]] = [
    ("首页", "web:dashboard", None),
    ("组织机构", "web:org_tree", "org.view"),
    ("人员", "people:person_list", "people.view"),
    ("代表名册", "people:deputy_list", "people.view"),
    ("职务", "people:post_list", "people.view"),
    ("会议活动", "meetings:index", "congress.view"),
    ("事项办理", "cases:index", "cases.view"),
    ("履职档案", "duty:index", "duty.view"),
    ("工作台账", "ledger:index", "ledger.view"),
    ("数据统计", "figures:index", "figures.view"),
    ("全县汇总", "figures:county", "county.rollup"),
    ("批量生成", "batch:index", "county.rollup"),
    ("年终文稿", "documents:index", "documents.use"),
    ("文稿校对", "documents:check", "documents.use"),
    ("导入导出", "exchange:index", "exchange.use"),
    ("用户管理", "accounts:user_list", "users.manage"),
    ("系统设置", "core:settings", "settings.manage"),
    ("通知发送", "cases:deliveries", "settings.manage"),
    ("审计日志", "core:audit_list", "audit.view"),
]


def nav_for(user) -> list[dict[str, str]]:
    items = []
    for label, name, permission in NAV:
        if permission and not user.can(permission):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url})
    if user.role == Role.DEPUTY and user.person_id:
        items.insert(
            1, {"label": "我的信息", "url": reverse("people:person_detail", args=[user.person_id])}
        )
    return items
