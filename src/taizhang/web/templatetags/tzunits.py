"""Template helper: ``{{ unit|unit_label:many }}``, the one display name of a unit."""

from __future__ import annotations

from django import template

from taizhang.core.orgnames import unit_label as _unit_label

register = template.Library()


@register.filter
def unit_label(unit, with_township=True) -> str:
    return _unit_label(unit, with_township=bool(with_township))
