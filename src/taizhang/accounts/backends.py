"""Authentication backend that refuses demo accounts outside a demo instance."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


def demo_logins_allowed() -> bool:
    """Demo accounts log in only where `taizhang demo` ran (its marker), never in production."""
    if getattr(settings, "PRODUCTION", False):
        return False
    return Path(settings.DEMO_MARKER).is_file()


class RoleAwareBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo", False) and not demo_logins_allowed():
            return False
        return super().user_can_authenticate(user)
