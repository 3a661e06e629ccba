"""Django's flush through the audit guard's privileged path (tests' database resets)."""

from __future__ import annotations

from django.core.management.commands.flush import Command as FlushCommand

from taizhang.core.auditchain import audit_purge_path


class Command(FlushCommand):
    def handle(self, **options):
        with audit_purge_path(options["database"]):
            return super().handle(**options)
