"""Server-error logging: every 500 is written with its traceback, personal data masked.

Records go to stderr and, when ``TAIZHANG_LOG_DIR`` is set, to one file per process
(``taizhang-<pid>.log``), so gunicorn workers never interleave lines in one file.
No Django imports: settings.py builds its LOGGING from here.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

# Mainland ID numbers, mobile numbers, and quoted values in exception texts (a database
# error may quote the value it refused, which may be a name or an address).
_ID = re.compile(r"(?<!\d)\d{6}(?:19|20)\d{2}\d{7}[\dXx](?!\d)")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_QUOTED = re.compile(r"(=\()[^)]*(\))|\"[^\"\n]*\"|'[^'\n]*'")


def mask_numbers(text: str) -> str:
    """Mask ID numbers and mobile numbers."""
    return _PHONE.sub("[手机号]", _ID.sub("[身份证号]", text))


def redact(text: str) -> str:
    """Mask ID numbers, phones and quoted values in a log line."""
    text = mask_numbers(text)
    return _QUOTED.sub(lambda m: f"{m.group(1)}…{m.group(2)}" if m.group(1) else "'…'", text)


class RedactingFormatter(logging.Formatter):
    """Standard format; numbers masked throughout, quoted values in exception texts too."""

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        text = super().formatException(ei)
        lines = text.splitlines()
        # Frames are 'File ...' lines followed by source lines; the exception texts are
        # the lines that start at column 0 and are not 'Traceback' or chain notes.
        out = []
        for line in lines:
            if line and not line.startswith((" ", "Traceback", "During handling", "The above")):
                line = redact(line)
            out.append(mask_numbers(line))
        return "\n".join(out)

    def format(self, record) -> str:
        record.msg, record.args = redact(record.getMessage()), None
        return super().format(record)


class PerProcessFileHandler(logging.Handler):
    """Append to ``<directory>/taizhang-<pid>.log``, opened lazily by the process that logs."""

    def __init__(self, directory: str):
        super().__init__()
        self.directory = Path(directory)
        self._pid = None
        self._handler = None

    def emit(self, record) -> None:
        pid = os.getpid()
        if self._handler is None or self._pid != pid:  # first record, or a forked worker
            self.directory.mkdir(parents=True, exist_ok=True)
            self._handler = logging.FileHandler(
                self.directory / f"taizhang-{pid}.log", encoding="utf-8"
            )
            self._handler.setFormatter(self.formatter)
            self._pid = pid
        self._handler.emit(record)

    def close(self) -> None:
        if self._handler is not None:
            self._handler.close()
        super().close()


def logging_config(*, level: str = "INFO", log_dir: str = "") -> dict:
    """The LOGGING dict: app logs and server errors to stderr (and the per-process file)."""
    handlers = {
        "stderr": {"class": "logging.StreamHandler", "formatter": "redacted"},
    }
    if log_dir:
        handlers["file"] = {
            "()": PerProcessFileHandler,
            "directory": log_dir,
            "formatter": "redacted",
        }
    names = list(handlers)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "redacted": {
                "()": RedactingFormatter,
                "format": "%(asctime)s %(process)d %(levelname)s %(name)s %(message)s",
            }
        },
        "handlers": handlers,
        "loggers": {
            "taizhang": {"handlers": names, "level": level},
            # django.request logs every unhandled exception with exc_info; Django's default
            # sends it nowhere unless DEBUG is on.
            "django.request": {"handlers": names, "level": "ERROR", "propagate": False},
            "django.server": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
            "axes": {"handlers": names, "level": "WARNING"},
        },
    }
