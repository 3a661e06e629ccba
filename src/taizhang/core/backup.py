"""Backup and restore: a zip holding the database copy and a manifest of row counts."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection

MAGIC = "taizhang-backup"


class BackupError(Exception):
    """A backup or restore that cannot proceed, with a Chinese message."""


def row_counts() -> dict[str, int]:
    """Count the rows of every table the project's schema knows."""
    tables = sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    args = [
        "-h",
        s.get("HOST") or "127.0.0.1",
        "-p",
        str(s.get("PORT") or 5432),
        "-U",
        s.get("USER") or "postgres",
        "-d",
        s["NAME"],
    ]
    return args, env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    if shutil.which(cmd[0]) is None:
        raise BackupError(f"找不到 {cmd[0]}，请安装 PostgreSQL 客户端（postgresql-client）。")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{cmd[0]} 失败：{done.stderr.strip()[:500]}")


def backup(path: str | Path) -> dict:
    """Write a backup of the current database to ``path``; return its manifest."""
    connection.ensure_connection()
    manifest = {
        "format": MAGIC,
        "version": 1,
        "engine": connection.vendor,
        "created": datetime.now(UTC).isoformat(),
        "counts": row_counts(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        payload = Path(tmp) / "database"
        if connection.vendor == "sqlite":
            target = sqlite3.connect(payload)
            connection.connection.backup(target)  # online backup API: safe while in use
            target.close()
        elif connection.vendor == "postgresql":
            args, env = _pg_env()
            _run(["pg_dump", "-Fc", "--no-owner", "-f", str(payload), *args], env)
        else:
            raise BackupError(f"不支持的数据库类型：{connection.vendor}")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.write(payload, "database")
    return manifest


def read_manifest(path: str | Path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BackupError("该文件不是台账备份文件。") from exc
    if manifest.get("format") != MAGIC or "counts" not in manifest:
        raise BackupError("该文件不是台账备份文件。")
    return manifest


def restore(path: str | Path) -> dict:
    """Replace the current database with the backup at ``path`` and verify row counts."""
    manifest = read_manifest(path)
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"备份来自 {manifest['engine']} 数据库，当前为 {connection.vendor}，不能直接恢复。"
        )
    connection.ensure_connection()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as archive:
        payload = Path(archive.extract("database", tmp))
        if connection.vendor == "sqlite":
            source = sqlite3.connect(payload)
            source.backup(connection.connection)
            source.close()
        else:
            args, env = _pg_env()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    str(payload),
                ],
                env,
            )
    actual = row_counts()
    wrong = {t: (n, actual.get(t)) for t, n in manifest["counts"].items() if actual.get(t) != n}
    if wrong:
        detail = "，".join(f"{t}: 应为{n} 实为{a}" for t, (n, a) in list(wrong.items())[:5])
        raise BackupError(f"恢复后行数校验不一致：{detail}")
    return manifest
