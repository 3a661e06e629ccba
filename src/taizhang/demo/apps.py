"""App configuration: the demo county loader and the `demo` command."""

from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "taizhang.demo"
    label = "demo"
