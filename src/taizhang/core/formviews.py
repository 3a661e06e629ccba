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


def flash_write(request, write: Callable[[], object], success: str | None = "已保存。") -> bool:
    """Run ``write()`` for a button posted from a page; flash the refusal or ``success``.

    For posts with no form to show again (open a session, tick a task, link a case).
    """
    try:
        write()
    except (ValidationError, ConflictError) as exc:
        messages.error(request, refusal_text(exc))
        return False
    if success:
        messages.success(request, success)
    return True


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
    return flash_write(request, lambda: write(data), success)


def add_refusal(form, exc: ValidationError | ConflictError) -> None:
    """Put a refused write on ``form``: each message on the field it names, else above the form.

    An edit conflict is marked on the form (``form.conflict``) so a page can answer 409.
    """
    if isinstance(exc, ConflictError):
        form.conflict = True
        form.add_error(None, str(exc))
    elif hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def form_write(form, write: Callable[[], T]) -> T | bool | None:
    """Run ``write()`` for a valid form: what it returns (True if nothing), or None when refused.

    The one way a page posts a form: a refusal lands on the form's fields (``add_refusal``)
    and the page renders the form again. Callers test the result's truth: a ``write`` that
    declines in its own way (after putting its reason on the form) returns False.
    """
    try:
        result = write()
    except (ValidationError, ConflictError) as exc:
        add_refusal(form, exc)
        return None
    return True if result is None else result


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
