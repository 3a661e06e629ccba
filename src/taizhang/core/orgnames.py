"""Unit display names: a unit carries its township wherever several townships show."""

from __future__ import annotations

from django.utils.html import format_html_join

# Kinds named by themselves: the county and the townships are unique in the county.
TOP_KINDS = {"county", "township"}
# What list queries select so that ``unit_label`` reads the township without a query
# (village and station: parent; group: parent's parent).
LABEL_RELATED = "parent__parent"
# A unit picker's columns: the unit, its parent and grandparent (kind, name), and whether
# the grandparent has a parent; read as tuples, no model instances.
PICKER_COLUMNS = tuple(
    f"{prefix}{field}"
    for prefix in ("", "parent__", "parent__parent__")
    for field in ("kind", "name")
) + ("parent__parent__parent_id",)


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


def _row_label(row: tuple, with_township: bool) -> str:
    """``unit_label`` of a PICKER_COLUMNS row (after its pk): the names from the unit up
    to the first county or township, as ``full_name`` joins them."""
    kind, name = row[0], row[1]
    if not with_township or kind in TOP_KINDS or row[2] is None:
        return name
    names = [name]
    for level in (2, 4):
        kind, name = row[level], row[level + 1]
        if kind is None:
            break
        names.append(name)
        if kind in TOP_KINDS:
            break
    return "".join(reversed(names))


def picker_rows(units) -> list[tuple]:
    """The queryset ``units`` as (pk, *PICKER_COLUMNS) tuples, in its order."""
    return list(units.values_list("pk", *PICKER_COLUMNS))


def unit_options(rows: list[tuple], *, with_township: bool, selected: str = "") -> str:
    """The ``<option>`` elements of a unit picker over ``picker_rows``, built here rather
    than in a template loop over model rows: a county's picker lists hundreds of units,
    which cost tens of milliseconds a page that way."""
    selected = str(selected or "")
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (row[0], " selected" if str(row[0]) == selected else "",
             _row_label(row[1:], with_township))
            for row in rows
        ),
    )  # fmt: skip
