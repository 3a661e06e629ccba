"""Sheets 工作记录, 指标, 项目."""

from __future__ import annotations

from taizhang.exchange import cells
from taizhang.exchange.sheets.base import Col, RowError, SheetSpec
from taizhang.exchange.sheets.people import person_of, scoped

KINDS = ("招商引资", "基础设施", "产业", "民生", "其他")
STATUSES = ("洽谈", "签约", "在建", "投产", "竣工", "终止")


class WorkEntrySheet(SheetSpec):
    name = "工作记录"
    permission = "ledger.edit"
    permission_text = "登记工作记录"
    model_label = "ledger.WorkEntry"
    columns = [
        Col("姓名", True, example="王小明"),
        Col("所在单位", example="示例乡"),
        Col("日期", True, "pastdate", example="2025-03-12"),
        Col("分管工作", max_length=50, example="招商引资"),
        Col("事项", True, example="赴外地招商推介"),
        Col("内容", max_length=5000, example="洽谈项目3个"),
    ]
    key = ("person_id", "date", "matter")
    fields = ("portfolio", "content")
    sources = {"portfolio": "分管工作", "content": "内容"}
    key_text = "人员+日期+事项"

    def build(self, ctx, row, number):
        return {"person_id": person_of(ctx, row), "date": row["日期"], "matter": row["事项"],
                "portfolio": row["分管工作"], "content": row["内容"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.ledger.models import WorkEntry

        qs = scoped(ctx, WorkEntry.objects.all())
        if ctx.township is not None:
            qs = qs.filter(person__township=ctx.township)
        if ctx.year:
            qs = qs.filter(date__year=ctx.year)
        for pk, day, portfolio, matter, content in (
            qs.order_by("date", "pk")
            .values_list("person_id", "date", "portfolio", "matter", "content")
            .iterator(chunk_size=5000)
        ):
            name, unit = ctx.person_label(pk)
            yield [name, unit, day.isoformat(), portfolio, matter, content]


class IndicatorSheet(SheetSpec):
    name = "指标"
    permission = "ledger.edit"
    permission_text = "登记指标"
    model_label = "ledger.Indicator"
    columns = [
        Col("乡镇", True, example="示例乡"),
        Col("年度", True, "count", example=2025),
        Col("指标", True, max_length=100, example="新修村组道路"),
        Col("单位", max_length=20, example="公里"),
        Col("目标值", kind="decimal", example=60),
        Col("完成值", kind="decimal", example=63),
        Col("责任人", example="王小明"),
        Col("分管工作", max_length=50, example="交通道路"),
        Col("排名", kind="count", example=3),
        Col("排名变化", kind="int", example=23),
    ]
    key = ("township_id", "year", "name")
    fields = ("unit", "target", "actual", "responsible_id", "portfolio", "rank", "rank_change")
    sources = {"unit": "单位", "target": "目标值", "actual": "完成值", "responsible_id": "责任人",
               "portfolio": "分管工作", "rank": "排名", "rank_change": "排名变化"}  # fmt: skip
    key_text = "乡镇+年度+指标"

    def build(self, ctx, row, number):
        township = ctx.township_pk(row["乡镇"], "乡镇")
        if not 1990 <= row["年度"] <= 2100:
            raise RowError("年度", f"年度“{row['年度']}”超出合理范围")
        responsible = None
        if row["责任人"]:
            responsible = ctx.person(row["责任人"], column="责任人", township=township)
        if row["排名"] == 0:
            raise RowError("排名", "排名应从1开始")
        return {"township_id": township, "year": row["年度"], "name": row["指标"],
                "unit": row["单位"], "target": row["目标值"], "actual": row["完成值"],
                "responsible_id": responsible, "portfolio": row["分管工作"],
                "rank": row["排名"], "rank_change": row["排名变化"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.ledger.models import Indicator

        qs = scoped(ctx, Indicator.objects.all())
        if ctx.township is not None:
            qs = qs.filter(township=ctx.township)
        if ctx.year:
            qs = qs.filter(year=ctx.year)
        for i in qs.order_by("township_id", "year", "name").values_list(
            "township_id", "year", "name", "unit", "target", "actual", "responsible_id",
            "portfolio", "rank", "rank_change",
        ):  # fmt: skip
            yield [ctx.unit_text(i[0]), i[1], i[2], i[3], cells.fmt_decimal(i[4]),
                   cells.fmt_decimal(i[5]), ctx.person_label(i[6])[0] if i[6] else None,
                   i[7], i[8], i[9]]  # fmt: skip


class ProjectSheet(SheetSpec):
    name = "项目"
    permission = "ledger.edit"
    permission_text = "登记项目"
    model_label = "ledger.Project"
    columns = [
        Col("编号", True, max_length=40, example="XM2025-01"),
        Col("年度", True, "count", example=2025),
        Col("乡镇", True, example="示例乡"),
        Col("名称", True, example="大豆精深加工项目"),
        Col("类型", kind="enum", choices=KINDS, example="招商引资"),
        Col("责任人", example="王小明"),
        Col("意向资金(万元)", kind="money", example=3000),
        Col("到位资金(万元)", kind="money", example=1500),
        Col("占地面积(平方米)", kind="money", example=26000),
        Col("年产值(万元)", kind="money", example=8000),
        Col("年利税(万元)", kind="money", example=320),
        Col("状态", kind="enum", choices=STATUSES, example="在建"),
    ]
    key = ("code", "year")
    fields = ("township_id", "name", "kind", "responsible_id", "intended_funds",
              "arrived_funds", "area", "annual_output", "taxes", "status")  # fmt: skip
    sources = {"kind": "类型", "responsible_id": "责任人", "intended_funds": "意向资金(万元)",
               "arrived_funds": "到位资金(万元)", "area": "占地面积(平方米)",
               "annual_output": "年产值(万元)", "taxes": "年利税(万元)", "status": "状态"}  # fmt: skip
    key_text = "编号+年度"
    scope_field = ("township_id", "编号")

    def build(self, ctx, row, number):
        township = ctx.township_pk(row["乡镇"], "乡镇")
        responsible = None
        if row["责任人"]:
            responsible = ctx.person(row["责任人"], column="责任人", township=township)
        if not 1990 <= row["年度"] <= 2100:
            raise RowError("年度", f"年度“{row['年度']}”不合理，应为四位年份，如 2025")
        return {"code": row["编号"], "year": row["年度"], "township_id": township,
                "name": row["名称"],
                "kind": row["类型"] or "招商引资", "responsible_id": responsible,
                "intended_funds": row["意向资金(万元)"], "arrived_funds": row["到位资金(万元)"],
                "area": row["占地面积(平方米)"], "annual_output": row["年产值(万元)"],
                "taxes": row["年利税(万元)"], "status": row["状态"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.ledger.models import Project

        qs = scoped(ctx, Project.objects.all())
        if ctx.township is not None:
            qs = qs.filter(township=ctx.township)
        if ctx.year is not None:
            qs = qs.filter(year=ctx.year)
        for p in qs.order_by("year", "code").values_list(
            "code", "township_id", "name", "kind", "responsible_id", "intended_funds",
            "arrived_funds", "area", "annual_output", "taxes", "status", "year",
        ).iterator(chunk_size=5000):  # fmt: skip
            yield [p[0], p[11], ctx.unit_text(p[1]), p[2], p[3],
                   ctx.person_label(p[4])[0] if p[4] else None,
                   *(cells.fmt_decimal(v) for v in p[5:10]), p[10]]  # fmt: skip
