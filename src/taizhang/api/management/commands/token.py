"""`taizhang token create|list|revoke`: API tokens from the command line."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from taizhang.accounts.models import User
from taizhang.api.models import ApiToken
from taizhang.api.tokens import token_create, token_revoke


class Command(BaseCommand):
    help = "签发、列出或吊销接口令牌"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="签发令牌（只显示一次）")
        create.add_argument("--user", required=True, help="用户名")
        create.add_argument("--name", required=True, help="令牌名称，如“12345平台”")
        create.add_argument("--scope", choices=["read", "write"], default="read")
        create.add_argument("--days", type=int, default=None, help="有效天数")
        listing = sub.add_parser("list", help="列出某用户的令牌")
        listing.add_argument("--user", required=True)
        revoke = sub.add_parser("revoke", help="吊销令牌")
        revoke.add_argument("id", type=int, help="令牌编号")

    def _user(self, username: str) -> User:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist as exc:
            raise CommandError(f"用户 {username} 不存在。") from exc

    def handle(self, *args, action, **options):
        if action == "create":
            user = self._user(options["user"])
            try:
                token, raw = token_create(
                    user=user, name=options["name"], scope=options["scope"], days=options["days"]
                )
            except ValidationError as exc:
                raise CommandError("；".join(exc.messages)) from exc
            self.stdout.write(
                f"令牌 #{token.pk}（{token.get_scope_display()}），"
                f"有效期至 {token.expires_at:%Y-%m-%d %H:%M} UTC。"
            )
            self.stdout.write("请立即保存，此后不再显示：")
            self.stdout.write(raw)
        elif action == "list":
            user = self._user(options["user"])
            for t in ApiToken.objects.filter(user=user):
                self.stdout.write(
                    f"#{t.pk}\t{t.name}\t{t.prefix}…\t{t.get_scope_display()}\t"
                    f"{t.state_label}\t至 {t.expires_at:%Y-%m-%d}"
                )
        else:
            token = ApiToken.objects.filter(pk=options["id"]).first()
            if token is None:
                raise CommandError(f"令牌 #{options['id']} 不存在。")
            token_revoke(token=token)
            self.stdout.write(f"令牌 #{token.pk} 已吊销。")
