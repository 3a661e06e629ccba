"""The year-end batch on a real Celery worker against a private Redis (PostgreSQL pass).

The worker is a separate process, so it must see the test database: on PostgreSQL it
connects to the test database itself; the in-memory SQLite test database can't be shared
with another process, so the SQLite pass runs the same tasks eagerly (test_batch.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.db import connection

from taizhang.batch.models import BatchItem, BatchRun, ItemState

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a worker process can't share in-memory SQLite"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is missing: run `make test`, which installs it")
    port = _free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


def _worker(redis_url: str, var_dir: Path) -> subprocess.Popen:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **os.environ,
        "TAIZHANG_BROKER_URL": redis_url,
        "TAIZHANG_DATABASE_URL": url,
        "TAIZHANG_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "taizhang.settings",
    }
    celery = Path(sys.executable).with_name("celery")
    return subprocess.Popen(
        [str(celery), "-A", "taizhang.queue", "worker", "--pool=solo", "--concurrency=1",
         "--loglevel=WARNING", "--without-heartbeat", "--without-gossip", "--without-mingle"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _wait(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_a_killed_worker_is_replaced_and_the_run_finishes_without_duplicates(
    redis_url, settings, tmp_path
):
    from taizhang.batch.services import batch_create, batch_dispatch
    from taizhang.core.models import OrgUnit
    from taizhang.demo.loader import load_demo

    load_demo()
    settings.CELERY_BROKER_URL = redis_url
    settings.VAR_DIR = tmp_path
    township = OrgUnit.objects.get(kind="township", name="烽火乡")
    run = batch_create(year=2025, townships=[township], kinds=["deputy"])
    total = run.items.count()
    assert total > 10
    assert batch_dispatch(run) == "celery"

    items = BatchItem.objects.filter(run=run)
    worker = _worker(redis_url, tmp_path)
    try:
        assert _wait(lambda: items.filter(state=ItemState.DONE).count() >= 3, 120)
        worker.send_signal(signal.SIGKILL)  # mid-run, as a crash or an OOM kill would
        worker.wait(10)
        assert items.exclude(state__in=["done", "refused", "failed"]).exists()
        worker = _worker(redis_url, tmp_path)
        assert _wait(lambda: BatchRun.objects.get(pk=run.pk).archive != "", 240)
    finally:
        worker.terminate()
        worker.wait(10)
    run.refresh_from_db()
    assert items.filter(state=ItemState.FAILED).count() == 0
    assert all(i.attempts <= 2 for i in items)
    with zipfile.ZipFile(run.archive) as archive:
        docs = [n for n in archive.namelist() if n.endswith(".docx")]
    assert len(docs) == len(set(docs)) == items.filter(state=ItemState.DONE).count()
