"""Replace the many-to-many rows (participants, sponsors) of imported records."""

from __future__ import annotations

from collections import defaultdict


def replace_links(through, owner: str, other: str, planned, pks, extra=None) -> set:
    """Make each owner's links equal to the row's list; return keys whose links changed."""
    wanted = {pks[key]: related for _, key, _, related in planned if related is not None}
    if not wanted:
        return set()
    current = defaultdict(set)
    for a, b in through.objects.filter(**{f"{owner}__in": list(wanted)}).values_list(owner, other):
        current[a].add(b)
    changed_owners, new_rows = set(), []
    for pk, related in wanted.items():
        ids = [r[0] if isinstance(r, tuple) else r for r in related]
        if set(ids) == current[pk]:
            continue
        changed_owners.add(pk)
        for position, item in enumerate(related):
            values = {owner: pk, other: item[0] if isinstance(item, tuple) else item}
            if extra:
                values.update(extra(position, item))
            new_rows.append(through(**values))
    if changed_owners:
        through.objects.filter(**{f"{owner}__in": list(changed_owners)}).delete()
        through.objects.bulk_create(new_rows, batch_size=2000)
    by_pk = {pk: key for key, pk in pks.items()}
    return {by_pk[pk] for pk in changed_owners}
