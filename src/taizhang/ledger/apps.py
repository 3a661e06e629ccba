"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "taizhang.ledger"
    label = "ledger"
