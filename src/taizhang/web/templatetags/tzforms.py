"""Template helpers: Bootstrap classes on form widgets."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def with_class(field, css: str = "form-control"):
    return field.as_widget(attrs={"class": css})
