"""A database lease so that one server at a time runs a periodic job, on any database."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from taizhang.core.models import JobLock


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def lock_acquire(name: str, *, seconds: int = 600) -> str | None:
    """Take the lease ``name`` unless another holder's lease is still running; return our id."""
    holder, now = _holder(), timezone.now()
    expires = now + timedelta(seconds=seconds)
    # An expired lease is taken over by a conditional update: only one server's UPDATE matches.
    taken = JobLock.objects.filter(name=name, expires_at__lte=now).update(
        holder=holder, expires_at=expires
    )
    if taken:
        return holder
    try:
        with transaction.atomic():
            JobLock.objects.create(name=name, holder=holder, expires_at=expires)
    except IntegrityError:
        return None  # the row exists and its lease is still running
    return holder


def lock_release(name: str, holder: str) -> None:
    JobLock.objects.filter(name=name, holder=holder).update(expires_at=timezone.now())


@contextmanager
def job_lock(name: str, *, seconds: int = 600) -> Iterator[bool]:
    """Yield True if this process holds the lease for the block, False if another does."""
    holder = lock_acquire(name, seconds=seconds)
    try:
        yield holder is not None
    finally:
        if holder is not None:
            lock_release(name, holder)
