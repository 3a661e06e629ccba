"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "taizhang.people"
    label = "people"
