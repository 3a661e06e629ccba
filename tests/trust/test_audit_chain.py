"""The audit trail is a hash chain the database itself refuses to rewrite."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone


def _events(n: int, user=None):
    from taizhang.core.audit import AuditKind, audit_record

    return [audit_record(kind=AuditKind.UPDATE, user=user, summary=f"第{i}次") for i in range(n)]


def _refused(sql: str, params=()):
    with pytest.raises(DatabaseError) as caught, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    return str(caught.value)


def test_rows_link_to_the_row_before(db):
    first, second = _events(2)
    assert first.prev_hash == "0" * 64
    assert second.prev_hash == first.hash
    assert len(second.hash) == 64


def test_raw_sql_update_is_refused(db):
    (event,) = _events(1)
    message = _refused("UPDATE core_auditevent SET summary = 'x' WHERE id = %s", [event.pk])
    assert "审计记录不可修改或删除" in message


def test_raw_sql_delete_is_refused(db):
    (event,) = _events(1)
    _refused("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    _refused("DELETE FROM core_auditevent")
    from taizhang.core.models import AuditEvent

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_raw_sql_truncate_is_refused_on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its bare DELETE is refused above")
    _events(1)
    _refused("TRUNCATE core_auditevent")
    _refused("TRUNCATE core_auditevent CASCADE")


def test_deleting_a_user_keeps_their_audit_rows(world):
    from taizhang.core.models import AuditEvent

    bob = world.users["bob"]
    (event,) = _events(1, user=bob)
    with pytest.raises(ProtectedError):
        bob.delete()
    assert AuditEvent.objects.get(pk=event.pk).user_id == bob.pk


def test_verify_reports_the_first_broken_link(db):
    from taizhang.core.auditchain import audit_purge_path

    events = _events(5)
    call_command("audit", "verify")
    with audit_purge_path(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET summary = '改过' WHERE id = %s", [events[2].pk])
    with pytest.raises(CommandError) as caught:
        call_command("audit", "verify")
    assert f"第 {events[2].pk} 条" in str(caught.value)
    assert "内容与其校验值不符" in str(caught.value)


def test_verify_notices_a_deleted_row(db):
    from taizhang.core.auditchain import audit_purge_path, audit_verify

    events = _events(4)
    with audit_purge_path(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [events[1].pk])
    checked, broken = audit_verify()
    assert (checked, broken.id) == (1, events[2].pk)


def test_archive_respects_retention_and_keeps_the_chain(db, tmp_path, settings):
    import json
    import os
    import stat

    from taizhang.core.models import AuditEvent

    settings.AUDIT_RETENTION = timedelta(days=183)
    old_day = timezone.now() - timedelta(days=400)
    with time_at(old_day):
        old = _events(3)
    recent = _events(2)
    too_recent = (timezone.localdate() - timedelta(days=30)).isoformat()
    with pytest.raises(CommandError, match="至少保留"):
        call_command("audit", "archive", "--before", too_recent, "--dir", str(tmp_path))
    cutoff = (timezone.localdate() - timedelta(days=200)).isoformat()
    call_command("audit", "archive", "--before", cutoff, "--dir", str(tmp_path))
    assert list(AuditEvent.objects.order_by("id").values_list("id", flat=True)) == [
        e.pk for e in recent
    ]
    (path,) = list(tmp_path.iterdir())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["anchor"] == old[-1].hash and header["rows"] == 3
    assert [json.loads(line)["id"] for line in lines[1:]] == [e.pk for e in old]
    call_command("audit", "verify")  # the remaining chain starts at the archive's anchor
    _events(1)
    call_command("audit", "verify")


def time_at(moment):
    import time_machine

    return time_machine.travel(moment, tick=True)
