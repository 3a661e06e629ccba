"""Load the demo county (idempotent) and print the demo logins."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from taizhang.demo.loader import DEMO_PASSWORD, demo_authenticators, load_demo


class Command(BaseCommand):
    help = "加载演示县（可重复运行，不会重复创建）"

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        try:
            logins = load_demo()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"演示数据已就绪。演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, role in logins:
            self.stdout.write(f"  {username:<14} {role}")
        keys = demo_authenticators()
        self.stdout.write(
            "以下账号登录时还须输入身份验证器的 6 位验证码。请在手机验证器应用中"
            "“手动输入密钥”（基于时间）添加："
        )
        for username, key in keys.items():
            self.stdout.write(f"  {username:<14} {key}")
