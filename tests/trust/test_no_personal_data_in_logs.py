"""#12.8: audit summaries name records by id; the access log keeps no search terms."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.core.models import AuditEvent
from taizhang.people import services as people


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_audit_summaries_hold_ids_not_names(login, world):
    alice = world.users["alice"]
    start = AuditEvent.objects.count()
    person = people.person_create(name="欧阳明月", gender="女", unit=world.village1,
                                  address="测试县甲乡一村8号", actor=alice)  # fmt: skip
    person = people.person_update(person=person, expected_version=person.version,
                                  phone="13800001111", actor=alice)  # fmt: skip
    people.person_reveal(person=person, actor=alice)
    deputy = people.deputy_create(person=person, level="乡镇", term="第十四届",
                                  township=world.jia, start=date(2024, 1, 1), actor=alice)  # fmt: skip
    people.deputy_update(deputy=deputy, expected_version=deputy.version, actor=alice)
    people.post_create(person=person, unit=world.jia, title="副乡长", start=date(2024, 1, 1),
                       actor=alice)  # fmt: skip
    client = login("alice")
    upload = SimpleUploadedFile("欧阳明月的台账.pdf", b"%PDF-1.4")
    client.post("/exchange/upload/", {"file": upload})
    events = list(AuditEvent.objects.order_by("pk")[start:])
    assert len(events) >= 7
    for event in events:
        assert "欧阳" not in event.summary and "明月" not in event.summary, event.summary
    assert any(f"#{person.pk}" in e.summary for e in events)


def _serve_and_ask(tmp_path, log, path: str) -> tuple[bool, str]:
    """Start gunicorn on a free port and GET ``path`` once; try another port if the one
    picked was taken meanwhile (a live server of a parallel test can grab it)."""
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "taizhang.settings_test", "TAIZHANG_ENV": "test",
           "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}  # fmt: skip
    gunicorn = Path(sys.executable).with_name("gunicorn")
    errors = ""
    for attempt in range(3):
        port = _free_port()
        err = tmp_path / f"gunicorn-{attempt}.err"
        server = subprocess.Popen(
            [str(gunicorn), "taizhang.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--access-logfile", str(log),
             "--logger-class", "taizhang.accesslog.PrivateAccessLogger"],
            env=env, stdout=subprocess.DEVNULL, stderr=err.open("wb"),
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}{path}"
        answered = False
        try:
            deadline = time.monotonic() + 300  # a loaded machine starts gunicorn slowly
            while not answered and time.monotonic() < deadline and server.poll() is None:
                try:
                    request = urllib.request.Request(url, headers={"Referer": url})
                    urllib.request.urlopen(request, timeout=30)  # noqa: S310 (loopback)
                    answered = True
                except urllib.error.HTTPError:
                    answered = True
                except OSError:
                    time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=60)  # the log is complete once the server has exited
        if answered:
            return True, ""
        errors += err.read_text(encoding="utf-8", errors="replace")[-1500:]
    return False, errors


def test_the_access_log_records_a_search_but_not_its_term(tmp_path):
    log = tmp_path / "access.log"
    term = urllib.parse.quote("欧阳明月")
    answered, errors = _serve_and_ask(tmp_path, log, f"/people/?q={term}&page=2")
    assert answered, "gunicorn did not answer: " + errors
    text = log.read_text(encoding="utf-8")
    assert "GET /people/?{q,page} HTTP/1.1" in text
    assert term not in text and "欧阳" not in text and "%E6" not in text
