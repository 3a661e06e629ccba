"""Restore a backup file and verify the row counts."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from taizhang.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "从备份文件恢复数据库（会覆盖当前数据）"

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            manifest = restore(file)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        total = sum(manifest["counts"].values())
        self.stdout.write(
            f"已恢复 {file}（备份于 {manifest['created']}），行数校验一致，共 {total} 行。"
        )
