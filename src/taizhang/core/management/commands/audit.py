"""`taizhang audit verify|archive --before DATE`: check or archive the audit trail."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from taizhang.core.auditchain import audit_archive, audit_verify


class Command(BaseCommand):
    help = "审计日志：verify 校验哈希链；archive --before 日期 归档早于该日期的记录"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "archive"])
        parser.add_argument("--before", help="归档截止日期（YYYY-MM-DD），不含当日")
        parser.add_argument("--dir", help="归档文件目录（默认 var/audit-archive）")

    def handle(self, *args, action, before=None, dir=None, **options):
        if action == "verify":
            checked, broken = audit_verify()
            if broken is None:
                self.stdout.write(f"审计链完整：已校验 {checked} 条记录。")
                return
            raise CommandError(
                f"审计链在第 {broken.id} 条记录（{broken.at:%Y-%m-%d %H:%M:%S}）处断开："
                f"{broken.reason}；此前 {checked} 条记录完好。"
            )
        if not before:
            raise CommandError("请用 --before YYYY-MM-DD 指定归档截止日期")
        try:
            cutoff = date.fromisoformat(before)
        except ValueError as exc:
            raise CommandError(f"日期“{before}”格式不对，应为 YYYY-MM-DD") from exc
        try:
            rows, path = audit_archive(before=cutoff, directory=dir or settings.AUDIT_ARCHIVE_DIR)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if not rows:
            self.stdout.write(f"{cutoff.isoformat()} 之前没有审计记录，无需归档。")
            return
        self.stdout.write(f"已归档 {rows} 条审计记录到 {path}（文件权限 0600）。")
