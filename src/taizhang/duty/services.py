"""Writes to duty entries, quotas, the liaison log, publicity and spending; each audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.core.records import record_create, record_save
from taizhang.core.versioning import NEW
from taizhang.duty.models import (
    DutyEntry,
    DutyType,
    Expense,
    LiaisonContact,
    LiaisonWay,
    Period,
    PublicityLevel,
    PublicityPiece,
    Quota,
)
from taizhang.people.models import Deputy, DeputyLevel

# The "12345" scheme: 1 group meeting a quarter; 2 reflections, 3 households helped,
# 4 group activities and 5 suggestions a year.
SCHEME_12345 = [
    (DutyType.GROUP_MEETING, 1, Period.QUARTER),
    (DutyType.REFLECTION, 2, Period.YEAR),
    (DutyType.HELP, 3, Period.YEAR),
    (DutyType.GROUP_ACTIVITY, 4, Period.YEAR),
    (DutyType.SUGGESTION, 5, Period.YEAR),
]


def mandate_on(*, person, township, day: date) -> Deputy | None:
    """Return the person's township-level mandate in ``township`` in office on ``day``."""
    return (
        Deputy.objects.filter(person=person, township=township, level=DeputyLevel.TOWNSHIP)
        .in_office_on(day)
        .first()
    )


@transaction.atomic
def duty_entry_create(
    *,
    person,
    township,
    day: date,
    type: str,
    content: str = "",
    quantity: int = 1,
    actor=None,
) -> DutyEntry:
    """Record a duty done by a deputy (by the deputy or a clerk)."""
    if mandate_on(person=person, township=township, day=day) is None:
        raise ValidationError(
            {"person": f"{person.name}在{day:%Y-%m-%d}不是{township.name}的在任代表。"}
        )
    if quantity is None or quantity < 1:
        raise ValidationError({"quantity": "数量必须是正整数。"})
    if day > timezone.localdate():
        raise ValidationError({"date": "日期不能晚于今天。"})
    entry = DutyEntry(
        person=person,
        township=township,
        date=day,
        type=type,
        content=content.strip(),
        quantity=quantity,
    )
    if DutyEntry.objects.filter(person=person, date=day, type=type, content=entry.content).exists():
        raise ValidationError({"content": "该履职记录已登记，请勿重复录入。"})
    return record_create(entry, actor=actor, summary=f"新增履职记录 {type}")


@transaction.atomic
def quota_set(
    *,
    township,
    year: int,
    type: str,
    required: int,
    period: str = Period.YEAR,
    expected_version: int | None,
    actor=None,
) -> Quota:
    """Create or change one quota of a township's year."""
    if required is None or required < 0:
        raise ValidationError({"required": "要求数量不能为负数。"})
    if period not in Period.values:
        raise ValidationError({"period": "周期只能是年或季度。"})
    return record_save(
        Quota,
        key={"township": township, "year": year, "type": type},
        values={"required": required, "period": period},
        expected_version=expected_version,
        summary=f"履职要求 {year} {type}",
        actor=actor,
    )


@transaction.atomic
def quota_apply_scheme(*, township, year: int, actor=None) -> list[Quota]:
    """Set the "12345" quotas for a township's year (a quota already at them is left alone)."""
    out = []
    for kind, n, period in SCHEME_12345:
        key = {"township": township, "year": year, "type": kind}
        quota = Quota.objects.filter(**key).first()
        if quota is not None and (quota.required, quota.period) == (n, period):
            out.append(quota)
            continue
        # The scheme button sets the whole scheme, whatever the quotas were.
        seen = quota.version if quota is not None else NEW
        out.append(
            quota_set(
                **key,
                required=n,
                period=period,
                expected_version=seen,
                actor=actor,
            )
        )
    return out


@transaction.atomic
def liaison_create(
    *,
    township,
    deputy: Deputy,
    day: date,
    way: str,
    outcome: str = "",
    contacted_by=None,
    actor=None,
) -> LiaisonContact:
    """Record one contact of the presidium with a deputy."""
    if deputy.township_id != township.pk or not deputy.in_office(day):
        raise ValidationError({"deputy": f"{deputy.person.name}在该日期不是本乡镇在任代表。"})
    if way not in LiaisonWay.values:
        raise ValidationError({"way": "请选择列表中的联系方式。"})
    contact = LiaisonContact(
        township=township,
        deputy=deputy,
        date=day,
        way=way,
        outcome=outcome.strip(),
        contacted_by=contacted_by,
    )
    return record_create(contact, actor=actor, summary=f"新增联系代表记录 {way}")


@transaction.atomic
def publicity_create(
    *,
    township,
    day: date,
    title: str,
    author: str = "",
    level: str = PublicityLevel.COUNTY,
    outlet: str = "",
    actor=None,
) -> PublicityPiece:
    title = title.strip()
    if PublicityPiece.objects.filter(township=township, date=day, title=title).exists():
        raise ValidationError({"title": "同一日期已登记同名信息。"})
    piece = PublicityPiece(
        township=township,
        date=day,
        title=title,
        author=author.strip(),
        level=level,
        outlet=outlet.strip(),
    )
    return record_create(piece, actor=actor, summary=f"新增信息宣传（{level}级）")


def parse_amount(value) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"amount": "金额必须是数字（单位：元）。"}) from exc
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": "金额必须大于零。"})
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def expense_create(*, township, day: date, purpose: str, amount, actor=None) -> Expense:
    amount = parse_amount(amount)
    purpose = purpose.strip()
    if Expense.objects.filter(township=township, date=day, purpose=purpose, amount=amount).exists():
        raise ValidationError({"purpose": "该笔经费已登记，请勿重复录入。"})
    expense = Expense(township=township, date=day, purpose=purpose, amount=amount)
    return record_create(expense, actor=actor, summary=f"新增经费支出 {purpose}")
