"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "taizhang.figures"
    label = "figures"

    def ready(self) -> None:
        from taizhang.figures import summary

        summary.connect()
