"""Test settings: the normal settings with fast hashing; database from the environment."""

from __future__ import annotations

import os

os.environ.setdefault("TAIZHANG_ENV", "test")

from taizhang.settings import *  # noqa: E402,F403
from taizhang.settings import DATABASES, VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": None}  # in memory
MEDIA_ROOT = VAR_DIR / "test-files"
