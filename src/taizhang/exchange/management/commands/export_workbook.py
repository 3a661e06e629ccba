"""taizhang export FILE.xlsx [--township X] [--year Y] [--template] [--full] [--user NAME]."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from taizhang.core.audit import AuditKind, audit_record
from taizhang.core.models import OrgUnit
from taizhang.exchange.exporter import export_template, export_workbook


class Command(BaseCommand):
    help = "导出台账工作簿；--template 导出空白模板。个人信息默认脱敏，--full 需填写事由。"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--township")
        parser.add_argument("--year", type=int)
        parser.add_argument("--template", action="store_true")
        parser.add_argument("--full", metavar="事由", help="导出完整身份证号和手机号，并写明事由")
        parser.add_argument("--user", help="只导出该用户数据范围内的台账")

    def handle(self, *args, **options):
        target = options["file"]
        if not target.lower().endswith(".xlsx"):
            raise CommandError("导出文件名应以 .xlsx 结尾。")
        if options["template"]:
            export_template(target)
            self.stdout.write(f"已导出空白模板：{target}")
            return
        township = None
        if options["township"]:
            township = OrgUnit.objects.filter(kind="township", name=options["township"]).first()
            if township is None:
                raise CommandError(f"未找到乡镇“{options['township']}”。")
        full = (options.get("full") or "").strip()
        if options.get("full") is not None and len(full) < 4:
            raise CommandError("完整导出须写明事由（至少4个字）。")
        user = None
        if options.get("user"):
            from django.contrib.auth import get_user_model

            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"未找到可用的用户“{options['user']}”。")
        counts = export_workbook(
            target, user=user, township=township, year=options["year"], mask=not full
        )
        total = sum(counts.values())
        summary = f"命令行导出工作簿 {total} 行" + (
            f"（完整个人信息，事由：{full}）" if full else ""
        )
        audit_record(kind=AuditKind.EXPORT, object_type="exchange.Workbook", summary=summary[:300])
        for name, n in counts.items():
            self.stdout.write(f"{name}：{n} 行")
        self.stdout.write(f"已导出：{target}")
