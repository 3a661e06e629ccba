"""GB 11643 citizen ID numbers and mainland mobile numbers."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
ID_RE = re.compile(r"^\d{17}[\dX]$")
PHONE_RE = re.compile(r"^1\d{10}$")


def id_check_char(first17: str) -> str:
    """Return the GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def id_number_problem(value: str) -> str | None:
    """Return a Chinese description of what is wrong with an ID number, or None."""
    value = value.strip().upper()
    if not ID_RE.match(value):
        return "身份证号应为18位，前17位为数字，最后一位为数字或X"
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号中的出生日期无效"
    if id_check_char(value[:17]) != value[17]:
        return "身份证号校验码不正确"
    return None


def validate_id_number(value: str) -> None:
    problem = id_number_problem(value)
    if problem:
        raise ValidationError(problem, code="id_number")


def validate_phone(value: str) -> None:
    if not PHONE_RE.match(value.strip()):
        raise ValidationError("手机号应为以1开头的11位数字", code="phone")


def mask_id(value: str) -> str:
    if not value:
        return ""
    return value[:6] + "*" * 8 + value[-4:] if len(value) == 18 else "*" * len(value)


def mask_phone(value: str) -> str:
    if not value:
        return ""
    return value[:3] + "****" + value[-4:] if len(value) == 11 else "*" * len(value)


VILLAGE_END = re.compile(r"^(.*?(?:村|社区|屯|组))")


def mask_address(value: str) -> str:
    """Cut an address after the village (村/社区/屯/组); otherwise keep the first 6 characters."""
    if not value:
        return ""
    match = VILLAGE_END.match(value)
    return (match.group(1) if match else value[:6]) + "***"
