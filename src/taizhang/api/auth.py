"""Bearer-token authentication: digest look-up, read/write scope, rate limit; default deny."""

from __future__ import annotations

from ninja.security import HttpBearer

from taizhang.api.models import TokenScope
from taizhang.api.ratelimit import RateResult, rate_hit
from taizhang.api.tokens import token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ScopeDenied(Exception):
    """A read-only token was used for a write."""


class RateLimited(Exception):
    def __init__(self, rate: RateResult):
        super().__init__("rate limited")
        self.rate = rate


class TokenAuth(HttpBearer):
    """Authenticate ``Authorization: Bearer tz_…``; the request then acts as the token's user."""

    openapi_description = "在“我的账号”页面或用 `taizhang token create` 签发的令牌"

    def authenticate(self, request, token: str):
        found = token_authenticate(token)
        if found is None:
            return None
        rate = rate_hit(found.pk)
        request.api_rate = rate
        request.api_token = found
        if not rate.allowed:
            raise RateLimited(rate)
        if request.method not in SAFE_METHODS and found.scope != TokenScope.WRITE:
            raise ScopeDenied()
        # Every read below goes through for_user(request.user), exactly as the pages do.
        request.user = found.user
        return found
