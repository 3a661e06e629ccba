"""Name a figure's source records by kind when no database is at hand to read their titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

# Record kinds as a reader names them (model label of the reference -> Chinese noun).
KIND_NAMES = {
    "cases.Case": "事项",
    "cases.CaseSponsor": "提出人",
    "people.Deputy": "代表",
    "people.Person": "人员",
    "people.CadrePost": "职务",
    "meetings.Meeting": "会议",
    "meetings.Attendance": "出席记录",
    "meetings.AgendaItem": "会议议程",
    "meetings.Activity": "活动",
    "meetings.Participant": "活动参加记录",
    "meetings.Rating": "测评记录",
    "ledger.Project": "项目",
    "ledger.Indicator": "指标",
    "ledger.WorkEntry": "工作记录",
    "duty.DutyRecord": "履职记录",
}


def kinds_counted(refs: Sequence[str]) -> str:
    """Return e.g. "事项3条、代表2条" for references like ``cases.Case:6`` (never the ids)."""
    if not refs:
        return "无来源记录"
    kinds = Counter(KIND_NAMES.get(ref.partition(":")[0], "记录") for ref in refs)
    return "、".join(f"{kind}{n}条" for kind, n in kinds.items())
