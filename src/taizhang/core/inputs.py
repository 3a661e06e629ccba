"""One guard for all text a user sends: every form's fields and every query-string value.

A NUL character or an over-long value is refused here, before any field cleaning or query
runs, with a Chinese message naming the field. PostgreSQL cannot store NUL in text and
refuses a value longer than its column; both used to surface as server errors.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.http import Http404, QueryDict

NUL = "\x00"
# A text field with no length of its own (free text: minutes, remarks, document sections).
MAX_FREE_TEXT = 50_000
# Any other field (numbers, dates, choices, hidden ids): nothing legitimate is this long.
MAX_OTHER = 1_000
# A query-string value: search words, filters, page numbers.
MAX_QUERY = 200

NUL_MESSAGE = "含有空字符（NUL），请删除后再提交。"


def too_long_message(limit: int, length: int) -> str:
    return f"内容过长：最多 {limit} 个字符，当前 {length} 个。"


def text_problem(value, limit: int) -> str | None:
    """Return the Chinese reason ``value`` (a string or a list of strings) is refused."""
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if not isinstance(item, str):
            continue
        if NUL in item:
            return NUL_MESSAGE
        if len(item) > limit:
            return too_long_message(limit, len(item))
    return None


# The widest integer a database column takes (PostgreSQL integer; SQLite and bigint keys).
MAX_INT = 2**31 - 1
MAX_KEY = 2**63 - 1
NUMBER = re.compile(r"\s*[-+]?\d+\s*")


def number_problem(value, field: forms.Field) -> str | None:
    """A whole number too large for its column (an integer field or a record's id)."""
    if isinstance(field, forms.CharField) or not isinstance(value, (str, list, tuple)):
        return None
    limit = MAX_INT if isinstance(field, forms.IntegerField) else MAX_KEY
    for item in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(item, str) and NUMBER.fullmatch(item) and abs(int(item)) > limit:
            return "数值超出允许范围。"
    return None


def field_limit(field: forms.Field) -> int:
    if isinstance(field, forms.CharField):
        return field.max_length or MAX_FREE_TEXT
    return MAX_OTHER


class InputGuardMixin:
    """Refuse NUL and over-long raw input per field before the field's own cleaning runs.

    Every form of the project derives from this (``GuardedForm``/``GuardedModelForm`` or the
    mixin on a Django form); ``tests/trust/test_input_guard.py`` checks that none is left out.
    A refused field is left out of ``cleaned_data``, so ``clean()`` and the services never
    see the value.
    """

    def _clean_fields(self):
        refused = set()
        for name, bf in self._bound_items():
            if bf.field.disabled:
                continue
            problem = text_problem(bf.data, field_limit(bf.field)) or number_problem(
                bf.data, bf.field
            )
            if problem:
                self.add_error(name, problem)
                refused.add(name)
        if not refused:
            return super()._clean_fields()
        for name, bf in self._bound_items():
            if name in refused:
                continue
            try:
                self.cleaned_data[name] = bf.field._clean_bound_field(bf)
                if hasattr(self, f"clean_{name}"):
                    self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except forms.ValidationError as exc:
                self.add_error(name, exc)
        return None


class GuardedForm(InputGuardMixin, forms.Form):
    pass


class GuardedModelForm(InputGuardMixin, forms.ModelForm):
    pass


class QueryGuardMiddleware:
    """Drop refused query-string values before any view reads ``request.GET``.

    Search boxes and filters are read straight from the query string on many pages; here
    they pass the same guard as form fields. A dropped value is named in a message on the
    page. A NUL in the path itself (an id or a check-in token) is a page that cannot exist.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path:
            raise Http404("无此页面")
        refused = {}
        for key, values in request.GET.lists():
            if NUL in key:
                refused[key] = NUL_MESSAGE
            elif len(key) > MAX_QUERY:
                refused[key] = "名称过长。"
            elif problem := text_problem(values, MAX_QUERY):
                refused[key] = (
                    problem if problem == NUL_MESSAGE else f"内容过长（最多 {MAX_QUERY} 个字符）。"
                )
        if refused:
            kept = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                if key not in refused:
                    kept.setlist(key, values)
            kept._mutable = False
            request.GET = kept
            for key, reason in refused.items():
                name = key.replace(NUL, "")[:20] or "?"
                messages.warning(request, f"查询条件「{name}」已忽略：{reason}")
        return self.get_response(request)


class VersionField(forms.IntegerField):
    """The hidden field that carries the version of the row a form was filled from.

    0 when the form offered to create a row. A missing or malformed value is refused with
    the message the write itself would give (other forms' Chinese defaults don't apply).
    """

    widget = forms.HiddenInput

    def clean(self, value):
        from taizhang.core.versioning import MISSING, parse_version

        version = parse_version(value)
        if version is None:
            if not self.required and value in self.empty_values:
                return None
            raise forms.ValidationError(MISSING, code="version")
        return version


def version_field(*, required: bool = True) -> VersionField:
    return VersionField(label="版本号", initial=0, required=required)
