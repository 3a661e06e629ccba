"""Password complexity rule (等保 level 2): a configurable number of character classes."""

from __future__ import annotations

import string

from django.conf import settings
from django.core.exceptions import ValidationError

CLASSES = {
    "小写字母": set(string.ascii_lowercase),
    "大写字母": set(string.ascii_uppercase),
    "数字": set(string.digits),
    "特殊字符": set(string.punctuation),
}


class ComplexityValidator:
    """Require at least N of: lower case, upper case, digits, punctuation."""

    def __init__(self, classes: int | None = None):
        self.classes = classes

    @property
    def required(self) -> int:
        return self.classes or getattr(settings, "PASSWORD_COMPLEXITY_CLASSES", 3)

    def validate(self, password: str, user=None) -> None:
        found = sum(1 for chars in CLASSES.values() if chars & set(password))
        if found < self.required:
            raise ValidationError(
                f"密码须至少包含以下{self.required}类字符：小写字母、大写字母、数字、特殊字符。",
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return f"至少包含小写字母、大写字母、数字、特殊字符中的{self.required}类。"
