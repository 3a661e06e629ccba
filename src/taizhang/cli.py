"""The `taizhang` console script."""

from __future__ import annotations

import argparse
import os
import sys

USAGE = """用法：taizhang <命令> [参数]

  migrate                 创建或升级数据库结构
  demo                    加载演示县（按需先迁移；可重复运行）
  serve                   用 gunicorn 启动网站（TAIZHANG_PORT，默认 8000）
  createadmin NAME        创建系统管理员
  check-deploy            按生产设置运行部署检查
  backup FILE             备份数据库
  restore FILE            从备份恢复（校验行数）
  audit verify            校验审计日志哈希链，报告第一处断开
  audit archive --before YYYY-MM-DD   把早于该日期的审计记录归档到文件（保留期外）
  figures --township 名称 --year 年度 [--json]
  import FILE.xlsx [--dry-run]      导入台账工作簿
  export FILE.xlsx [--township X] [--year Y] [--template]
  report personal|presidium|deputy ...   生成年终文稿
  check FILE... [--json] [--templates DIR] [--profile P] [--fix OUT]   文稿校对
  token create --user NAME --name LABEL [--scope read|write] [--days N]   签发接口令牌（只显示一次）
  token list --user NAME / token revoke ID                 列出、吊销接口令牌
  notify                  发送临期、超期提醒，重试失败的发送，每日汇总（供 cron 定时运行）
  manage ...              Django 管理命令
"""

# CLI names that differ from the Django management command they run.
ALIASES = {"import": "import_workbook", "export": "export_workbook", "check-deploy": "check_deploy"}
NO_SCHEMA_CHECK = {"migrate", "demo", "check-deploy", "manage", "restore", "createadmin"}


def schema_is_current() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


HELP_FLAGS = {"-h", "--help"}
SERVE_HELP = """用法：taizhang serve [gunicorn 参数]

用 gunicorn 启动网站。环境变量：TAIZHANG_HOST（默认 127.0.0.1）、TAIZHANG_PORT（默认 8000）、
TAIZHANG_WORKERS（默认 2）。按 Ctrl+C 停止。
"""


class _ChineseFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：")


def command_help(command: str) -> int:
    """Print a command's own options, without Django's (--settings, --traceback …).

    Needs only the settings, never the database: help works before ``taizhang migrate``.
    """
    if command == "serve":
        print(SERVE_HELP)
        return 0
    from django.core.management import get_commands, load_command_class

    name = ALIASES.get(command, command.replace("-", "_"))
    app = get_commands().get(name)
    if app is None:
        print(f"未知命令“{command}”。\n\n{USAGE}", file=sys.stderr)
        return 2
    cmd = load_command_class(app, name)
    parser = argparse.ArgumentParser(
        prog=f"taizhang {command}",
        description=str(cmd.help or ""),
        formatter_class=_ChineseFormatter,
        add_help=False,
    )
    parser._positionals.title = "参数"
    parser._optionals.title = "选项"
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    cmd.add_arguments(parser)
    parser.print_help()
    return 0


def serve(argv: list[str]) -> int:
    from django.conf import settings
    from django.core.management import call_command

    port = os.environ.get("TAIZHANG_PORT", "8000")
    host = os.environ.get("TAIZHANG_HOST", "127.0.0.1")
    if settings.PRODUCTION:
        call_command("collectstatic", interactive=False, verbosity=0)
    workers = os.environ.get("TAIZHANG_WORKERS", "2")
    print(f"台账网站：http://{host}:{port}/  （按 Ctrl+C 停止）", flush=True)
    args = [
        "gunicorn",
        "taizhang.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        workers,
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "--logger-class",
        "taizhang.accesslog.PrivateAccessLogger",  # no query strings or referers
        *argv,
    ]
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    os.execv(gunicorn if os.path.exists(gunicorn) else "gunicorn", args)
    return 0  # not reached


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "check":
        from taizhang.checker.cli import main as check_main

        return check_main(rest)
    if command == "check-deploy":
        os.environ["TAIZHANG_ENV"] = "production"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
    try:
        import django

        django.setup()
    except RuntimeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    from django.core.management import execute_from_command_line

    if command != "manage" and HELP_FLAGS & set(rest):
        return command_help(command)
    if command == "manage":
        execute_from_command_line(["taizhang", *rest])
        return 0
    if command not in NO_SCHEMA_CHECK and not schema_is_current():
        print("数据库结构不是最新版本，请先运行：taizhang migrate", file=sys.stderr)
        return 1
    if command == "serve":
        return serve(rest)
    execute_from_command_line(["taizhang", ALIASES.get(command, command.replace("-", "_")), *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
