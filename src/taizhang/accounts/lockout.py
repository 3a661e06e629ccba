"""Lockout per account across addresses, on top of django-axes' lock per user name and address.

A password (or a second-factor code) tried from many machines never reaches the per-address
limit on any one of them; the failures are summed over all addresses here.
"""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


def account_locked(username: str) -> bool:
    """True when ``username`` failed ACCOUNT_LOCKOUT_FAILURES times within the cool-off."""
    if not username:
        return False
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    totals = AccessAttempt.objects.filter(username=username[:255]).aggregate(
        failures=Sum("failures_since_start"), latest=Max("attempt_time")
    )
    if not totals["failures"] or totals["latest"] is None or totals["latest"] < since:
        return False
    return totals["failures"] >= settings.ACCOUNT_LOCKOUT_FAILURES
