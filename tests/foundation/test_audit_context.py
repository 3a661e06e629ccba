"""Audit rows name the actor and address of the request (or job) they were written in,
though services take neither the request nor the address."""

from __future__ import annotations

import ast
from pathlib import Path

from taizhang.core.audit import audit_context, current_context
from taizhang.core.models import AuditEvent, AuditKind
from taizhang.people import services as people

SRC = Path(__file__).resolve().parents[2] / "src" / "taizhang"


def test_a_page_write_records_the_user_and_address_of_its_request(login, world):
    response = login("alice").post(
        "/people/new/",
        {"name": "新来的", "gender": "女", "unit": world.village1.pk},
        REMOTE_ADDR="10.20.30.40",
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(kind=AuditKind.CREATE).latest("pk")
    assert (event.username, event.ip) == ("alice", "10.20.30.40")


def test_a_service_outside_any_request_records_no_address(world):
    people.person_create(name="命令行", unit=world.village1)
    event = AuditEvent.objects.filter(kind=AuditKind.CREATE).latest("pk")
    assert event.ip is None and event.user_id is None


def test_a_job_runs_in_the_audit_context_it_was_given(world):
    with audit_context(user=world.users["bob"], ip="192.0.2.7"):
        people.person_create(name="后台任务", unit=world.village1)
    event = AuditEvent.objects.filter(kind=AuditKind.CREATE).latest("pk")
    assert (event.username, event.ip) == ("bob", "192.0.2.7")
    assert current_context().actor is None  # the context ends with the block


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_no_view_writes_an_audit_row_itself():
    views = [
        *SRC.glob("*/views*.py"),
        *SRC.glob("*/views/*.py"),
        *SRC.glob("api/routers/*.py"),
    ]
    assert len(views) > 10
    writing = [str(p.relative_to(SRC)) for p in views if "audit_record" in _imported_names(p)]
    assert writing == []


def test_no_service_takes_the_request():
    services = [*SRC.glob("*/services.py"), *SRC.glob("*/services/*.py"), SRC / "core/records.py"]
    taking = []
    for path in services:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                names = [a.arg for a in (*node.args.args, *node.args.kwonlyargs)]
                if "request" in names:
                    taking.append(f"{path.relative_to(SRC)}:{node.name}")
    assert taking == []
