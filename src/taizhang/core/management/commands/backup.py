"""Write a backup file (SQLite online backup API, or pg_dump)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from taizhang.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "备份数据库到文件"

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            manifest = backup(file)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        total = sum(manifest["counts"].values())
        self.stdout.write(f"已备份到 {file}：{len(manifest['counts'])} 张表，共 {total} 行。")
