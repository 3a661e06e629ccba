"""Second factor (TOTP, django-otp) for the roles that see across townships or the trail.

A user of such a role logs in in two steps: password, then a six-digit code from an
authenticator app (or one of ten single-use recovery codes). A user without a confirmed
authenticator enrols between the two steps. Admins and auditors keep one session at a
time: a new login ends the older one.
"""

from __future__ import annotations

import base64
import io

import segno
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils.module_loading import import_string
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from taizhang.core.roles import Role

SECOND_FACTOR_ROLES = frozenset({Role.ADMIN, Role.AUDITOR, Role.COUNTY})
SINGLE_SESSION_ROLES = frozenset({Role.ADMIN, Role.AUDITOR})
RECOVERY_COUNT = 10
APP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def needs_second_factor(user) -> bool:
    return getattr(user, "role", None) in SECOND_FACTOR_ROLES


def keeps_one_session(user) -> bool:
    return getattr(user, "role", None) in SINGLE_SESSION_ROLES


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being enrolled (one per user, made on first ask)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it: base32, in groups of four."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (made here, nothing fetched)."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, scale=4, dark="#000", light="#fff"
    )
    return buffer.getvalue().decode()


@transaction.atomic
def confirm_enrolment(*, user, code: str) -> list[str] | None:
    """Confirm the pending authenticator with a code from it; return new recovery codes.

    None when the code is wrong. Any older authenticator and recovery codes are replaced.
    """
    device = pending_device(user)
    if not device.verify_token(_digits(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_COUNT new single-use ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


@transaction.atomic
def enrol_confirmed(*, user) -> TOTPDevice:
    """Give ``user`` a confirmed authenticator at once (demo accounts; the printed key)."""
    device = confirmed_device(user)
    if device is None:
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=True)
    return device


def verify(user, code: str):
    """Return the device that accepts ``code`` (authenticator or a recovery code), or None.

    A recovery code is used up; the authenticator refuses a code already used and slows
    down after failures (django-otp's throttling).
    """
    code = (code or "").strip().replace(" ", "")
    device = confirmed_device(user)
    if device is not None and code.isdigit() and device.verify_token(code):
        return device
    for static in StaticDevice.objects.filter(user=user):
        if static.verify_token(code.lower()):
            return static
    return None


def _digits(code: str) -> str:
    return (code or "").strip().replace(" ", "")


def end_other_sessions(user, current_key: str | None) -> None:
    """End the sessions ``user`` had before this login (admins and auditors keep one)."""
    from django.conf import settings

    store: type[SessionBase] = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    previous = user.session_key
    if previous and previous != current_key:
        store().delete(previous)
    type(user).objects.filter(pk=user.pk).update(session_key=current_key or "")
    user.session_key = current_key or ""
