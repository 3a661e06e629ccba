"""Restore a backup file and verify the row counts."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from taizhang.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "从备份文件恢复数据库：先恢复到新库/新文件并校验，再切换（原数据保留）"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="PostgreSQL：校验通过后改名切换数据库（原库保留为带日期的名称）；"
            "不加此项则只恢复到新数据库并打印其连接地址",
        )

    def handle(self, *args, file, replace=False, **options):
        try:
            manifest = restore(file, replace=replace)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        total = sum(manifest["counts"].values())
        self.stdout.write(
            f"已恢复 {file}（备份于 {manifest['created']}），行数校验一致，共 {total} 行。"
            f"{manifest['restored']}。"
        )
        if manifest.get("old"):
            self.stdout.write(f"原数据保留为：{manifest['old']}")
        if manifest.get("new") and not manifest.get("old"):
            self.stdout.write(f"新数据库：TAIZHANG_DATABASE_URL={manifest['new']}")
        if manifest.get("new_files"):
            self.stdout.write(f"附件已恢复到 {manifest['new_files']}，切换时请替换附件目录。")
