"""Private temporary files: one folder per instance under the var directory, mode 0700.

Workbook uploads, exports, error copies and Django's spooled uploads are written here and
nowhere else (never the shared system temp folder). A file made for one request carries
the id of the process that made it (``<pid>-…``) and is removed on every path out of
that request; a file left behind by a process that died is removed when the next process
starts (:func:`clean_leftovers`, called from the core app's ``ready``).
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

OWNED = re.compile(r"^(\d+)-")
UPLOAD_MAX_AGE = 3600  # Django's own spooled uploads carry no pid; an hour is plenty
OWNED_MAX_AGE = 24 * 3600  # a pid may be reused; nothing of a request lives a day


def _private(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)  # also when it was made earlier with looser bits
    return path


def temp_root() -> Path:
    return _private(Path(settings.TEMP_DIR))


def private_dir(name: str) -> Path:
    """A 0700 sub-folder of the instance's temporary folder."""
    return _private(temp_root() / name)


def temp_path(suffix: str = "", *, folder: Path | None = None) -> Path:
    """A fresh path owned by this process (the file is not created)."""
    return (folder or temp_root()) / f"{os.getpid()}-{secrets.token_hex(12)}{suffix}"


@contextmanager
def temporary(suffix: str = "", *, folder: Path | None = None) -> Iterator[Path]:
    """A path that is removed however the block ends."""
    path = temp_path(suffix, folder=folder)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(now: float | None = None) -> list[Path]:
    """Remove what crashed requests left: files of dead processes, stale uploads."""
    root = Path(settings.TEMP_DIR)
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    for path in root.rglob("*"):
        try:
            if not path.is_file():
                continue
            age = now - path.stat().st_mtime
            owner = OWNED.match(path.name)
            if owner:
                stale = not _alive(int(owner.group(1))) or age > OWNED_MAX_AGE
            else:
                stale = path.parent.name == "uploads" and age > UPLOAD_MAX_AGE
            if stale:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def prepare() -> None:
    """At process start: make the folders (0700) and clean up after crashed processes."""
    temp_root()
    _private(Path(settings.FILE_UPLOAD_TEMP_DIR))
    clean_leftovers()
