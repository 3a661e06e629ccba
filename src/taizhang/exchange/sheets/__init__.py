"""The sheets of LEDGER_FORMAT v1, in import order (a sheet may name rows of earlier ones)."""

from __future__ import annotations

from taizhang.exchange.sheets.cases import CaseSheet
from taizhang.exchange.sheets.congress import (
    ActivitySheet,
    AgendaSheet,
    AttendanceSheet,
    MeetingSheet,
    RatingSheet,
)
from taizhang.exchange.sheets.duty import DutyEntrySheet, ExpenseSheet, PublicitySheet, QuotaSheet
from taizhang.exchange.sheets.ledger import IndicatorSheet, ProjectSheet, WorkEntrySheet
from taizhang.exchange.sheets.people import DeputySheet, OrgUnitSheet, PersonSheet, PostSheet

# LEDGER_FORMAT order, which is also a valid dependency order for import.
SHEETS = [
    OrgUnitSheet(), PersonSheet(), DeputySheet(), PostSheet(), MeetingSheet(),
    AttendanceSheet(), AgendaSheet(), ActivitySheet(), RatingSheet(), CaseSheet(),
    DutyEntrySheet(), QuotaSheet(), WorkEntrySheet(), IndicatorSheet(), ProjectSheet(),
    PublicitySheet(), ExpenseSheet(),
]  # fmt: skip
