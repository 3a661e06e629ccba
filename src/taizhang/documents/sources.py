"""Turn figure sources ("app.Model:id") into readable record names for the draft page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps

# Related rows whose __str__ reads through foreign keys: fetch them in the same query.
RELATED = {
    "meetings.Attendance": ("meeting", "deputy__person"),
    "people.Deputy": ("person",),
    "cases.CaseSponsor": ("person",),
}
SHOWN_PER_FIGURE = 30


def resolve(refs: Iterable[str]) -> dict[str, str]:
    """Map each reference to the record's display name, one query per model."""
    by_model: dict[str, set[int]] = defaultdict(set)
    for ref in refs:
        label, _, pk = ref.partition(":")
        if pk.isdigit():
            by_model[label].add(int(pk))
    names: dict[str, str] = {}
    for label, pks in by_model.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        rows = model._default_manager.filter(pk__in=pks).select_related(*RELATED.get(label, ()))
        names.update({f"{label}:{row.pk}": str(row) for row in rows})
    return names


def figure_sources(blocks: list[dict]) -> dict[str, str]:
    """Resolve the first sources of every figure of a draft's blocks."""
    return resolve(
        ref for block in blocks for f in block["figures"] for ref in f["sources"][:SHOWN_PER_FIGURE]
    )
