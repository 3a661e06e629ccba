"""Where indexes built at first use are kept between processes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_VERSION = "3"


def cache_file(name: str, sources: list[Path], suffix: str) -> Path | None:
    """Where indexes built from ``sources`` are kept between processes (None: no cache):
    the name carries a digest of the sources, so a changed source builds them again."""
    root = os.environ.get("TAIZHANG_CACHE_DIR")
    if root == "":
        return None
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for path in sources:
        digest.update(path.read_bytes())
    return (base if root else base / "taizhang") / f"{name}-{digest.hexdigest()[:16]}{suffix}"
