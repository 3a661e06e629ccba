"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "taizhang.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from taizhang.core.auditchain import sqlite_guard_function
        from taizhang.core.tempfiles import prepare

        prepare()

        connection_created.connect(sqlite_guard_function, dispatch_uid="taizhang_audit_guard")
