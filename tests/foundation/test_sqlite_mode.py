"""SQLite done right: WAL, IMMEDIATE transactions and a busy timeout, so writers queue."""

from __future__ import annotations

import threading

import pytest
from django.db.utils import ConnectionHandler

from taizhang.settings import database_config


@pytest.fixture
def sqlite_file(tmp_path, monkeypatch, django_db_blocker):
    """A file database built from the real settings (not the in-memory test database)."""
    monkeypatch.delenv("TAIZHANG_DATABASE_URL", raising=False)
    config = {**database_config(), "NAME": str(tmp_path / "wal.sqlite3")}
    handler = ConnectionHandler({"default": config})
    with django_db_blocker.unblock():
        yield handler, config
        handler.close_all()


def test_file_database_uses_wal_immediate_and_a_busy_timeout(sqlite_file):
    handler, config = sqlite_file
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with handler["default"].cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_concurrent_writers_wait_instead_of_failing(sqlite_file):
    _, config = sqlite_file
    setup = ConnectionHandler({"default": config})["default"]
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE t (n INTEGER)")
    setup.close()
    errors = []

    def writer(k: int) -> None:
        conn = ConnectionHandler({"default": config})["default"]
        try:
            for i in range(20):
                with conn.cursor() as cursor:
                    cursor.execute("BEGIN IMMEDIATE")
                    cursor.execute("SELECT COUNT(*) FROM t")
                    cursor.execute("INSERT INTO t VALUES (%s)", [k * 100 + i])
                    cursor.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001 - any failure is the finding
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = ConnectionHandler({"default": config})["default"]
    with check.cursor() as cursor:
        assert cursor.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 80
    check.close()
