"""Name index of the roster: every character of a person's name, and every pair of
adjacent characters.

PostgreSQL's trigram indexes can't serve a search of one or two characters, and most
Chinese names are two or three characters long; this table can: a search reads the
persons of its first two characters (or of its one character) from the index and checks
the whole term only on them. Kept by every write of a name: a person's save (model
signal, so forms, the API and the demo alike) and the workbook import (``grams_refresh``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from taizhang.people.models import Person, PersonNameGram

BATCH = 2000


def name_grams(name: str) -> set[str]:
    """Each character and each pair of adjacent characters of ``name`` (case-folded,
    spaces dropped)."""
    text = "".join(name.split()).upper()
    return set(text) | {text[i : i + 2] for i in range(len(text) - 1)}


def grams_refresh(person_ids: Iterable[int]) -> None:
    """Rebuild the name index rows of ``person_ids`` from their current names."""
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        PersonNameGram.objects.filter(person_id__in=chunk).delete()
        people = Person.objects.filter(pk__in=chunk).values_list("pk", "name", "county_id")
        rows = [
            PersonNameGram(person_id=pk, gram=gram, name=name, county_id=county)
            for pk, name, county in people
            for gram in sorted(name_grams(name))
        ]
        PersonNameGram.objects.bulk_create(rows, batch_size=BATCH)


def name_q(term: str) -> Q:
    """Persons whose name contains ``term``, found through the name index."""
    key = "".join(term.split()).upper()[:2]
    if not key:
        return Q()
    ids = PersonNameGram.objects.filter(gram=key).values("person_id")
    return Q(pk__in=ids) & Q(name__icontains=term.strip())


def county_grams(county_id: int, term: str):
    """The index rows of a county's persons whose name holds the one character ``term``,
    in the roster's order (name, then id): a page and its count read the index alone."""
    key = "".join(term.split()).upper()
    return PersonNameGram.objects.filter(gram=key, county_id=county_id).order_by(
        "name", "person_id"
    )


def on_person_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "name" not in update_fields):
        return
    grams_refresh([instance.pk])
