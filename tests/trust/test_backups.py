"""#12.13: backups taken during writes restore; a bad backup never touches the live data."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from django.db import connection

from taizhang.core.backup import BackupError, backup, read_manifest, restore

pytestmark = pytest.mark.django_db(transaction=True)
TAIZHANG = str(Path(sys.executable).with_name("taizhang"))


def _writer(dsn_connect, stop: threading.Event, written: list) -> threading.Thread:
    """Insert session rows one transaction at a time until told to stop."""

    def run():
        db = dsn_connect()
        n = 0
        while not stop.is_set():
            n += 1
            db.execute("INSERT INTO django_session (session_key, session_data, expire_date) "
                       "VALUES (?, 'x', '2030-01-01 00:00:00')", [f"load-{os.getpid()}-{n}"])  # fmt: skip
            db.commit()
            written.append(n)
        db.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.fixture
def site(tmp_path, world):
    """A file database of this schema and data, with one attachment, run through the CLI."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite file swap; PostgreSQL has its own test below")
    live = tmp_path / "var" / "taizhang.sqlite3"
    live.parent.mkdir()
    target = sqlite3.connect(live)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    files = tmp_path / "files"
    (files / "cases").mkdir(parents=True)
    (files / "cases" / "c1.pdf").write_bytes(b"%PDF-1.4 reply")
    env = {**os.environ, "TAIZHANG_DATABASE_URL": f"sqlite:///{live}",
           "TAIZHANG_VAR_DIR": str(tmp_path / "var"), "TAIZHANG_FILES_DIR": str(files),
           "DJANGO_SETTINGS_MODULE": "taizhang.settings"}  # fmt: skip

    def cli(*args):
        return subprocess.run([TAIZHANG, *args], env=env, capture_output=True, text=True,
                              timeout=300)  # fmt: skip

    return live, files, cli


def _sessions(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM django_session").fetchone()[0]


def test_sqlite_backups_taken_during_writes_restore_and_swap(site, tmp_path):
    live, files, cli = site
    stop, written, before = threading.Event(), [], _sessions(live)
    thread = _writer(lambda: sqlite3.connect(live, timeout=30), stop, written)
    try:
        made = [cli("backup", str(tmp_path / f"b{i}.zip")) for i in range(2)]
    finally:
        stop.set()
        thread.join()
    assert all(m.returncode == 0 for m in made), [m.stderr for m in made]
    assert written, "the writer ran during the backups"
    archive = tmp_path / "b1.zip"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert "files/cases/c1.pdf" in zipfile.ZipFile(archive).namelist()
    (files / "cases" / "c1.pdf").unlink()
    for i in range(2):
        done = cli("restore", str(tmp_path / f"b{i}.zip"))
        assert done.returncode == 0, done.stderr
        assert "行数校验一致" in done.stdout and "原数据保留为" in done.stdout
    dated = sorted(live.parent.glob("taizhang-*.sqlite3"), key=lambda p: p.stat().st_mtime)
    counts = [read_manifest(tmp_path / f"b{i}.zip")["counts"]["django_session"] for i in range(2)]
    assert len(dated) == 2, "each replaced file stays under a dated name"
    assert _sessions(dated[0]) == before + len(written)  # every acknowledged write kept
    assert _sessions(dated[1]) == counts[0] and _sessions(live) == counts[1]
    assert (files / "cases" / "c1.pdf").read_bytes() == b"%PDF-1.4 reply"
    with sqlite3.connect(live) as db:
        kind, summary = db.execute(
            "SELECT object_type, summary FROM core_auditevent ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert kind == "core.Backup" and "已替换数据库文件" in summary


def _corrupt(source: Path, target: Path) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "database":
                middle = len(data) // 2
                data = (
                    data[:middle]
                    + bytes(b ^ 0xFF for b in data[middle : middle + 64])
                    + (data[middle + 64 :])
                )
            new.writestr(item, data)


def test_sqlite_corrupted_backup_fails_without_touching_the_live_file(site, tmp_path):
    live, _files, cli = site
    assert cli("backup", str(tmp_path / "good.zip")).returncode == 0
    _corrupt(tmp_path / "good.zip", tmp_path / "bad.zip")
    before = hashlib.sha256(live.read_bytes()).hexdigest()
    done = cli("restore", str(tmp_path / "bad.zip"))
    assert done.returncode != 0 and "已损坏" in done.stderr
    assert hashlib.sha256(live.read_bytes()).hexdigest() == before
    leftovers = [p.name for p in live.parent.iterdir() if "restore" in p.name or "-20" in p.name]
    assert leftovers == []


def drop_side_databases() -> None:
    """Drop the databases a PostgreSQL restore made beside the test database."""
    connection.close()
    params = {**connection.get_connection_params(), "dbname": "postgres"}
    admin = connection.get_new_connection(params)
    admin.autocommit = True
    live = connection.settings_dict["NAME"]
    with admin.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [live + "\\_%"])
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def pg(world, settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    settings.MEDIA_ROOT = tmp_path / "files"
    yield
    drop_side_databases()


def _pg_sessions(dbname=None) -> int:
    raw = connection.get_new_connection({**connection.get_connection_params(),
                                         **({"dbname": dbname} if dbname else {})})  # fmt: skip
    with raw.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_session")
        count = cursor.fetchone()[0]
    raw.close()
    return count


def test_postgresql_backup_during_writes_restores_into_a_new_database(pg, tmp_path):
    def connect():
        raw = connection.get_new_connection(connection.get_connection_params())

        class Db:
            def execute(self, sql, params):
                with raw.cursor() as cursor:
                    cursor.execute(sql.replace("?", "%s"), params)

            commit, close = raw.commit, raw.close

        return Db()

    stop, written = threading.Event(), []
    thread = _writer(connect, stop, written)
    try:
        manifest = backup(tmp_path / "pg.zip")
    finally:
        stop.set()
        thread.join()
    assert written and stat.S_IMODE((tmp_path / "pg.zip").stat().st_mode) == 0o600
    kept = restore(tmp_path / "pg.zip")  # without replace: a new database, live untouched
    new_name = kept["new"].rsplit("/", 1)[1]
    assert kept["old"] is None and _pg_sessions(new_name) == manifest["counts"]["django_session"]
    switched = restore(tmp_path / "pg.zip", replace=True)
    assert switched["old"] and _pg_sessions(switched["old"]) >= _pg_sessions() - 1
    assert _pg_sessions() == manifest["counts"]["django_session"]


def test_postgresql_corrupted_backup_fails_without_touching_the_live_database(pg, tmp_path):
    backup(tmp_path / "good.zip")
    _corrupt(tmp_path / "good.zip", tmp_path / "bad.zip")
    before = _pg_sessions()
    with pytest.raises(BackupError, match="已损坏"):
        restore(tmp_path / "bad.zip", replace=True)
    assert _pg_sessions() == before
    with connection.cursor() as cursor:
        live = connection.settings_dict["NAME"]
        cursor.execute("SELECT COUNT(*) FROM pg_database WHERE datname LIKE %s", [live + "\\_%"])
        assert cursor.fetchone()[0] == 0
