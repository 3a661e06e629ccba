"""Every API call in the audit trail (identifiers only), with rate-limit headers."""

from __future__ import annotations

from taizhang.core.audit import AuditKind, audit_record

API_PREFIX = "/api/v1/"
UNAUDITED = ("/api/v1/openapi.json", "/api/v1/docs")


class ApiAuditMiddleware:
    """Record method, path, status and token id of each /api/v1/ call (no query string)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = self.get_response(request)
        rate = getattr(request, "api_rate", None)
        if rate is not None:
            response["X-RateLimit-Limit"] = str(rate.limit)
            response["X-RateLimit-Remaining"] = str(rate.remaining)
        if not request.path.startswith(UNAUDITED):
            token = getattr(request, "api_token", None)
            user = token.user if token is not None else None
            status = response.status_code
            audit_record(
                kind=AuditKind.API,
                user=user,
                request=request,
                object_type="api.ApiToken" if token is not None else "",
                object_id=token.pk if token is not None else "",
                outcome="成功" if status < 400 else "拒绝",
                summary=f"{request.method} {request.path[:200]} → {status}",
            )
        return response
