"""The sheets of LEDGER_FORMAT v1, in import order (a sheet may name rows of earlier ones)."""

from __future__ import annotations

from taizhang.exchange.sheets.ledger import IndicatorSheet, ProjectSheet, WorkEntrySheet
from taizhang.exchange.sheets.people import DeputySheet, OrgUnitSheet, PersonSheet, PostSheet

SHEETS = [
    OrgUnitSheet(),
    PersonSheet(),
    DeputySheet(),
    PostSheet(),
    WorkEntrySheet(),
    IndicatorSheet(),
    ProjectSheet(),
]
SHEET_NAMES = [
    "区划单位", "人员", "代表", "职务", "会议", "出席", "议程", "活动", "测评", "事项",
    "履职", "履职要求", "工作记录", "指标", "项目", "信息宣传", "经费",
]  # fmt: skip
BY_NAME = {spec.name: spec for spec in SHEETS}
