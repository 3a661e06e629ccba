"""`taizhang notify`: time-based notices, retries and daily digests (run it from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from taizhang.cases.services.notify import notify_run


class Command(BaseCommand):
    help = "发送临期、超期提醒，重试失败的邮件和短信，发送每日汇总（供 cron 定时运行）"

    def handle(self, *args, **options):
        result = notify_run()
        if result is None:
            self.stdout.write("另一台服务器正在发送提醒，本次跳过。")
            return
        self.stdout.write(
            f"新增临期/超期提醒 {result['notices']} 条；重试发送成功 {result['retried']} 条；"
            f"每日汇总 {result['digests']} 封。"
        )
