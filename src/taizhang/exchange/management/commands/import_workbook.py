"""taizhang import FILE.xlsx [--dry-run] [--user NAME] [--year Y]: import a ledger workbook, all or nothing.

Without --user the command runs as the operator with full scope; with --user every row must
lie inside that user's data scope, as on the upload page.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taizhang.exchange.importer import import_workbook
from taizhang.exchange.workbook import WorkbookRefused, check_file


class Command(BaseCommand):
    help = "导入台账工作簿（.xlsx）：全部校验通过才写入，任何错误都不写入。"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="只校验，不写入")
        parser.add_argument("--errors", help="把带“错误说明”列的工作簿副本写到此路径")
        parser.add_argument("--user", help="以该用户身份导入（只能导入其数据范围内的行）")
        parser.add_argument(
            "--year", type=int, help="旧版工作簿（项目表没有“年度”列）的台账年度，如 2025"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"文件不存在：{path}")
        user = None
        if options.get("user"):
            from django.contrib.auth import get_user_model

            from taizhang.core.permissions import user_can

            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None or not user.is_active:
                raise CommandError(f"未找到可用的用户“{options['user']}”。")
            if not user_can(user, "exchange.use"):
                raise CommandError(f"用户“{user.username}”没有导入导出台账的权限。")
        try:
            check_file(path)
            result = import_workbook(
                path, user=user, dry_run=options["dry_run"], year=options.get("year")
            )
        except WorkbookRefused as exc:
            raise CommandError(str(exc)) from None
        for notice in result.notices:
            self.stdout.write(f"提示：{notice}")
        if not result.ok:
            for problem in result.errors:
                self.stderr.write(str(problem))
            target = options.get("errors") or str(path.with_name(path.stem + "-错误说明.xlsx"))
            from taizhang.exchange.exporter import error_copy

            error_copy(path, target, result.errors)
            raise CommandError(
                f"发现 {len(result.errors)} 处错误，未写入任何数据。带错误说明的副本：{target}"
            )
        for line in result.summary_lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write("校验通过（试运行，未写入）。")
        else:
            self.stdout.write(self.style.SUCCESS("导入完成。"))
