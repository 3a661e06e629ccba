"""Unit display names: a unit carries its township wherever several townships show."""

from __future__ import annotations

from django.utils.html import format_html_join

# Kinds named by themselves: the county and the townships are unique in the county.
TOP_KINDS = {"county", "township"}
# What list queries select so that ``unit_label`` reads the township without a query
# (village and station: parent; group: parent's parent).
LABEL_RELATED = "parent__parent"
# The columns ``unit_label`` reads through LABEL_RELATED, for a picker listing hundreds of
# units (``.only(*LABEL_FIELDS)``): no timestamps parsed, nothing else loaded.
LABEL_FIELDS = tuple(
    f"{prefix}{field}"
    for prefix in ("", "parent__", "parent__parent__")
    for field in ("id", "kind", "name", "parent_id")
)


def unit_label(unit, *, with_township: bool = True) -> str:
    """Return the unit's display name: ``烽火乡石桥村`` across townships, ``石桥村`` within one."""
    if unit is None:
        return ""
    if not with_township or unit.kind in TOP_KINDS or unit.parent_id is None:
        return unit.name
    return unit.full_name


def sees_many_townships(user) -> bool:
    """Return whether the user's pages list units of more than one township."""
    return getattr(user, "township_id", None) is None


def unit_choices_label(user):
    """Return the label function for unit pickers shown to ``user``."""
    many = sees_many_townships(user)
    return lambda unit: unit_label(unit, with_township=many)


def unit_options(units, *, with_township: bool, selected: str = "") -> str:
    """The ``<option>`` elements of a unit picker, built here rather than in a template
    loop: a county's picker lists hundreds of units, and the template engine spends
    tens of milliseconds on them on every list page."""
    selected = str(selected or "")
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (unit.pk, " selected" if str(unit.pk) == selected else "",
             unit_label(unit, with_township=with_township))
            for unit in units
        ),
    )  # fmt: skip
