"""Authentication backend that refuses demo accounts in production."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class RoleAwareBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        if getattr(settings, "PRODUCTION", False) and getattr(user, "is_demo", False):
            return False
        return super().user_can_authenticate(user)
