"""Roles and the permissions each grants (one role per user)."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员"
    AUDITOR = "auditor", "审计员"
    PRESIDIUM = "presidium", "人大主席团"
    CADRE = "cadre", "乡镇干部"
    VILLAGE = "village", "村干部"
    DEPUTY = "deputy", "人大代表"
    COUNTY = "county", "县级领导"


# Permission names are "<area>.<action>". Views ask for one; scope is a separate filter.
_READ_ROSTER = {"org.view", "people.view"}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset({"users.manage", "settings.manage", "org.view", "org.edit"}),
    Role.AUDITOR: frozenset({"audit.view"}),
    Role.PRESIDIUM: frozenset(
        _READ_ROSTER
        | {
            "people.edit",
            "people.reveal",
            "congress.view",
            "congress.edit",
            "cases.view",
            "cases.act",
            "cases.register",
            # record a case's earlier handling (补录): import cases in a later state
            "cases.history",
            "figures.view",
            "documents.use",
            "exchange.use",
            "ledger.view",
            "duty.view",
            "duty.edit",
        }
    ),
    Role.CADRE: frozenset(
        _READ_ROSTER
        | {
            "ledger.view",
            "ledger.edit",
            "cases.view",
            "cases.act",
            "figures.view",
            "documents.use",
            "exchange.use",
            "congress.view",
        }
    ),
    Role.VILLAGE: frozenset(
        _READ_ROSTER
        | {
            "people.edit",
            "people.reveal",
            "cases.view",
            "cases.act",
            "cases.register",
            "figures.view",
        }
    ),
    Role.DEPUTY: frozenset(
        {"people.view", "cases.view", "cases.submit", "duty.view", "documents.use", "congress.view"}
    ),
    Role.COUNTY: frozenset(
        _READ_ROSTER
        | {
            "congress.view",
            "cases.view",
            "figures.view",
            "county.rollup",
            "ledger.view",
            "duty.view",
            "documents.view",
        }
    ),
}


def has_permission(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())
