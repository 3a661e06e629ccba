"""The NinjaAPI of /api/v1/: bearer tokens on every data endpoint, Chinese errors.

django-ninja was chosen over DRF + drf-spectacular: its schema comes straight from the typed
signatures (one place for validation and documentation), and its wheel ships the Swagger UI
assets, served from our static files with no inline script, so the docs page works on a
closed network under the CSP.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from taizhang.api import errors
from taizhang.api.auth import TokenAuth
from taizhang.api.routers import cases, documents, figures, meetings, notices, people

api = NinjaAPI(
    title="台账接口",
    version="1",
    description=(
        "乡镇台账的 JSON 接口。每个请求须带 `Authorization: Bearer <令牌>`；"
        "令牌在“我的账号”页面或用 `taizhang token create` 签发，只读令牌不能写入。"
        "数据范围与网页完全一致（范围外的记录返回 404），个人信息打码，"
        "每次调用记入审计日志，每个令牌按分钟限流（超出返回 429）。"
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
for module in (figures, cases, notices, people, meetings, documents):
    api.add_router("", module.router)


def urlpatterns():
    """The API's URL patterns; tokens, not sessions, guard them (so no login redirect)."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = login_not_required(pattern.callback)
    return patterns, app_name, namespace
