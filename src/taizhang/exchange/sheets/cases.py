"""Sheet 事项: motions, suggestions, petitions and the other cases, with their dates."""

from __future__ import annotations

from django.utils import timezone

from taizhang.cases.models import CaseKind, CaseState
from taizhang.exchange.sheets.base import Col, RowError, SheetSpec
from taizhang.exchange.sheets.congress import scoped
from taizhang.exchange.sheets.related import replace_links

CASE_KINDS = ("议案", "建议", "信访", "评议意见", "视察意见", "述职意见", "救助")
DATES = [("登记日期", "registered"), ("交办日期", "assigned"), ("签收日期", "signed"),
         ("答复日期", "answered"), ("办结日期", "closed")]  # fmt: skip
# States that need a closing date in the sheet (a rated case was closed before its rating).
CLOSED_STATES = {CaseState.CLOSED, CaseState.FOLLOWED_UP, CaseState.RATED, CaseState.ARCHIVED}
MIN_MOTION_SPONSORS = 5


def _state_from_dates(row) -> str:
    if row["办结日期"]:
        return "已办结"
    if row["答复日期"]:
        return "已答复"
    if row["签收日期"]:
        return "办理中"
    if row["交办日期"]:
        return "已交办"
    return "已登记"


def _state_problem(state: str, row) -> str | None:
    """Say how ``状态`` contradicts the dates, or None."""
    if state in CLOSED_STATES and not row["办结日期"]:
        return f"状态为“{state}”，但未填写办结日期"
    if row["办结日期"] and state not in CLOSED_STATES | {CaseState.REJECTED}:
        return f"已填写办结日期，状态却为“{state}”"
    if state in (CaseState.ANSWERED, CaseState.FED_BACK) and not row["答复日期"]:
        return f"状态为“{state}”，但未填写答复日期"
    if state in (CaseState.ASSIGNED, CaseState.HANDLING) and not row["交办日期"]:
        return f"状态为“{state}”，但未填写交办日期"
    if state == CaseState.REGISTERED and any(row[h] for h, _ in DATES[1:]):
        return "状态为“已登记”，但已填写交办、签收、答复或办结日期"
    return None


def _due(row, state: str):
    """The deadline the case would carry had it been registered and moved on by hand."""
    from taizhang.cases.services import due_from_dates

    accepted = None
    if row["类型"] == CaseKind.PETITION and state not in (CaseState.REGISTERED, CaseState.REJECTED):
        # The sheet has no 受理 date: a petition is accepted no later than it is assigned.
        accepted = row["交办日期"] or row["登记日期"]
    return due_from_dates(kind=row["类型"], registered=row["登记日期"], accepted=accepted,
                          assigned=row["交办日期"])  # fmt: skip


class CaseSheet(SheetSpec):
    name = "事项"
    permission = "cases.register"
    permission_text = "登记事项"
    model_label = "cases.Case"
    columns = [
        Col("编号", True, max_length=32, example="YA2025-01"),
        Col("乡镇", True, example="示例乡"),
        Col("类型", True, "enum", CASE_KINDS, example="建议"),
        Col("标题", True, example="关于修缮村组道路的建议"),
        Col("内容", max_length=10000, example="建议修缮示例村至示例组道路"),
        Col("来源编号", example="HY2025-01"),
        Col("提出人", kind="list", example="王小明"),
        Col("渠道", kind="enum", choices=("会议", "活动", "来信", "来访", "电话", "网上"),
            example="会议"),
        Col("登记日期", True, "pastdate", example="2025-04-21"),
        Col("层级", kind="enum", choices=("村", "乡镇"), example="乡镇"),
        Col("承办单位", example="示例乡党政办"),
        Col("交办日期", kind="pastdate", example="2025-04-25"),
        Col("签收日期", kind="pastdate", example="2025-04-26"),
        Col("答复日期", kind="pastdate"),
        Col("办结日期", kind="pastdate"),
        Col("满意度", kind="enum", choices=("满意", "基本满意", "不满意")),
        Col("状态", kind="enum", choices=(
            "已登记", "已立案", "已受理", "不予受理", "已交办", "已退回", "办理中", "调查中",
            "整改中", "已答复", "已反馈", "待重办", "已评价", "已办结", "已回访", "已申请",
            "已核实", "已上报", "已审批", "已发放", "已建档"), example="已交办"),
    ]  # fmt: skip
    key = ("township_id", "code")
    fields = ("county_id", "kind", "title", "content", "source_type", "source_id", "channel",
              "registered", "tier", "handling_unit_id", "assigned", "signed", "answered",
              "closed", "satisfaction", "state", "due", "petitioner_name")  # fmt: skip
    sources = {"content": "内容", "channel": "渠道", "tier": "层级", "handling_unit_id": "承办单位",
               "assigned": "交办日期", "signed": "签收日期", "answered": "答复日期",
               "closed": "办结日期", "satisfaction": "满意度",
               "petitioner_name": "提出人"}  # fmt: skip
    key_text = "乡镇+编号"

    def build(self, ctx, row, number):
        township = ctx.township_pk(row["乡镇"], "乡镇")
        last = None
        for header, _ in DATES:
            if row[header]:
                if last and row[header] < last[1]:
                    raise RowError(header, f"{header}早于{last[0]}（应为登记≤交办≤签收≤答复≤办结）")
                last = (header, row[header])
        state = row["状态"] or _state_from_dates(row)
        problem = _state_problem(state, row)
        if problem:
            raise RowError("状态", problem)
        source_type, source_id = "", None
        if row["来源编号"]:
            try:
                source_id = ctx.meeting(row["来源编号"], "来源编号")[1]
                source_type = "meetings.Meeting"
            except RowError:
                source_id = ctx.activity(row["来源编号"], "来源编号")[1]
                source_type = "meetings.Activity"
        sponsors, petitioner = self._sponsors(ctx, row, township)
        unit = ctx.unit(row["承办单位"], "承办单位", within=township) if row["承办单位"] else None
        county = ctx.units["rows"][township][5]
        values = {"township_id": township, "code": row["编号"], "county_id": county,
                  "kind": row["类型"], "title": row["标题"], "content": row["内容"],
                  "source_type": source_type, "source_id": source_id, "channel": row["渠道"],
                  "tier": row["层级"], "handling_unit_id": unit, "satisfaction": row["满意度"],
                  "state": state, "_related": sponsors, "petitioner_name": petitioner,
                  "due": _due(row, state),
                  # set on creation only (not in ``fields``): a cadre then sees the case
                  "registered_by_id": getattr(ctx.user, "pk", None)}  # fmt: skip
        for header, attr in DATES:
            values[attr] = row[header]
        return values

    def write_problem(self, ctx, values, *, created):
        """Register only the kinds the forms allow; a later state or a change is 补录."""
        if ctx.user is None:
            return None
        from taizhang.cases.workflow import GRAPHS, register_kinds

        if values["kind"] not in register_kinds(ctx.user):
            return f"您的角色不能登记“{values['kind']}”，也不能通过导入写入"
        later = values["state"] != GRAPHS[values["kind"]].initial
        if (later or not created) and not ctx.may("cases.history"):
            return "导入已办理的事项或修改已有事项属于补录办理过程，须由人大主席团导入"
        return None

    def _sponsors(self, ctx, row, township) -> tuple[list | None, str]:
        """Return the sponsors (person, is_lead) and, for a 信访, the petitioner's name."""
        names = row["提出人"]
        if not names:
            if row["类型"] == CaseKind.MOTION:
                raise RowError("提出人", "议案须由至少5名本乡镇在任代表联名提出")
            return (None if "提出人" not in row else []), ""
        only = {p for p, rows in ctx.deputies.items() if any(r[4] == township for r in rows)}
        petitioners = []
        if row["类型"] == CaseKind.PETITION:
            # A petition comes from anyone: a name that is not one of the township's deputies
            # (who pass petitions on as information officers) is the petitioner, as on the form.
            by_name = ctx.people["by_name"]
            petitioners = [n for n in names
                           if not any(c[0] in only for c in by_name.get(n, []))]  # fmt: skip
            names = [n for n in names if n not in petitioners]
        petitioner = "、".join(petitioners)
        if len(petitioner) > 50:
            raise RowError("提出人", "信访人姓名合计超过50字，请只填写主要信访人")
        people = [ctx.person(n, column="提出人", township=township, only=only) for n in names]
        if row["类型"] == CaseKind.MOTION:
            day = row["登记日期"]
            outside = [n for n, p in zip(names, people, strict=True)
                       if ctx.deputy_on(p, township, day) is None]  # fmt: skip
            valid = len(set(people)) - len(outside)
            if valid < MIN_MOTION_SPONSORS:
                extra = f"（{'、'.join(outside)}不是在任乡镇代表）" if outside else ""
                raise RowError(
                    "提出人", f"议案须由至少5名本乡镇在任代表联名提出，本行只有{valid}名{extra}"
                )
        return [(p, i == 0) for i, p in enumerate(dict.fromkeys(people))], petitioner

    def summary_notes(self, planned) -> list[str]:
        computed = sum(1 for _, _, values, _ in planned if values.get("due"))
        return [f"按工作日历计算办理期限 {computed} 件（规则与系统内登记、交办时相同）"]

    def after_write(self, ctx, planned, pks):
        from taizhang.cases.models import CaseSponsor

        return replace_links(CaseSponsor, "case_id", "person_id", planned, pks,
                             extra=lambda i, item: {"is_lead": item[1]})  # fmt: skip

    def record(self, ctx, planned, pks, *, created, before):
        """One timeline event per case whose state the import set: who, when, from, to.

        The import is the bulk path (case_register per row would run its queries and
        audit for each of up to 100,000 rows); this event explains the imported state.
        """
        from taizhang.cases.models import CaseEvent
        from taizhang.cases.numbering import case_numbers_advance

        # Imported numbers move their sequence forward, so registration never collides.
        case_numbers_advance((v["township_id"], v["kind"], v["code"]) for _, _, v, _ in planned)
        state_at = self.fields.index("state")
        user = ctx.user if getattr(ctx.user, "pk", None) else None
        actor_name = user.display_name if user else "命令行导入"
        now, today = timezone.now(), timezone.localdate()
        events = []
        for _number, key, values, _ in planned:
            if key in created:
                old = ""
            elif key in before and before[key][state_at] != values["state"]:
                old = before[key][state_at]
            else:
                continue
            events.append(CaseEvent(case_id=pks[key], action="导入", from_state=old,
                                    to_state=values["state"], on=today, at=now, actor=user,
                                    actor_name=actor_name, note="工作簿导入"))  # fmt: skip
        CaseEvent.objects.bulk_create(events, batch_size=2000)

    def export_rows(self, ctx):
        from taizhang.cases.models import Case, CaseSponsor

        qs = scoped(ctx, Case.objects.all(), year="registered")
        codes = {}
        for model, field in (("meetings.Meeting", "code"), ("meetings.Activity", "code")):
            from django.apps import apps

            codes[model] = dict(apps.get_model(model).objects.values_list("pk", field))
        sponsors = {}
        for case, person in (
            CaseSponsor.objects.filter(case__in=qs)
            .order_by("-is_lead", "pk")
            .values_list("case_id", "person_id")
        ):
            sponsors.setdefault(case, []).append(ctx.person_label(person)[0])
        for c in qs.order_by("registered", "code"):
            source = codes.get(c.source_type, {}).get(c.source_id) if c.source_id else None
            yield [c.code, ctx.unit_text(c.township_id), c.kind, c.title, c.content, source,
                   "、".join(sponsors.get(c.pk, [])), c.channel, c.registered.isoformat(),
                   c.tier, ctx.unit_text(c.handling_unit_id),
                   *(getattr(c, a).isoformat() if getattr(c, a) else None for _, a in DATES[1:]),
                   c.satisfaction, c.state]  # fmt: skip
