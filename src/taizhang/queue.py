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
        beat_schedule={
            "notify": {"task": "taizhang.notify", "schedule": settings.NOTIFY_INTERVAL_SECONDS},
        },
    )

    @celery.task(name="taizhang.notify")
    def notify() -> dict | None:
        from taizhang.cases.services.notify import notify_run

        return notify_run()

    return celery


app = make_app()
