"""Facts of the presidium's annual summary and report, from meetings, cases and duty."""

from __future__ import annotations

import re
from datetime import date

from django.db.models import Q, Sum

from taizhang.cases.models import CLOSED_STATES, Case, CaseKind, Tier
from taizhang.documents.facts import add_texts
from taizhang.documents.facts.activities import activity_facts
from taizhang.documents.facts.common import put as _put
from taizhang.duty.models import Expense, LiaisonContact, PublicityPiece
from taizhang.meetings.models import (
    ActivityKind,
    AgendaItem,
    Meeting,
    MeetingKind,
)
from taizhang.meetings.selectors import attendance_summary, expected_deputies
from taizhang.people.models import Deputy, DeputyLevel
from taizhang.writer.facts import Facts

VERB = re.compile(r"^(听取和审议|听取并审议|审议|听取|表决)")
GROUP_KINDS = (ActivityKind.TRAINING,)
INSPECTION_KINDS = (ActivityKind.INSPECTION, ActivityKind.LAW_CHECK, ActivityKind.RESEARCH)
LEVEL_KEYS = {"国家": "national", "省": "province", "市": "city", "县": "county"}


def _plan(f: Facts, township, year: int) -> None:
    s = f.section("plan")
    meetings = Meeting.objects.filter(
        township=township, date__year=year, kind=MeetingKind.PRESIDIUM
    )
    _put(
        s,
        "presidium_meetings",
        "主席团会议",
        meetings.values_list("id", flat=True),
        "次",
        "meetings.Meeting",
        keywords=("主席团会议",),
    )
    spending = Expense.objects.filter(township=township, date__year=year)
    total = spending.aggregate(t=Sum("amount"))["t"]
    if total:
        _put(
            s,
            "budget_spent",
            "人大工作经费",
            spending.values_list("id", flat=True),
            "元",
            "duty.Expense",
            value=total,
            keywords=("经费", "支出"),
        )
        top = (
            spending.values("purpose")
            .annotate(t=Sum("amount"))
            .order_by("-t")
            .values_list("purpose", flat=True)[:3]
        )
        s.texts["purposes"] = list(top)


def _session(f: Facts, township, year: int) -> None:
    session = (
        Meeting.objects.filter(township=township, date__year=year, kind=MeetingKind.CONGRESS)
        .order_by("date")
        .first()
    )
    s = f.section("session")
    if session is not None:
        summary = attendance_summary(session)
        expected_ids = list(expected_deputies(session).values_list("id", flat=True))
        present_ids = list(
            session.attendances.filter(status="出席", deputy_id__in=expected_ids).values_list(
                "id", flat=True
            )
        )
        name = (
            session.name
            if "会议" in session.name
            else (f"{session.term}人民代表大会{session.session}会议")
        )
        # The writer names the township itself; a stored name may already start with it.
        s.attributes["session_name"] = name.removeprefix(township.name)
        s.attributes["session_date"] = session.date.isoformat()
        _put(
            s,
            "expected",
            "应到代表",
            expected_ids,
            "名",
            "people.Deputy",
            value=summary.expected,
            keywords=("应到", "应出席"),
        )
        _put(
            s,
            "present",
            "实到代表",
            present_ids,
            "名",
            "meetings.Attendance",
            value=summary.present,
            keywords=("实到", "实际出席", "出席"),
        )
        reports = AgendaItem.objects.filter(meeting=session, kind="报告", outcome="通过")
        _put(
            s,
            "reports_approved",
            "审议通过报告",
            reports.values_list("id", flat=True),
            "项",
            "meetings.AgendaItem",
            keywords=("报告",),
        )
        # Agenda titles are often verbs ("审议政府工作报告"); the writer supplies the verb.
        titles = reports.order_by("seq").values_list("title", flat=True)
        s.texts["reports"] = [VERB.sub("", t) for t in titles]
    assignment = (
        Meeting.objects.filter(township=township, date__year=year, kind=MeetingKind.ASSIGNMENT)
        .order_by("date")
        .first()
    )
    if assignment is not None:
        s.attributes["assignment_meeting_date"] = assignment.date.isoformat()
    motions = Case.objects.filter(township=township, registered__year=year).filter(
        Q(kind=CaseKind.MOTION) | Q(converted_from_motion=True)
    )
    rows = list(motions.values_list("id", "kind", "state", "satisfaction"))
    _put(
        s,
        "motions_received",
        "收到议案",
        [r[0] for r in rows],
        "件",
        "cases.Case",
        keywords=("议案",),
    )
    _put(
        s,
        "motions_registered",
        "立案",
        [r[0] for r in rows if r[1] == CaseKind.MOTION and r[2] != "已登记"],
        "件",
        "cases.Case",
        keywords=("立案",),
    )
    _put(
        s,
        "motions_converted",
        "作为建议处理",
        [r[0] for r in rows if r[1] == CaseKind.SUGGESTION],
        "件",
        "cases.Case",
        keywords=("建议",),
    )
    _put(
        s,
        "motions_closed",
        "办结",
        [r[0] for r in rows if r[2] in CLOSED_STATES],
        "件",
        "cases.Case",
        keywords=("办结",),
    )
    _put(
        s,
        "motions_satisfied",
        "代表满意",
        [r[0] for r in rows if r[3] in ("满意", "基本满意")],
        "件",
        "cases.Case",
        keywords=("满意",),
    )


def _petitions(f: Facts, township, year: int) -> None:
    s = f.section("petitions")
    day = min(date(year, 12, 31), date.today())
    officers = Deputy.objects.filter(
        township=township, level=DeputyLevel.TOWNSHIP, is_info_officer=True
    ).in_office_on(day)
    _put(
        s,
        "officers",
        "信访信息员",
        officers.values_list("id", flat=True),
        "名",
        "people.Deputy",
        keywords=("信访信息员", "信息员"),
    )
    rows = list(
        Case.objects.filter(
            township=township, kind=CaseKind.PETITION, registered__year=year
        ).values_list("id", "tier", "state", "closed", "due", "title")
    )
    done = [r for r in rows if r[2] in CLOSED_STATES and r[2] != "不予受理"]
    _put(s, "received", "受理信访", [r[0] for r in rows], "件", "cases.Case", keywords=("信访",))
    _put(
        s,
        "received_village",
        "村级受理",
        [r[0] for r in rows if r[1] == Tier.VILLAGE],
        "件",
        "cases.Case",
        keywords=("村级",),
    )
    _put(
        s,
        "received_township",
        "乡镇受理",
        [r[0] for r in rows if r[1] == Tier.TOWNSHIP],
        "件",
        "cases.Case",
        keywords=("乡级", "乡镇"),
    )
    _put(
        s,
        "settled_in_village",
        "在村化解",
        [r[0] for r in done if r[1] == Tier.VILLAGE],
        "件",
        "cases.Case",
        keywords=("在村", "化解"),
    )
    _put(
        s,
        "closed_on_time",
        "按期办结",
        [r[0] for r in done if r[3] and r[4] and r[3] <= r[4]],
        "件",
        "cases.Case",
        keywords=("按期",),
    )
    mediated = [r for r in done if "宅基地" in r[5] or "调处" in r[5]] or done
    if mediated:
        s.texts["typical_case"] = [f"{mediated[0][5]}，经调处已办结"]


def _publicity_and_liaison(f: Facts, township, year: int) -> None:
    s = f.section("publicity")
    rows = list(
        PublicityPiece.objects.filter(township=township, date__year=year).values_list("id", "level")
    )
    _put(
        s,
        "pieces",
        "信息宣传稿件",
        [r[0] for r in rows],
        "篇",
        "duty.PublicityPiece",
        keywords=("信息", "稿件"),
    )
    for level, key in LEVEL_KEYS.items():
        _put(
            s,
            key,
            f"{level}级采用",
            [r[0] for r in rows if r[1] == level],
            "篇",
            "duty.PublicityPiece",
            keywords=(f"{level}级",),
        )
    liaison = f.section("liaison")
    by_way: dict[str, list[int]] = {}
    for pk, way in (
        LiaisonContact.objects.filter(township=township, date__year=year)
        .order_by("id")
        .values_list("id", "way")
    ):
        by_way.setdefault(way, []).append(pk)
    for way, ids in sorted(by_way.items(), key=lambda item: -len(item[1])):
        _put(
            liaison,
            f"way_{way}",
            f"以{way}方式联系代表",
            ids,
            "次",
            "duty.LiaisonContact",
            keywords=(way,),
        )


def presidium_facts(township, year: int, inputs: dict) -> Facts:
    f = Facts(kind="presidium", subject=township.name, year=year)
    f.attributes.update(township=township.name, document_date=f"{year}-12-28")
    _plan(f, township, year)
    _session(f, township, year)
    activity_facts(f, township, year)
    _petitions(f, township, year)
    _publicity_and_liaison(f, township, year)
    add_texts(f, inputs)
    return f
