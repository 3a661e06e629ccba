"""Case intake from other systems: the registration form and service, once per idempotency key."""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from ninja.errors import HttpError

from taizhang.api.models import IdempotencyKey
from taizhang.cases import services
from taizhang.cases.forms import RegisterForm
from taizhang.cases.models import Case
from taizhang.cases.workflow import REGISTER_KINDS
from taizhang.core.models import OrgUnit


class IntakeInvalid(Exception):
    """The posted case failed the form or the service; ``errors`` name each field."""

    def __init__(self, errors: list[dict]):
        super().__init__("invalid")
        self.errors = errors


def _form_data(payload: dict) -> dict:
    data = {}
    for key, value in payload.items():
        if value is None or key == "kind":
            continue
        if isinstance(value, list):
            data[key] = [str(v) for v in value]
        elif hasattr(value, "isoformat"):
            data[key] = value.isoformat()
        else:
            data[key] = str(value)
    data.setdefault("registered", timezone.localdate().isoformat())
    return data


def _errors(form, mapping: dict[str, list[str]]) -> list[dict]:
    out = []
    for field, messages in mapping.items():
        label = form.fields[field].label if field in form.fields else ""
        for message in messages:
            out.append(
                {"field": "" if field == "__all__" else field, "label": label, "message": message}
            )
    return out


def case_intake(*, user, key: str, payload: dict) -> tuple[Case, bool]:
    """Register the case ``payload`` describes unless ``key`` already did; return (case, created).

    The key row is inserted first under a unique constraint: of two concurrent requests with
    one key, the second waits for the first to commit, then returns the first one's case.
    """
    kind = payload.get("kind")
    if kind not in REGISTER_KINDS.get(user.role, []):
        raise HttpError(403, f"您的角色不能登记{kind or '事项'}。")
    if user.township_id is None:
        raise HttpError(403, "您的账号未关联乡镇，不能登记事项。")
    fingerprint = hashlib.sha256(
        json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = IdempotencyKey.objects.create(user=user, key=key, fingerprint=fingerprint)
        except IntegrityError:
            entry = IdempotencyKey.objects.select_related("case").get(user=user, key=key)
            if entry.fingerprint != fingerprint:
                raise HttpError(409, "该幂等键已用于另一份内容不同的请求。") from None
            if entry.case is None:
                raise HttpError(409, "该幂等键对应的事项已不存在。") from None
            return entry.case, False
        township = OrgUnit.objects.get(pk=user.township_id)
        form = RegisterForm(_form_data(payload), kind=kind, township=township, user=user)
        if not form.is_valid():
            raise IntakeInvalid(_errors(form, form.errors))
        try:
            case = services.case_register(
                kind=kind, township=township, actor=user, **form.service_kwargs()
            )
        except ValidationError as exc:
            mapping = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            raise IntakeInvalid(_errors(form, mapping)) from exc
        entry.case = case
        entry.save(update_fields=["case"])
    return case, True
