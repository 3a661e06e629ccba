"""Password rules: Django's checks with Chinese messages, and the complexity rule (等保 level 2)."""

from __future__ import annotations

import string

from django.conf import settings
from django.contrib.auth import password_validation as django_rules
from django.core.exceptions import ValidationError


# Django's own messages are partly untranslated in zh-hans (the length rule stays English),
# so each rule the project uses says its message here, in Chinese.
class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"密码太短，至少需要{self.min_length}个字符。"

    def get_help_text(self) -> str:
        return f"至少{self.min_length}个字符。"


class UserAttributeSimilarityValidator(django_rules.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return "密码与%(verbose_name)s太相似。"

    def get_help_text(self) -> str:
        return "不能与用户名、姓名等个人信息相似。"


class CommonPasswordValidator(django_rules.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "这个密码太常见，容易被猜中。"

    def get_help_text(self) -> str:
        return "不能使用常见密码。"


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "密码不能全是数字。"

    def get_help_text(self) -> str:
        return "不能全是数字。"


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
