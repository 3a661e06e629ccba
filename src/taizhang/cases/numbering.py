"""Case numbers (事项编号): one locked sequence row per township, kind and year."""

from __future__ import annotations

import re

from django.db import IntegrityError, models, transaction

# Keyed by CaseKind values (cases.models imports this module, so plain strings here).
CODE_PREFIX = {"议案": "议", "建议": "建", "信访": "访", "评议意见": "评", "视察意见": "视",
               "述职意见": "述", "救助": "助"}  # fmt: skip
CODE_SHAPE = re.compile(r"^(?P<prefix>\D)(?P<year>\d{4})-(?P<serial>\d{1,9})$")


class CaseNumber(models.Model):
    """事项编号序列: the last serial handed out for one township, kind and year."""

    township = models.ForeignKey(
        "core.OrgUnit", verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=8)
    year = models.PositiveIntegerField("年度")
    last = models.PositiveIntegerField("已用序号", default=0)

    class Meta:
        app_label = "cases"
        verbose_name = "事项编号序列"
        verbose_name_plural = "事项编号序列"
        constraints = [
            models.UniqueConstraint(
                fields=["township", "kind", "year"], name="casenumber_unique_sequence"
            ),
        ]

    def __str__(self) -> str:
        return f"{CODE_PREFIX.get(self.kind, '?')}{self.year}-{self.last:04d}"


def _serials_taken(township_id: int, prefix: str) -> list[int]:
    from taizhang.cases.models import Case

    codes = Case.objects.filter(township_id=township_id, code__startswith=prefix)
    out = []
    for code in codes.values_list("code", flat=True):
        tail = code[len(prefix) :]
        if tail.isdigit():
            out.append(int(tail))
    return out


def _locked_row(township_id: int, kind: str, year: int) -> CaseNumber:
    """Return the sequence row locked for this transaction, creating it once."""
    row = (
        CaseNumber.objects.select_for_update()
        .filter(township_id=township_id, kind=kind, year=year)
        .first()
    )
    if row is not None:
        return row
    prefix = f"{CODE_PREFIX[kind]}{year}-"
    start = max(_serials_taken(township_id, prefix), default=0)
    try:
        with transaction.atomic():
            CaseNumber.objects.create(township_id=township_id, kind=kind, year=year, last=start)
    except IntegrityError:
        pass  # another transaction created it first: wait for its lock below
    return CaseNumber.objects.select_for_update().get(township_id=township_id, kind=kind, year=year)


def case_number_next(*, township_id: int, kind: str, year: int) -> str:
    """Hand out the next number of the sequence; call inside the registering transaction.

    The row lock is held until the caller's transaction ends, so two registrations never
    receive one number; a number typed or imported ahead of the sequence is skipped.
    """
    from taizhang.cases.models import Case

    assert transaction.get_connection().in_atomic_block, "call inside a transaction"
    row = _locked_row(township_id, kind, year)
    prefix = f"{CODE_PREFIX[kind]}{year}-"
    serial = row.last + 1
    while Case.objects.filter(township_id=township_id, code=f"{prefix}{serial:04d}").exists():
        serial += 1
    row.last = serial
    row.save(update_fields=["last"])
    return f"{prefix}{serial:04d}"


def case_numbers_advance(codes) -> None:
    """Move sequences forward past stored codes (township_id, kind, code) of an import."""
    highest: dict[tuple[int, str, int], int] = {}
    for township_id, kind, code in codes:
        match = CODE_SHAPE.match(code or "")
        if not match or CODE_PREFIX.get(kind) != match["prefix"]:
            continue
        key = (township_id, kind, int(match["year"]))
        highest[key] = max(highest.get(key, 0), int(match["serial"]))
    for (township_id, kind, year), serial in sorted(highest.items()):
        row = _locked_row(township_id, kind, year)
        if serial > row.last:
            row.last = serial
            row.save(update_fields=["last"])
