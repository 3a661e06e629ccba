"""View helpers for posted forms: run the write, turn refusals into Chinese errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError

from taizhang.core.versioning import ConflictError

T = TypeVar("T")


def error_text(exc: ValidationError) -> str:
    """Join a ValidationError's messages the way every page shows them."""
    return "；".join(exc.messages)


def refusal_text(exc: ValidationError | ConflictError) -> str:
    """Return the Chinese text of a refused write: validation messages or an edit conflict."""
    return error_text(exc) if isinstance(exc, ValidationError) else str(exc)


def flash_form_errors(request, form) -> None:
    """Flash each field's errors, prefixed with the field's label (not a hidden one's)."""
    for field, errors in form.errors.items():
        shown = field in form.fields and not form.fields[field].widget.is_hidden
        label = form.fields[field].label if shown else ""
        messages.error(request, f"{label}：{'；'.join(errors)}" if label else "；".join(errors))


def flash_post(request, form, write: Callable[[dict], object], success: str = "已保存。") -> bool:
    """Run ``write(cleaned_data)`` for a valid form; flash the outcome; return True on success.

    For the small forms posted from a detail page, which redirect back whatever happens.
    A form's hidden ``version`` reaches the write as ``expected_version``.
    """
    if not form.is_valid():
        flash_form_errors(request, form)
        return False
    data = dict(form.cleaned_data)
    if "version" in data:
        data["expected_version"] = data.pop("version")
    try:
        write(data)
    except (ValidationError, ConflictError) as exc:
        messages.error(request, refusal_text(exc))
    else:
        messages.success(request, success)
        return True
    return False


def form_write(form, write: Callable[[], T]) -> T | None:
    """Return what ``write()`` returns; a refusal becomes a non-field error on ``form`` (None)."""
    try:
        return write()
    except (ValidationError, ConflictError) as exc:
        form.add_error(None, refusal_text(exc))
    return None


def form_save_record(
    request, form, *, obj, create, update, arg: str, exclude: tuple[str, ...] = (), **create_kwargs
):
    """Create a record from a valid ``form``, or update ``obj`` (passed as ``arg``) at its version.

    ``create_kwargs`` go to ``create`` only; fields in ``exclude`` go to neither service.
    Returns the saved record, or None with the refusal added to the form.
    """
    data = {k: v for k, v in form.cleaned_data.items() if k != "version" and k not in exclude}

    def write():
        if obj is None:
            return create(actor=request.user, **create_kwargs, **data)
        return update(
            **{arg: obj},
            expected_version=form.cleaned_data.get("version"),
            actor=request.user,
            **data,
        )

    return form_write(form, write)
