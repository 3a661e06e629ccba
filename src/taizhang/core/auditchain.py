"""Audit trail integrity: hash chain, the database guard's privileged path, verify, archive."""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

GENESIS = "0" * 64
# PostgreSQL: the guard lets DELETE/TRUNCATE/UPDATE through while this setting is on.
PURGE_SETTING = "taizhang.audit_purge"
# PostgreSQL: one advisory lock serialises appends so each row links to the one before.
CHAIN_LOCK = 0x74A1_2A1D


def canonical(row: dict) -> str:
    """Return the text a row's hash covers (every stored field but the hashes)."""
    at = row["at"].astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields = {
        "at": at,
        "user_id": row["user_id"],
        "username": row["username"],
        "ip": row["ip"] or "",
        "kind": row["kind"],
        "object_type": row["object_type"],
        "object_id": row["object_id"],
        "outcome": row["outcome"],
        "summary": row["summary"],
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def link_hash(prev: str, row: dict) -> str:
    return hashlib.sha256(f"{prev}\n{canonical(row)}".encode()).hexdigest()


def chain_head(using: str = "default") -> str:
    """Lock the chain for this transaction and return the hash the next row links to."""
    from taizhang.core.models import AuditArchive, AuditEvent

    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
    last = AuditEvent.objects.using(using).order_by("-id").values_list("hash", flat=True).first()
    if last:
        return last
    anchor = AuditArchive.objects.using(using).order_by("-id").values_list("anchor", flat=True)
    return anchor.first() or GENESIS


def sqlite_guard_function(sender, connection, **kwargs) -> None:
    """Give each SQLite connection the guard's switch (off unless the purge path opens it)."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function(
        "taizhang_audit_purge", 0, lambda: 1 if getattr(connection, "audit_purge", False) else 0
    )


@contextmanager
def audit_purge_path(using: str = "default"):
    """Open the one path the database guard lets through (archive and test flushes)."""
    connection = connections[using]
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', false)", [PURGE_SETTING])
        try:
            yield
        finally:
            if connection.connection is not None and not connection.needs_rollback:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config(%s, 'off', false)", [PURGE_SETTING])
        return
    connection.audit_purge = True
    try:
        yield
    finally:
        connection.audit_purge = False


@dataclass
class Break:
    id: int
    at: datetime
    reason: str


def audit_verify(using: str = "default") -> tuple[int, Break | None]:
    """Walk the chain in id order; return rows checked and the first broken link, if any."""
    from taizhang.core.models import AuditArchive, AuditEvent

    anchor = AuditArchive.objects.using(using).order_by("-id").values_list("anchor", flat=True)
    prev = anchor.first() or GENESIS
    fields = ["id", "at", "user_id", "username", "ip", "kind", "object_type", "object_id",
              "outcome", "summary", "prev_hash", "hash"]  # fmt: skip
    checked = 0
    rows = AuditEvent.objects.using(using).order_by("id").values(*fields)
    for row in rows.iterator(chunk_size=5000):
        if row["prev_hash"] != prev:
            return checked, Break(
                row["id"], row["at"], "与上一条记录的链接不符（记录被删除或插入）"
            )
        if row["hash"] != link_hash(prev, row):
            return checked, Break(row["id"], row["at"], "内容与其校验值不符（记录被改动）")
        prev = row["hash"]
        checked += 1
    return checked, None


def retention_cutoff() -> date:
    """The earliest date an archive may reach: rows younger than the retention stay."""
    return timezone.localdate() - settings.AUDIT_RETENTION


def audit_archive(*, before: date, directory, using: str = "default") -> tuple[int, str]:
    """Move rows older than ``before`` to an archive file (0600) with its chain anchor."""
    from taizhang.core.models import AuditArchive, AuditEvent

    if before > retention_cutoff():
        raise ValueError(
            f"审计日志至少保留{settings.AUDIT_RETENTION.days}天，"
            f"只能归档{retention_cutoff().isoformat()}之前的记录"
        )
    problems = audit_verify(using)[1]
    if problems is not None:
        raise ValueError(f"审计链在第{problems.id}条记录处断开，请先核查，不能归档")
    limit = timezone.make_aware(datetime.combine(before, time.min))
    with transaction.atomic(using=using):
        head = chain_head(using)  # takes the chain lock
        del head
        old = AuditEvent.objects.using(using).filter(at__lt=limit).order_by("id")
        rows = list(old.values())
        if not rows:
            return 0, ""
        last_id = rows[-1]["id"]
        newer = AuditEvent.objects.using(using).filter(id__lte=last_id, at__gte=limit)
        if newer.exists():
            raise ValueError("归档范围内的记录时间顺序不一致，请先核查")
        os.makedirs(directory, mode=0o700, exist_ok=True)
        path = os.path.join(str(directory), f"audit-before-{before.isoformat()}-{last_id}.jsonl")
        header = {"kind": "taizhang-audit-archive", "before": before.isoformat(),
                  "first_prev_hash": rows[0]["prev_hash"], "anchor": rows[-1]["hash"],
                  "rows": len(rows)}  # fmt: skip
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for row in rows:
                row = {**row, "at": row["at"].astimezone(UTC).isoformat()}
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            out.flush()
            os.fsync(out.fileno())
        AuditArchive.objects.using(using).create(
            before=before, rows=len(rows), last_id=last_id, anchor=rows[-1]["hash"], file=path
        )
        with audit_purge_path(using):
            connections[using].cursor().execute(
                "DELETE FROM core_auditevent WHERE id <= %s", [last_id]
            )
    return len(rows), path
