"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "taizhang.meetings"
    label = "meetings"
