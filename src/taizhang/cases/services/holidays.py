"""Holiday overrides entered in batches: a date range or the State Council's notice lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.cases.models import HolidayOverride
from taizhang.core.audit import AuditKind, audit_record

MAX_DAYS = 62  # a whole notice has about forty dated days


@dataclass
class HolidayPlan:
    """What saving ``days`` would do: new dates, dates already so, dates it would change."""

    new: list[tuple[date, bool, str]] = field(default_factory=list)
    same: list[HolidayOverride] = field(default_factory=list)
    changed: list[tuple[HolidayOverride, bool, str]] = field(default_factory=list)


def holiday_plan(days: list[tuple[date, bool, str]]) -> HolidayPlan:
    """Compare the entered ``(day, is_working_day, note)`` with the saved overrides."""
    existing = {o.date: o for o in HolidayOverride.objects.filter(date__in=[d for d, _, _ in days])}
    plan = HolidayPlan()
    for day, working, note in days:
        old = existing.get(day)
        if old is None:
            plan.new.append((day, working, note))
        elif old.is_working_day == working and (not note or old.note == note):
            plan.same.append(old)
        else:
            plan.changed.append((old, working, note))
    return plan


def describe(override: HolidayOverride) -> str:
    """``2027-01-01 放假（元旦）``: how a saved date reads in a message."""
    note = f"（{override.note}）" if override.note else ""
    return f"{override.date:%Y-%m-%d} {'上班' if override.is_working_day else '放假'}{note}"


@transaction.atomic
def holiday_days_save(
    *, days: list[tuple[date, bool, str]], replace: bool = False, actor=None
) -> HolidayPlan:
    """Save several holiday overrides at once; all or nothing.

    A date already saved with another arrangement is changed only with ``replace``; otherwise
    ``ValidationError`` lists those dates and nothing is written.
    """
    if not days:
        raise ValidationError("没有要保存的日期。")
    if len(days) > MAX_DAYS:
        raise ValidationError(f"一次最多保存{MAX_DAYS}个日期，本次有{len(days)}个。")
    plan = holiday_plan(days)
    if plan.changed and not replace:
        listed = "、".join(describe(old) for old, _, _ in plan.changed)
        raise ValidationError(f"以下日期已有设置：{listed}。如要改为本次的安排，请选择“替换”。")
    for day, working, note in plan.new:
        override = HolidayOverride.objects.create(
            date=day, is_working_day=working, note=(note or "")[:100]
        )
        _audit(AuditKind.CREATE, override, actor)
    for old, working, note in plan.changed:
        old.is_working_day, old.note = working, (note or old.note)[:100]
        old.save(update_fields=["is_working_day", "note"])
        _audit(AuditKind.UPDATE, old, actor)
    return plan


def _audit(kind, override: HolidayOverride, actor) -> None:
    arrangement = "上班" if override.is_working_day else "放假"
    audit_record(kind=kind, user=actor, obj=override,
                 summary=f"节假日调整 {override.date} {arrangement}")  # fmt: skip
