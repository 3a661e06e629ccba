"""Sheets 区划单位, 人员, 代表, 职务."""

from __future__ import annotations

import re

from taizhang.exchange import cells
from taizhang.exchange.context import KIND_TEXT, TEXT_KIND
from taizhang.exchange.sheets.base import KEEP, Col, RowError, SheetSpec
from taizhang.people.validators import (
    PHONE_RE,
    id_number_problem,
    mask_address,
    mask_id,
    mask_phone,
)

TERM_RE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+届$")


def scoped(ctx, qs):
    return qs.for_user(ctx.user) if ctx.user is not None else qs


class OrgUnitSheet(SheetSpec):
    name = "区划单位"
    permission = "org.edit"
    permission_text = "新增或修改区划单位"
    model_label = "core.OrgUnit"
    columns = [
        Col("名称", True, example="示例村"),
        Col("类型", True, "enum", tuple(KIND_TEXT.values()), example="村"),
        Col("上级", True, example="示例乡", blank_ok=True),
        Col("编码", max_length=32, example=""),
    ]
    key_text = "上级+名称"
    sequential = True

    def apply_row(self, ctx, row, number) -> str:
        """Create or update one unit at once, so later rows can name it as 上级."""
        from django.core.exceptions import ValidationError

        from taizhang.core.models import OrgUnit
        from taizhang.core.services import org_unit_create

        kind = TEXT_KIND[row["类型"]]
        parent = None
        if kind == "county" and ctx.scope is not None:
            raise RowError("类型", "只有系统管理员或命令行导入可以登记县级单位")
        if kind != "county":
            if row["上级"] in ("", "无"):
                raise RowError("上级", "除县以外的单位必须填写上级")
            parent_pk = ctx.unit(row["上级"], "上级")
            ctx.require_scope(parent_pk, "上级")
            parent = OrgUnit.objects.get(pk=parent_pk)
        unit = OrgUnit.objects.filter(parent=parent, name=row["名称"]).first()
        changes = unit is None or ("编码" in row and unit.code != row["编码"])
        if changes and not ctx.may(self.permission):
            raise RowError("名称", "您的角色不能通过表单新增或修改区划单位，也不能通过导入写入")
        if unit is None:
            try:
                org_unit_create(name=row["名称"], kind=kind, parent=parent, code=row["编码"])
            except ValidationError as exc:
                raise RowError("上级", "；".join(exc.messages)) from None
            ctx.invalidate("units")
            return "created"
        if unit.kind != kind:
            raise RowError(
                "类型",
                f"单位“{row['名称']}”已登记为{unit.get_kind_display()}，不能改为{row['类型']}",
            )
        if "编码" in row and unit.code != row["编码"]:
            unit.code = row["编码"]
            unit.version += 1
            unit.save(update_fields=["code", "version", "updated_at"])
            return "updated"
        return "unchanged"

    def export_rows(self, ctx):
        from taizhang.core.models import OrgUnit

        qs = scoped(ctx, OrgUnit.objects.all()) if ctx.user else OrgUnit.objects.all()
        if ctx.township is not None:
            qs = qs.filter(township=ctx.township)
        depth = {"county": 0, "township": 1, "department": 2, "station": 2, "enterprise": 2,
                 "village": 2, "group": 3}  # fmt: skip
        rows = sorted(qs.values_list("pk", "name", "kind", "parent_id", "code"),
                      key=lambda r: (depth[r[2]], ctx.unit_text(r[0])))  # fmt: skip
        for _pk, name, kind, parent, code in rows:
            yield [name, KIND_TEXT[kind], ctx.unit_text(parent) or "无", code]


def _id_and_phone(row) -> tuple:
    id_number = row.get("身份证号", "").upper()
    phone = row.get("手机号", "")
    if "*" in id_number:
        id_number = KEEP
    elif id_number:
        problem = id_number_problem(id_number)
        if problem:
            raise RowError("身份证号", problem)
    if "*" in phone:
        phone = KEEP
    elif phone and not PHONE_RE.match(phone):
        raise RowError("手机号", f"手机号“{phone}”无效，应为以1开头的11位数字")
    return id_number, phone


class PersonSheet(SheetSpec):
    name = "人员"
    permission = "people.edit"
    permission_text = "新增或修改人员"
    model_label = "people.Person"
    columns = [
        Col("姓名", True, max_length=50, example="王小明"),
        Col("性别", kind="enum", choices=("男", "女"), example="男"),
        Col("出生年月", kind="month", example="1980-05"),
        Col("民族", max_length=20, example="汉族"),
        Col("政治面貌", max_length=20, example="中共党员"),
        Col("文化程度", max_length=20, example="大专"),
        Col("所在单位", True, example="示例乡示例村"),
        Col("手机号", example="13800000000"),
        Col("身份证号", example="990101198005010011"),
        Col("住址", example="示例乡示例村1号"),
    ]
    key = ("key",)
    fields = ("name", "gender", "birth_month", "ethnicity", "party", "education", "unit_id",
              "phone", "id_number", "address", "county_id", "township_id", "village_id")  # fmt: skip
    sources = {"gender": "性别", "birth_month": "出生年月", "ethnicity": "民族",
               "party": "政治面貌", "education": "文化程度", "phone": "手机号",
               "id_number": "身份证号", "address": "住址"}  # fmt: skip
    key_text = "身份证号；未填身份证号时为 姓名+所在单位"
    scope_field = ("unit_id", "身份证号")  # a matched person must already be in scope

    def build(self, ctx, row, number):
        id_number, phone = _id_and_phone(row)
        address = row["住址"]
        if address and "*" in address:
            address = KEEP  # a masked address: keep the stored one
        unit = ctx.unit(row["所在单位"], "所在单位")
        ctx.require_scope(unit, "所在单位")
        _, _, kind, _, township, county, village = ctx.units["rows"][unit]
        name = row["姓名"]
        key = ("id", id_number) if id_number and id_number is not KEEP else ("nu", name, unit)
        return {
            "key": key, "name": name, "gender": row["性别"], "birth_month": row["出生年月"],
            "ethnicity": row["民族"], "party": row["政治面貌"], "education": row["文化程度"],
            "unit_id": unit, "phone": phone, "id_number": id_number, "address": address,
            "county_id": county, "township_id": township, "village_id": village,
        }  # fmt: skip

    def existing(self, ctx):
        from taizhang.people.models import Person

        out, clash = {}, {}
        rows = Person.objects.values_list("pk", "version", *self.fields[:-3], *self.fields[-3:])
        for row in rows.iterator(chunk_size=5000):
            pk, version, values = row[0], row[1], row[2:]
            name, unit, id_number = values[0], values[6], values[8]
            if id_number:
                out[(("id", id_number),)] = (pk, version, values)
            nu = (("nu", name, unit),)
            if nu in out:
                clash[nu] = clash.get(nu, [out[nu][0]]) + [pk]
            out[nu] = (pk, version, values)
        self._clash = clash
        return out

    def check_sheet(self, ctx, planned):
        problems = []
        for number, key, _values, _ in planned:
            if key[0] == "nu" and key in getattr(self, "_clash", {}):
                problems.append(
                    (number, "姓名", f"姓名“{key[1]}”在该单位匹配到多人，请填写身份证号")
                )
        return problems

    def after_write(self, ctx, planned, pks):
        ctx.invalidate("people", "person_labels")

    def export_rows(self, ctx):
        from taizhang.people.models import Person

        qs = scoped(ctx, Person.objects.all())
        if ctx.township is not None:
            qs = qs.filter(township=ctx.township)
        rows = []
        for p in qs.values_list(
            "name", "gender", "birth_month", "ethnicity", "party", "education", "unit_id",
            "phone", "id_number", "address",
        ).iterator(chunk_size=5000):  # fmt: skip
            name, gender, birth, eth, party, edu, unit, phone, idn, address = p
            if ctx.mask:
                phone, idn, address = mask_phone(phone), mask_id(idn), mask_address(address)
            rows.append([name, gender, birth.strftime("%Y-%m") if birth else None, eth, party,
                         edu, ctx.unit_text(unit), phone, idn, address])  # fmt: skip
        # Ordered by content, not ids, so that a round trip gives identical cells.
        rows.sort(key=lambda r: (r[6], r[0], r[8] or "", r[7] or ""))
        yield from rows


def person_of(ctx, row, township=None, name_col="姓名", unit_col="所在单位") -> int:
    return ctx.person(row[name_col], row.get(unit_col, ""), column=name_col,
                      unit_column=unit_col, township=township)  # fmt: skip


class DeputySheet(SheetSpec):
    name = "代表"
    permission = "people.edit"
    permission_text = "登记或修改代表"
    model_label = "people.Deputy"
    columns = [
        Col("姓名", True, example="王小明"),
        Col("所在单位", True, example="示例乡示例村"),
        Col("乡镇", True, example="示例乡"),
        Col("层级", True, "enum", ("乡镇", "县", "市", "省", "全国"), example="乡镇"),
        Col("届次", True, max_length=20, example="第十四届"),
        Col("选区", example="第1选区"),
        Col("代表小组", example="第一代表小组"),
        Col("任职起", kind="date", example="2021-10-15"),
        Col("任职止", kind="date"),
        Col("信访信息员", kind="bool", example="否"),
        Col("小组长", kind="bool", example="否"),
    ]
    key = ("person_id", "level", "term")
    fields = ("township_id", "district_id", "group_id", "start", "end", "is_info_officer",
              "is_group_leader")  # fmt: skip
    sources = {"district_id": "选区", "group_id": "代表小组", "start": "任职起",
               "end": "任职止", "is_info_officer": "信访信息员", "is_group_leader": "小组长"}  # fmt: skip
    key_text = "人员+层级+届次"
    scope_field = ("township_id", "乡镇")

    def build(self, ctx, row, number):
        from taizhang.core.models import DeputyGroup, District

        if not TERM_RE.match(row["届次"]):
            raise RowError("届次", f"届次“{row['届次']}”格式应为“第十四届”")
        township = ctx.township_pk(row["乡镇"], "乡镇")
        person = person_of(ctx, row)
        if row["任职起"] and row["任职止"] and row["任职止"] < row["任职起"]:
            raise RowError("任职止", "任职止早于任职起")
        district = group = None
        # Districts and groups are named inside the township; a new name adds one (the
        # whole import is one transaction, rolled back if any row is wrong).
        if row["选区"]:
            district, _ = District.objects.get_or_create(township_id=township, name=row["选区"])
        if row["代表小组"]:
            group, _ = DeputyGroup.objects.get_or_create(township_id=township, name=row["代表小组"])
        return {
            "person_id": person, "level": row["层级"], "term": row["届次"],
            "township_id": township, "district_id": district and district.pk,
            "group_id": group and group.pk, "start": row["任职起"], "end": row["任职止"],
            "is_info_officer": row["信访信息员"], "is_group_leader": row["小组长"],
        }  # fmt: skip

    def after_write(self, ctx, planned, pks):
        ctx.invalidate("deputies")

    def export_rows(self, ctx):
        from taizhang.people.models import Deputy

        qs = scoped(ctx, Deputy.objects.all())
        if ctx.township is not None:
            qs = qs.filter(township=ctx.township)
        rows = []
        for d in qs.select_related("district", "group"):
            name, unit = ctx.person_label(d.person_id)
            rows.append([name, unit, ctx.unit_text(d.township_id), d.level, d.term,
                   d.district.name if d.district else None, d.group.name if d.group else None,
                   cells.fmt_date(d.start), cells.fmt_date(d.end),
                   "是" if d.is_info_officer else "否", "是" if d.is_group_leader else "否"])  # fmt: skip
        rows.sort(key=lambda r: (r[2], r[1], r[0], r[3], r[4]))
        yield from rows


class PostSheet(SheetSpec):
    name = "职务"
    permission = "people.edit"
    permission_text = "登记或修改职务"
    model_label = "people.CadrePost"
    columns = [
        Col("姓名", True, example="王小明"),
        Col("所在单位", True, example="示例乡示例村"),
        Col("单位", True, example="示例乡"),
        Col("职务", True, max_length=50, example="副乡长"),
        Col("分管工作", kind="list", example="招商引资、交通道路"),
        Col("任职起", True, "date", example="2021-10-20"),
        Col("任职止", kind="date"),
    ]
    key = ("person_id", "unit_id", "title", "start")
    fields = ("portfolios", "end")
    sources = {"portfolios": "分管工作", "end": "任职止"}
    key_text = "人员+单位+职务+任职起"

    def build(self, ctx, row, number):
        person = person_of(ctx, row)
        unit = ctx.unit(row["单位"], "单位")
        ctx.require_scope(unit, "单位")
        if row["任职止"] and row["任职止"] < row["任职起"]:
            raise RowError("任职止", "任职止早于任职起")
        return {"person_id": person, "unit_id": unit, "title": row["职务"],
                "start": row["任职起"], "portfolios": row["分管工作"], "end": row["任职止"]}  # fmt: skip

    def export_rows(self, ctx):
        from taizhang.people.models import CadrePost

        qs = scoped(ctx, CadrePost.objects.all())
        if ctx.township is not None:
            qs = qs.filter(unit__township=ctx.township)
        rows = []
        for p in qs.values_list("person_id", "unit_id", "title", "portfolios", "start", "end"):
            name, unit = ctx.person_label(p[0])
            rows.append([name, unit, ctx.unit_text(p[1]), p[2], "、".join(p[3]),
                         cells.fmt_date(p[4]), cells.fmt_date(p[5])])  # fmt: skip
        rows.sort(key=lambda r: (r[2], r[3], r[0], r[1], r[5]))
        yield from rows
