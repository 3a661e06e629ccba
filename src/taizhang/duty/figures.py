"""Duty figures: quotas met, duty entries, liaison by way, publicity by level, spending."""

from __future__ import annotations

from django.db.models import Sum

from taizhang.duty.models import DutyEntry, LiaisonWay, PublicityLevel, Quota
from taizhang.duty.selectors import (
    expense_summary,
    liaison_summary,
    publicity_by_level,
    township_duty_records,
)
from taizhang.figures.registry import fact, register

LEVEL_KEYS = {
    PublicityLevel.NATIONAL: "national",
    PublicityLevel.PROVINCE: "province",
    PublicityLevel.CITY: "city",
    PublicityLevel.COUNTY: "county",
}
WAY_KEYS = {
    LiaisonWay.PRESIDIUM: "presidium",
    LiaisonWay.GROUP_LEADER: "group_leader",
    LiaisonWay.ACTIVITY: "activity",
    LiaisonWay.PHONE: "phone",
    LiaisonWay.HOME_VISIT: "home_visit",
    LiaisonWay.HARDSHIP: "hardship",
}
TYPE_KEYS = {
    "小组会议": "group_meeting",
    "心得体会": "reflection",
    "帮扶": "help",
    "小组活动": "group_activity",
    "建议": "suggestion",
    "走访选民": "voter_visit",
    "其他": "other",
}
DEPUTY, ENTRY = "people.Deputy", "duty.DutyEntry"


def _number(value):
    return int(value) if value == int(value) else float(value)


def _duty_facts(township, year: int) -> list:
    records = township_duty_records(township, year)
    quotas = Quota.objects.filter(township=township, year=year).values_list("pk", flat=True)
    out = [fact("duty.quotas", "履职要求项目", quotas, "项", model="duty.Quota")]
    if quotas:
        complete = [r.deputy.pk for r in records if r.complete]
        behind = [r.deputy.pk for r in records if not r.complete]
        out += [
            fact("duty.deputies_complete", "完成全部履职要求的代表", complete, "名", model=DEPUTY,
                 keywords=("完成履职要求",)),
            fact("duty.deputies_behind", "未完成履职要求的代表", behind, "名", model=DEPUTY),
        ]  # fmt: skip
    entries = DutyEntry.objects.filter(township=township, date__year=year)
    sums = dict(entries.values_list("type").annotate(s=Sum("quantity")))
    for kind, total in sorted(sums.items()):
        ids = entries.filter(type=kind).values_list("pk", flat=True)
        out.append(fact(f"duty.entries.{TYPE_KEYS.get(kind, kind)}", f"代表{kind}", ids,
                        "次", model=ENTRY, value=total, keywords=(kind,)))  # fmt: skip
    return out


def _liaison_facts(township, year: int) -> list:
    summary = liaison_summary(township=township, year=year)
    model = "duty.LiaisonContact"
    out = [
        fact("duty.liaison.total", "联系代表", summary["total"], "次", model=model,
             keywords=("联系代表",)),
        fact("duty.liaison.contacted", "联系到的代表", summary["contacted"], "名", model=DEPUTY),
        fact("duty.liaison.uncontacted", "全年未联系的代表",
             [d.pk for d in summary["uncontacted"]], "名", model=DEPUTY),
    ]  # fmt: skip
    for way, ids in summary["by_way"].items():
        out.append(fact(f"duty.liaison.{WAY_KEYS.get(way, way)}", way, ids, "次", model=model,
                        keywords=(way,)))  # fmt: skip
    return out


def _publicity_facts(township, year: int) -> list:
    levels = publicity_by_level(township=township, year=year)
    model = "duty.PublicityPiece"
    all_ids = [pk for ids in levels.values() for pk in ids]
    out = [fact("duty.publicity.pieces", "人大工作信息", all_ids, "篇", model=model,
                keywords=("信息",))]  # fmt: skip
    for level, key in LEVEL_KEYS.items():
        if levels.get(level):
            out.append(fact(f"duty.publicity.{key}", f"{level}级采用", levels[level], "篇",
                            model=model, keywords=(f"{level}级",)))  # fmt: skip
    return out


def _budget_facts(township, year: int) -> list:
    summary = expense_summary(township=township, year=year)
    return [
        fact("duty.budget.spent", "人大工作经费支出", summary["ids"], "元", model="duty.Expense",
             value=_number(summary["total"]), keywords=("经费",)),
    ]  # fmt: skip


@register("duty")
def duty_figures(township, year: int) -> list:
    """Duty quotas met, entries, liaison, publicity and spending of one township's year."""
    return (
        _duty_facts(township, year)
        + _liaison_facts(township, year)
        + _publicity_facts(township, year)
        + _budget_facts(township, year)
    )
