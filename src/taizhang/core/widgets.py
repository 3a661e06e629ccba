"""The date and date-time inputs every form uses (the browser's own pickers, ISO values)."""

from __future__ import annotations

from django import forms


def date_input() -> forms.DateInput:
    """A fresh ``<input type="date">`` widget rendering its value as 2025-04-21."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datetime_input() -> forms.DateTimeInput:
    """A fresh ``<input type="datetime-local">`` widget rendering 2025-04-21T08:30."""
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


DATE = date_input()
DATETIME = datetime_input()
