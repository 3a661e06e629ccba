"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class DutyConfig(AppConfig):
    name = "taizhang.duty"
    label = "duty"
