"""Backup and restore: a zip holding the database copy, the attachments and a manifest.

Backup: the row counts are taken from the same snapshot as the copy (SQLite: counted in
the copy made by the online backup API; PostgreSQL: one REPEATABLE READ transaction
exports its snapshot to pg_dump and counts the rows itself). The file is written 0600
and only appears, whole, under its name at the end.

Restore never writes over the live data first: the copy goes into a NEW database
(PostgreSQL) or file (SQLite) and is checked (checksums, integrity, row counts) before
anything is switched. SQLite then swaps the files atomically, keeping the old one under
a dated name; PostgreSQL renames the databases with ``replace=True`` (the old one keeps
a dated name), else leaves the new one for the operator. A restore is audited.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from taizhang.core import backup_pg
from taizhang.core.backup_pg import BackupError
from taizhang.core.tempfiles import temporary

MAGIC = "taizhang-backup"
CHUNK = 1 << 20

__all__ = ["BackupError", "backup", "read_manifest", "restore", "row_counts"]


def tables() -> list[str]:
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def row_counts() -> dict[str, int]:
    """Count the rows of every table the project's schema knows (live database)."""
    with connection.cursor() as cursor:
        return _counts(cursor, tables(), connection.ops.quote_name)


def _counts(cursor, names, quote) -> dict[str, int]:
    counts = {}
    for table in names:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M%S")


def _unused(path: Path) -> Path:
    """``path``, or the same name with -2, -3 … when two restores fall in one second."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def _media() -> Path:
    return Path(settings.MEDIA_ROOT)


def backup(path: str | Path) -> dict:
    """Write a backup of the database and the attachments to ``path``; return its manifest."""
    path = Path(path)
    connection.ensure_connection()
    with temporary(".db") as payload:
        if connection.vendor == "sqlite":
            target = sqlite3.connect(payload)
            connection.connection.backup(target)  # online backup API: one consistent copy
            counts = _counts(target.cursor(), tables(), _quote)  # counted in that copy
            target.close()
        elif connection.vendor == "postgresql":
            counts = backup_pg.dump(payload, tables())
        else:
            raise BackupError(f"不支持的数据库类型：{connection.vendor}")
        files = _media_files()
        manifest = {
            "format": MAGIC,
            "version": 2,
            "engine": connection.vendor,
            "created": datetime.now(UTC).isoformat(),
            "counts": counts,
            "database_sha256": _sha256(payload),
            "files": {name: _sha256(_media() / name) for name in files},
        }
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
                z.write(payload, "database")
                for name in files:
                    z.write(_media() / name, f"files/{name}")
            os.chmod(partial, 0o600)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def _media_files() -> list[str]:
    root = _media()
    if not root.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def read_manifest(path: str | Path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BackupError("该文件不是台账备份文件。") from exc
    if manifest.get("format") != MAGIC or "counts" not in manifest:
        raise BackupError("该文件不是台账备份文件。")
    return manifest


def _extract(archive: zipfile.ZipFile, member: str, target: Path, expected: str | None) -> None:
    """Copy ``member`` to ``target`` and compare its checksum with the manifest's."""
    digest = hashlib.sha256()
    try:
        with archive.open(member) as source, target.open("wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BackupError(f"备份文件已损坏，无法读取 {member}。") from exc
    if expected and digest.hexdigest() != expected:
        raise BackupError(f"备份文件已损坏：{member} 的校验值与清单不符，未做任何改动。")


def _compare(manifest: dict, actual: dict[str, int]) -> None:
    wrong = {t: (n, actual.get(t)) for t, n in manifest["counts"].items() if actual.get(t) != n}
    if wrong:
        detail = "，".join(f"{t}: 应为{n} 实为{a}" for t, (n, a) in list(wrong.items())[:5])
        raise BackupError(f"恢复校验不一致，当前数据库未被替换：{detail}")


def restore(path: str | Path, *, replace: bool = False) -> dict:
    """Restore ``path`` into a new database or file, verify it, then switch (see module doc).

    Returns the manifest with ``restored`` (what was done, in Chinese), ``new`` (the new
    file or database URL) and ``old`` (the dated name of what was live, if switched).
    """
    manifest = read_manifest(path)
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"备份来自 {manifest['engine']} 数据库，当前为 {connection.vendor}，不能直接恢复。"
        )
    connection.ensure_connection()
    stamp = _stamp()
    with zipfile.ZipFile(path) as archive:
        media = _restore_media(archive, manifest, stamp)
        try:
            if connection.vendor == "sqlite":
                result = _restore_sqlite(archive, manifest, stamp)
            else:
                result = backup_pg.restore(
                    lambda target: _extract(archive, "database", target,
                                            manifest.get("database_sha256")),
                    manifest, stamp, replace=replace, compare=_compare,
                )  # fmt: skip
        except BaseException:
            shutil.rmtree(media, ignore_errors=True)
            raise
    switched = result.get("old") is not None or result.get("in_place")
    if switched:
        result["old_files"] = _switch_media(media, stamp)
    else:
        result["new_files"] = str(media)
    manifest.update(result)
    _audit(manifest)
    return manifest


def _restore_media(archive: zipfile.ZipFile, manifest: dict, stamp: str) -> Path:
    """Unpack the attachments beside the live folder, checked against the manifest."""
    live = _media()
    fresh = _unused(live.with_name(f"{live.name}.restore-{stamp}"))
    fresh.mkdir(parents=True, exist_ok=False)
    try:
        for name, expected in (manifest.get("files") or {}).items():
            target = (fresh / name).resolve()
            if not target.is_relative_to(fresh.resolve()):
                raise BackupError("备份文件中的附件路径不合法，未做任何改动。")
            target.parent.mkdir(parents=True, exist_ok=True)
            _extract(archive, f"files/{name}", target, expected)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return fresh


def _switch_media(fresh: Path, stamp: str) -> str | None:
    live = _media()
    old = None
    if live.exists():
        old = live.with_name(f"{live.name}-{stamp}")
        live.rename(old)
    fresh.rename(live)
    return str(old) if old else None


def _restore_sqlite(archive: zipfile.ZipFile, manifest: dict, stamp: str) -> dict:
    live_name = str(connection.settings_dict["NAME"])
    in_memory = live_name == ":memory:" or "mode=memory" in live_name
    live = Path(live_name)
    folder = Path(settings.TEMP_DIR) if in_memory else live.parent
    fresh = _unused(folder / f"{live.name if not in_memory else 'memory'}.restore-{stamp}")
    try:
        _extract(archive, "database", fresh, manifest.get("database_sha256"))
        check = sqlite3.connect(fresh)
        try:
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError("备份中的数据库未通过完整性检查，当前数据库未被替换。")
            _compare(manifest, _counts(check.cursor(), list(manifest["counts"]), _quote))
        except sqlite3.DatabaseError as exc:
            raise BackupError("备份中的数据库已损坏，当前数据库未被替换。") from exc
        finally:
            check.close()
        if in_memory:  # tests: no file to swap, copy into the live connection
            source = sqlite3.connect(fresh)
            source.backup(connection.connection)
            source.close()
            return {"restored": "已恢复到当前（内存）数据库", "in_place": True, "old": None}
        return _swap_sqlite(live, fresh, stamp)
    finally:
        fresh.unlink(missing_ok=True)


def _swap_sqlite(live: Path, fresh: Path, stamp: str) -> dict:
    """Keep the live file under a dated name and move the checked copy into its place."""
    connection.close()
    with sqlite3.connect(live) as folding:  # fold the WAL into the file before it is kept
        folding.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folding.close()
    old = live.with_name(f"{live.stem}-{stamp}{live.suffix}")
    serial = 1
    while old.exists():  # two restores in one second keep both old files
        serial += 1
        old = live.with_name(f"{live.stem}-{stamp}-{serial}{live.suffix}")
    try:
        os.link(live, old)  # the old file, unchanged, under its dated name
    except OSError:
        shutil.copy2(live, old)
    for extra in ("-wal", "-shm"):
        Path(f"{live}{extra}").unlink(missing_ok=True)
    os.replace(fresh, live)  # one atomic step: the path always names a whole database
    return {"restored": f"已替换数据库文件 {live}", "new": str(live), "old": str(old)}


def _audit(manifest: dict) -> None:
    """One row in the database that is live now (the restored one, once switched)."""
    from taizhang.core.audit import AuditKind, audit_record

    audit_record(
        kind=AuditKind.UPDATE,
        object_type="core.Backup",
        summary=f"{manifest['restored']}（备份于 {manifest['created'][:19]}，"
        f"{sum(manifest['counts'].values())} 行，{len(manifest.get('files') or {})} 个附件）",
        username="restore",
    )
