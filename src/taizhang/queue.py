"""Optional Celery app: beat runs the notice sender when TAIZHANG_BROKER_URL is set.

Celery is an optional dependency (`pip install taizhang[queue]`); without it, or without a
broker, ``app`` is None and `taizhang notify` from cron does the same work.
"""

from __future__ import annotations

import os

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")

try:
    from celery import Celery
except ImportError:  # the project runs without a broker
    Celery = None


def make_app():
    """Return the Celery app with the beat schedule, or None without Celery or a broker."""
    if Celery is None or not settings.CELERY_BROKER_URL:
        return None
    django.setup()
    celery = Celery("taizhang", broker=settings.CELERY_BROKER_URL)
    celery.conf.update(
        timezone=settings.TIME_ZONE,
        task_ignore_result=True,
        worker_prefetch_multiplier=1,  # a killed worker holds at most one unfinished task
        beat_schedule={
            "notify": {"task": "taizhang.notify", "schedule": settings.NOTIFY_INTERVAL_SECONDS},
        },
    )

    @celery.task(name="taizhang.notify")
    def notify() -> dict | None:
        from taizhang.cases.services.notify import notify_run

        return notify_run()

    @celery.task(name="taizhang.batch_item", acks_late=True, reject_on_worker_lost=True)
    def batch_item(item_id: int) -> str:
        # Acknowledged only when done: a killed worker's document is delivered again, and
        # the item's own state makes the second delivery harmless.
        from taizhang.batch.services import batch_item_finish

        return batch_item_finish(item_id)

    from celery.signals import worker_ready

    @worker_ready.connect(weak=False)
    def resume_batches(**kwargs) -> None:
        # A worker killed mid-document leaves its item running and its message unacked
        # until the broker's visibility timeout; a starting worker sends such items again.
        from taizhang.batch.services import batch_resume_stale

        batch_resume_stale(celery)

    return celery


app = make_app()
