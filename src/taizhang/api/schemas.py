"""Response and request shapes of the API (the OpenAPI document is built from them)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Schema


class Error(Schema):
    detail: str
    errors: list[dict] | None = None


class Ref(Schema):
    id: int
    name: str


class FigureOut(Schema):
    key: str
    label: str
    value: int | float | str | None
    unit: str
    sources: list[str]


class FiguresOut(Schema):
    township: Ref
    year: int
    figures: list[FigureOut]


class CaseItem(Schema):
    id: int
    code: str
    kind: str
    state: str
    title: str
    township_id: int
    handling_unit: Ref | None
    village_id: int | None
    registered: date
    due: date | None
    closed: date | None
    colour: str
    colour_label: str


class CasePage(Schema):
    items: list[CaseItem]
    offset: int
    limit: int
    next_offset: int | None
    search_since: date | None


class Sponsor(Schema):
    person_id: int
    name: str
    is_lead: bool


class Petitioner(Schema):
    name: str
    phone: str
    id_number: str
    address: str


class CaseDetail(CaseItem):
    content: str
    channel: str
    tier: str
    township: Ref
    village: Ref | None
    accepted: date | None
    assigned: date | None
    signed: date | None
    answered: date | None
    extension_due: date | None
    answer_text: str
    satisfaction: str
    amount: Decimal | None
    sponsors: list[Sponsor]
    petitioner: Petitioner | None


class EventOut(Schema):
    id: int
    action: str
    from_state: str
    to_state: str
    on: date
    at: datetime
    actor_name: str
    note: str


class PersonOut(Schema):
    id: int
    name: str
    gender: str
    unit: Ref
    phone: str
    id_number: str
    address: str


class DeputyOut(Schema):
    id: int
    person: PersonOut
    level: str
    term: str
    township: Ref
    district: str
    group: str
    start: date | None
    end: date | None
    is_info_officer: bool


class DeputyPage(Schema):
    items: list[DeputyOut]
    offset: int
    limit: int
    next_offset: int | None


class QuotaLineOut(Schema):
    type: str
    period: str
    per_period: int
    required: int
    done: int
    behind: bool


class DutyEntryOut(Schema):
    id: int
    date: date
    type: str
    content: str
    quantity: int


class DutyRecordOut(Schema):
    deputy_id: int
    year: int
    meetings_expected: int
    meetings_attended: int
    attendance_rate: float | None
    activities: int
    motions: int
    suggestions: int
    completion: float | None
    complete: bool
    lines: list[QuotaLineOut]
    entries: list[DutyEntryOut]


class MeetingItem(Schema):
    id: int
    code: str
    kind: str
    name: str
    title: str
    date: date
    township: Ref
    place: str


class RollRowOut(Schema):
    deputy_id: int
    name: str
    group: str
    status: str
    checked_in_at: datetime | None


class AttendanceOut(Schema):
    expected: int
    present: int
    leave: int
    absent: int
    unmarked: int
    rate: float | None
    quorum: bool


class MeetingDetail(MeetingItem):
    summary: AttendanceOut
    roll: list[RollRowOut]


class DocumentOut(Schema):
    id: int
    kind: str
    kind_label: str
    variant: str
    title: str
    year: int
    status: str
    township: Ref
    person: Ref | None
    updated_at: datetime
