"""Create a system administrator account that must change its password at first login."""

from __future__ import annotations

import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from taizhang.accounts.models import User
from taizhang.accounts.services import user_create
from taizhang.core.roles import Role


class Command(BaseCommand):
    help = "创建系统管理员账号"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help="初始密码（不提供则交互输入）")

    def handle(self, *args, username, password=None, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"用户名 {username} 已存在。")
        password = password or getpass.getpass("初始密码：")
        try:
            user_create(
                username=username,
                password=password,
                role=Role.ADMIN,
                full_name="系统管理员",
                must_change_password=True,
            )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        self.stdout.write(f"已创建系统管理员 {username}，首次登录须修改密码。")
