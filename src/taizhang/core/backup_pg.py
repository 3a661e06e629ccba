"""PostgreSQL side of backup and restore (see core/backup.py for the rules).

A dump and its row counts come from one exported snapshot; a restore goes into a new
database that is checked before the live one is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

from django.db import connection


class BackupError(Exception):
    """A backup or restore that cannot proceed, with a Chinese message."""


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _params(dbname: str | None = None) -> dict:
    params = connection.get_connection_params()
    if dbname is not None:
        params["dbname"] = dbname
    return params


def _open(dbname: str | None = None):
    raw = connection.get_new_connection(_params(dbname))
    raw.autocommit = True
    return raw


def _env() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    args = ["-h", s.get("HOST") or "127.0.0.1", "-p", str(s.get("PORT") or 5432),
            "-U", s.get("USER") or "postgres"]  # fmt: skip
    return args, env


def _run(cmd: list[str]) -> None:
    args, env = _env()
    if shutil.which(cmd[0]) is None:
        raise BackupError(f"找不到 {cmd[0]}，请安装 PostgreSQL 客户端（postgresql-client）。")
    done = subprocess.run([cmd[0], *args, *cmd[1:]], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{cmd[0]} 失败：{done.stderr.strip()[:500]}")


def _counts(raw, tables) -> dict[str, int]:
    counts = {}
    with raw.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {_ident(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def dump(payload: Path, tables: list[str]) -> dict[str, int]:
    """pg_dump into ``payload`` and count the rows, both in one exported snapshot."""
    raw = _open()
    try:
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        counts = _counts(raw, tables)
        name = connection.settings_dict["NAME"]
        _run(["pg_dump", "-Fc", "--no-owner", f"--snapshot={snapshot}", "-f", str(payload),
              "-d", name])  # fmt: skip
        with raw.cursor() as cursor:
            cursor.execute("COMMIT")
    finally:
        raw.close()
    return counts


def restore(extract, manifest: dict, stamp: str, *, replace: bool, compare) -> dict:
    """Restore into ``<name>_r<stamp>``, check it, and with ``replace`` swap the names."""
    live = connection.settings_dict["NAME"]
    admin = _open("postgres")
    try:
        # Two restores in one second (a restore, then one with replace) get _2, _3 …
        fresh = _unused_name(admin, f"{live[:40]}_r{stamp.replace('-', '_')}")
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {_ident(fresh)} TEMPLATE template0")
        try:
            from taizhang.core.tempfiles import temporary

            with temporary(".dump") as payload:
                extract(payload)
                _run(["pg_restore", "--no-owner", "--single-transaction", "--exit-on-error",
                      "-d", fresh, str(payload)])  # fmt: skip
            check = _open(fresh)
            try:
                compare(manifest, _counts(check, list(manifest["counts"])))
            finally:
                check.close()
        except BaseException:
            with admin.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {_ident(fresh)} WITH (FORCE)")
            raise
        if not replace:
            return {"restored": f"已恢复到新数据库 {fresh}，当前数据库未改动", "new": _url(fresh),
                    "old": None}  # fmt: skip
        old = _unused_name(admin, f"{live[:40]}_before_{stamp.replace('-', '_')}")
        connection.close()
        with admin.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [live],
            )
            cursor.execute(f"ALTER DATABASE {_ident(live)} RENAME TO {_ident(old)}")
            cursor.execute(f"ALTER DATABASE {_ident(fresh)} RENAME TO {_ident(live)}")
        return {"restored": f"已切换数据库：原数据库保留为 {old}", "new": _url(live), "old": old}
    finally:
        admin.close()


def _unused_name(admin, name: str) -> str:
    """``name``, or ``name_2``, ``name_3`` … when a database of that name already exists."""
    with admin.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [name + "%"])
        taken = {row[0] for row in cursor.fetchall()}
    serial, candidate = 1, name
    while candidate in taken:
        serial += 1
        candidate = f"{name}_{serial}"
    return candidate


def _url(name: str) -> str:
    s = connection.settings_dict
    user = quote(s.get("USER") or "postgres")
    host, port = s.get("HOST") or "127.0.0.1", s.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{quote(name)}"
