"""Run Django's deployment checks against the production settings."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "按生产环境设置运行部署检查（TAIZHANG_ENV=production）"

    def handle(self, *args, **options):
        if not settings.PRODUCTION:
            raise CommandError(
                "请通过 taizhang check-deploy 运行，它会以 TAIZHANG_ENV=production 加载设置。"
            )
        call_command("check", deploy=True, fail_level="WARNING")
        self.stdout.write("部署检查通过。")
