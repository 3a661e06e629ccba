"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "taizhang.figures"
    label = "figures"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from taizhang.figures import duty_rows, summary

        summary.connect()
        post_save.connect(
            duty_rows.follow_renames, sender="people.Person", dispatch_uid="figures-duty-names"
        )
