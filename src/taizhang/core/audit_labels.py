"""Name the objects of audit events as a reader knows them: 建议 JY2025-003 《…》, not ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps

# Audit object types that are not rows of a model.
PSEUDO = {
    "exchange.Workbook": "工作簿",
    "figures.CountyRollup": "全县汇总",
    "documents.Document": "文稿",
}


def describe(obj, noun: str) -> str:
    """Return "<kind or model name> <what the row is called>" for one row."""
    kind = getattr(obj, "get_kind_display", None)
    if callable(kind) and kind():
        noun = kind()  # a case says which kind it is: 建议, 信访 …
    code, title = getattr(obj, "code", ""), getattr(obj, "title", "")
    if code and title:
        return f"{noun} {code} 《{title}》"
    return f"{noun} {obj}"


def object_labels(events: Iterable) -> dict[tuple[str, str], str]:
    """Map (object_type, object_id) of each event to a Chinese label, one query per model."""
    wanted: dict[str, set[int]] = defaultdict(set)
    out: dict[tuple[str, str], str] = {}
    for event in events:
        if not event.object_type:
            continue
        if event.object_id.isdigit():
            wanted[event.object_type].add(int(event.object_id))
        out[(event.object_type, event.object_id)] = _unresolved(event)
    for label, pks in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        noun = str(model._meta.verbose_name)
        for obj in model._default_manager.filter(pk__in=pks):
            out[(label, str(obj.pk))] = describe(obj, noun)
    return out


def _unresolved(event) -> str:
    """Label of an object that is not (or no longer) a row: its kind, and its number."""
    noun = PSEUDO.get(event.object_type)
    if noun is None:
        try:
            noun = str(apps.get_model(event.object_type)._meta.verbose_name)
        except (LookupError, ValueError):
            noun = event.object_type
    if not event.object_id:
        return noun
    return f"{noun}（编号{event.object_id}，已不存在）" if event.object_id.isdigit() else noun
