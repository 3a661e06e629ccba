"""JSON error bodies in Chinese: one shape for every refusal the API gives."""

from __future__ import annotations

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from taizhang.api.auth import RateLimited, ScopeDenied
from taizhang.api.intake import IntakeInvalid

# Pydantic error types -> a Chinese sentence (the field is named beside it).
PYDANTIC_MESSAGES = {
    "missing": "必须填写。",
    "int_parsing": "须为整数。",
    "int_type": "须为整数。",
    "date_from_datetime_parsing": "须为日期，格式如 2025-03-01。",
    "date_parsing": "须为日期，格式如 2025-03-01。",
    "date_type": "须为日期，格式如 2025-03-01。",
    "string_type": "须为文本。",
    "list_type": "须为列表。",
    "bool_parsing": "须为 true 或 false。",
    "literal_error": "取值不在允许的范围内。",
    "enum": "取值不在允许的范围内。",
    "greater_than_equal": "数值过小。",
    "less_than_equal": "数值过大。",
    "string_too_long": "内容过长。",
    "json_invalid": "请求体不是合法的 JSON。",
    "model_attributes_type": "请求体须为 JSON 对象。",
    "dict_type": "请求体须为 JSON 对象。",
}


def error_body(detail: str, errors: list[dict] | None = None) -> dict:
    body: dict = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return body


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn refusals into Chinese JSON."""

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = api.create_response(
            request,
            error_body("未提供有效的接口令牌（缺失、错误、已过期或已吊销）。"),
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="taizhang"'
        return response

    @api.exception_handler(ScopeDenied)
    def read_only(request, exc):
        return api.create_response(request, error_body("该令牌为只读权限，不能写入。"), status=403)

    @api.exception_handler(RateLimited)
    def limited(request, exc):
        response = api.create_response(
            request,
            error_body(f"调用过于频繁，请在 {exc.rate.retry_after} 秒后重试。"),
            status=429,
        )
        response["Retry-After"] = str(exc.rate.retry_after)
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, error_body("未找到该记录，或您无权查看。"), status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, error_body(str(exc)), status=exc.status_code)

    @api.exception_handler(IntakeInvalid)
    def intake_invalid(request, exc):
        return api.create_response(
            request, error_body("登记信息有误，请按字段说明修改。", exc.errors), status=422
        )

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        errors = []
        for err in exc.errors:
            loc = [
                str(p)
                for p in err.get("loc", ())
                if p not in ("body", "query", "path", "header", "payload", "filters")
            ]
            field = ".".join(loc)
            errors.append(
                {
                    "field": field,
                    "message": PYDANTIC_MESSAGES.get(err.get("type", ""), "格式不正确。"),
                }
            )
        return api.create_response(
            request, error_body("请求参数有误，请按字段说明修改。", errors), status=422
        )
