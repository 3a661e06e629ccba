"""Sheets 履职, 履职要求, 信息宣传, 经费."""

from __future__ import annotations

from taizhang.exchange import cells
from taizhang.exchange.sheets.base import Col, RowError, SheetSpec
from taizhang.exchange.sheets.congress import scoped
from taizhang.people.models import DeputyLevel

DUTY_TYPES = ("小组会议", "心得体会", "帮扶", "小组活动", "建议", "走访选民", "其他")


class DutyEntrySheet(SheetSpec):
    name = "履职"
    permission = "duty.edit"
    permission_text = "登记履职记录"
    model_label = "duty.DutyEntry"
    columns = [
        Col("姓名", True, example="王小明"),
        Col("所在单位", example="示例乡示例村"),
        Col("日期", True, "pastdate", example="2025-05-20"),
        Col("类型", True, "enum", DUTY_TYPES, example="走访选民"),
        Col("内容", max_length=500, example="走访选民5户"),
        Col("数量", kind="count", example=1),
    ]
    key = ("person_id", "date", "type", "content")
    fields = ("township_id", "quantity")
    sources = {"quantity": "数量"}
    key_text = "人员+日期+类型+内容"
    scope_field = ("township_id", "姓名")

    def build(self, ctx, row, number):
        person = ctx.person(row["姓名"], row["所在单位"])
        mandates = [r for r in ctx.deputies.get(person, ()) if r[2] == DeputyLevel.TOWNSHIP]
        mandates = mandates or list(ctx.deputies.get(person, ()))
        if not mandates:
            raise RowError("姓名", f"“{row['姓名']}”不是人大代表，不能登记履职")
        ctx.require_scope(mandates[-1][4], "姓名", f"“{row['姓名']}”任代表的乡镇")
        return {"person_id": person, "date": row["日期"], "type": row["类型"],
                "content": row["内容"], "township_id": mandates[-1][4],
                "quantity": 1 if row["数量"] is None else row["数量"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.duty.models import DutyEntry

        for person, day, kind, content, qty in (
            scoped(ctx, DutyEntry.objects.all())
            .order_by("date", "pk")
            .values_list("person_id", "date", "type", "content", "quantity")
            .iterator(chunk_size=5000)
        ):
            name, unit = ctx.person_label(person)
            yield [name, unit, day.isoformat(), kind, content, qty]


class QuotaSheet(SheetSpec):
    name = "履职要求"
    permission = "duty.edit"
    permission_text = "设置履职要求"
    model_label = "duty.Quota"
    columns = [
        Col("乡镇", True, example="示例乡"),
        Col("年度", True, "count", example=2025),
        Col("类型", True, "enum", DUTY_TYPES, example="小组会议"),
        Col("要求数量", True, "count", example=4),
        Col("周期", True, "enum", ("年", "季度"), example="年"),
    ]
    key = ("township_id", "year", "type")
    fields = ("required", "period")
    key_text = "乡镇+年度+类型"

    def build(self, ctx, row, number):
        if not 1990 <= row["年度"] <= 2100:
            raise RowError("年度", f"年度“{row['年度']}”超出合理范围")
        return {"township_id": ctx.township_pk(row["乡镇"], "乡镇"), "year": row["年度"],
                "type": row["类型"], "required": row["要求数量"], "period": row["周期"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.duty.models import Quota

        qs = Quota.objects.for_user(ctx.user) if ctx.user else Quota.objects.all()
        if ctx.township is not None:
            qs = qs.filter(township=ctx.township)
        if ctx.year:
            qs = qs.filter(year=ctx.year)
        for t, y, k, r, p in qs.order_by("township_id", "year", "type").values_list(
            "township_id", "year", "type", "required", "period"
        ):
            yield [ctx.unit_text(t), y, k, r, p]


class PublicitySheet(SheetSpec):
    name = "信息宣传"
    permission = "duty.edit"
    permission_text = "登记信息宣传"
    model_label = "duty.PublicityPiece"
    columns = [
        Col("乡镇", True, example="示例乡"),
        Col("日期", True, "pastdate", example="2025-03-08"),
        Col("标题", True, example="示例乡人大开展代表集中视察"),
        Col("作者", max_length=50, example="李小红"),
        Col("采用层级", kind="enum", choices=("国家", "省", "市", "县"), example="县"),
        Col("媒体", max_length=100, example="县人大网站"),
    ]
    key = ("township_id", "date", "title")
    fields = ("author", "level", "outlet")
    sources = {"author": "作者", "level": "采用层级", "outlet": "媒体"}
    key_text = "乡镇+日期+标题"

    def build(self, ctx, row, number):
        return {"township_id": ctx.township_pk(row["乡镇"], "乡镇"), "date": row["日期"],
                "title": row["标题"], "author": row["作者"], "level": row["采用层级"],
                "outlet": row["媒体"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.duty.models import PublicityPiece

        for t, d, title, a, lvl, o in (
            scoped(ctx, PublicityPiece.objects.all())
            .order_by("date", "pk")
            .values_list("township_id", "date", "title", "author", "level", "outlet")
        ):
            yield [ctx.unit_text(t), d.isoformat(), title, a, lvl, o]


class ExpenseSheet(SheetSpec):
    name = "经费"
    permission = "duty.edit"
    permission_text = "登记经费"
    model_label = "duty.Expense"
    columns = [
        Col("乡镇", True, example="示例乡"),
        Col("日期", True, "pastdate", example="2025-04-20"),
        Col("用途", True, example="人代会会务"),
        Col("金额(元)", True, "money", example=3200),
    ]
    key = ("township_id", "date", "purpose", "amount")
    fields = ()
    key_text = "乡镇+日期+用途+金额"

    def build(self, ctx, row, number):
        return {"township_id": ctx.township_pk(row["乡镇"], "乡镇"), "date": row["日期"],
                "purpose": row["用途"], "amount": row["金额(元)"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.duty.models import Expense

        for t, d, p, a in (
            scoped(ctx, Expense.objects.all())
            .order_by("date", "pk")
            .values_list("township_id", "date", "purpose", "amount")
        ):
            yield [ctx.unit_text(t), d.isoformat(), p, cells.fmt_decimal(a)]
