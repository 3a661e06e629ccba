"""Turn a figure's source references (``cases.Case:6``) into titles, dates and links.

One resolver for every place that shows where a number comes from: the figures pages, the
draft page and the printed document share it, its list ``web/_sources.html`` and its
popover ``web/_source_popover.html`` (a button in the text opens a popover placed after
the paragraph or in the table cell, never inside a ``<p>``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

# model label -> (select_related, title, date, link) as functions of one row
_PERSON = ("person",)


def _link(name: str, pk) -> str:
    return reverse(name, args=[pk])


RULES = {
    "cases.Case": ((), lambda o: f"{o.code} {o.title}", lambda o: o.registered,
                   lambda o: _link("cases:detail", o.pk)),
    "people.Deputy": (_PERSON, lambda o: f"{o.person.name}（{o.term}代表）", lambda o: o.start,
                      lambda o: _link("people:person_detail", o.person_id)),
    "meetings.Meeting": ((), lambda o: o.name, lambda o: o.date,
                         lambda o: _link("meetings:meeting_detail", o.pk)),
    "meetings.Attendance": (("meeting", "deputy__person"),
                            lambda o: f"{o.meeting.name}：{o.deputy.person.name} {o.status}",
                            lambda o: o.meeting.date,
                            lambda o: _link("meetings:meeting_detail", o.meeting_id)),
    "meetings.AgendaItem": (("meeting",), lambda o: f"{o.meeting.name}：{o.title}",
                            lambda o: o.meeting.date,
                            lambda o: _link("meetings:meeting_detail", o.meeting_id)),
    "meetings.Activity": ((), lambda o: o.topic, lambda o: o.date,
                          lambda o: _link("meetings:activity_detail", o.pk)),
    "meetings.Participant": (("activity", "deputy__person"),
                             lambda o: f"{o.activity.topic}：{o.deputy.person.name}",
                             lambda o: o.activity.date,
                             lambda o: _link("meetings:activity_detail", o.activity_id)),
    "meetings.Rating": (("activity",), lambda o: f"{o.activity.topic}：{o.subject}测评",
                        lambda o: o.activity.date,
                        lambda o: _link("meetings:activity_detail", o.activity_id)),
    "ledger.Project": ((), lambda o: f"{o.code} {o.name}（{o.year}年度）", lambda o: None,
                       lambda o: _link("ledger:project_edit", o.pk)),
    "ledger.Indicator": ((), lambda o: f"{o.name}（{o.year}年度）", lambda o: None,
                         lambda o: _link("ledger:indicator_edit", o.pk)),
}  # fmt: skip


@dataclass(frozen=True)
class Source:
    """One record a figure counts, as a person reads it."""

    title: str
    day: date | None
    url: str


def _fallback_day(obj) -> date | None:
    for name in ("date", "registered", "start", "created_at"):
        value = getattr(obj, name, None)
        if isinstance(value, datetime):
            return timezone.localtime(value).date()
        if isinstance(value, date):
            return value
    return None


def _attr(getter, obj, default):
    try:
        return getter(obj)
    except (AttributeError, TypeError, ValueError):
        return default


def resolve_sources(refs) -> dict[str, Source]:
    """Map each ``app.Model:pk`` reference to its Source (one query per model)."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for ref in refs:
        label, _, pk = ref.partition(":")
        if pk.isdigit():
            wanted[label].append(int(pk))
    out: dict[str, Source] = {}
    for label, pks in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        related, title, day, url = RULES.get(label, ((), str, _fallback_day, lambda o: ""))
        rows = model._default_manager.select_related(*related).filter(pk__in=set(pks))
        for obj in rows:
            out[f"{label}:{obj.pk}"] = Source(
                title=_attr(title, obj, str(obj)),
                day=_attr(day, obj, None),
                url=_attr(url, obj, ""),
            )
    return out


SHOWN = 30  # records listed per figure; the rest are counted ("另有 N 条")


@dataclass(frozen=True)
class FigureSources:
    """The records one figure counts, as its popover lists them."""

    sources: list[Source]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.sources), 0)


def _in_order(refs: Sequence[str], resolved: dict[str, Source]) -> FigureSources:
    found = [resolved[r] for r in refs[:SHOWN] if r in resolved]
    found.sort(key=lambda s: (s.day or date.min, s.title))
    return FigureSources(sources=found, total=len(refs))


def resolve_figures(ref_lists: Iterable[Sequence[str]]) -> Callable[[Sequence[str]], FigureSources]:
    """Resolve the shown records of many figures at once; return a per-figure lookup."""
    lists = list(ref_lists)
    resolved = resolve_sources(ref for refs in lists for ref in refs[:SHOWN])
    return lambda refs: _in_order(refs, resolved)


def sources_by_fact(facts) -> dict[str, FigureSources]:
    """For each fact key, its shown sources in reading order (by date, then title)."""
    lookup = resolve_figures(f.sources for f in facts)
    return {f.key: lookup(f.sources) for f in facts}


def sources_listing(ref_lists: Iterable[Sequence[str]]) -> Callable[[Sequence[str]], str]:
    """Return the writer's ``listing`` hook: the shared sources list as HTML."""
    lookup = resolve_figures(ref_lists)

    def listing(refs: Sequence[str]) -> str:
        figure = lookup(refs)
        return render_to_string(
            "web/_sources.html", {"sources": figure.sources, "more": figure.more}
        )

    return listing
