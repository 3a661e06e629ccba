"""Per-token rate limit over fixed windows; counters in the database, or Redis if configured.

Both stores are shared by every app server, so the limit holds however many processes run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from taizhang.api.models import ApiRateCounter


@dataclass(frozen=True)
class RateResult:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int


@cache
def _redis(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=2)


def _db_hit(token_id: int, window: int) -> int:
    """Count one request in the window and return the window's count so far."""
    with transaction.atomic():
        updated = ApiRateCounter.objects.filter(token_id=token_id, window=window).update(
            count=F("count") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    ApiRateCounter.objects.create(token_id=token_id, window=window, count=1)
            except IntegrityError:  # another server created it first: count on its row
                ApiRateCounter.objects.filter(token_id=token_id, window=window).update(
                    count=F("count") + 1
                )
        # The row stays locked by this transaction, so the count read back is exact.
        count = ApiRateCounter.objects.filter(token_id=token_id, window=window).values_list(
            "count", flat=True
        )[0]
    if count == 1:
        # First request of a window: drop windows older than an hour.
        ApiRateCounter.objects.filter(token_id=token_id, window__lt=window - 3600).delete()
    return count


def _redis_hit(url: str, token_id: int, window: int, seconds: int) -> int:
    key = f"taizhang:rate:{token_id}:{window}"
    pipe = _redis(url).pipeline()
    pipe.incr(key)
    pipe.expire(key, seconds * 2)
    count, _ = pipe.execute()
    return int(count)


def rate_hit(token_id: int, *, now: float | None = None) -> RateResult:
    """Count one request of ``token_id``; say whether it is within the limit."""
    limit = settings.API_RATE_LIMIT
    seconds = settings.API_RATE_WINDOW_SECONDS
    now = time.time() if now is None else now
    window = int(now // seconds * seconds)
    url = settings.TAIZHANG_REDIS_URL
    count = _redis_hit(url, token_id, window, seconds) if url else _db_hit(token_id, window)
    return RateResult(
        allowed=count <= limit,
        limit=limit,
        remaining=max(limit - count, 0),
        retry_after=max(int(window + seconds - now), 1),
    )
