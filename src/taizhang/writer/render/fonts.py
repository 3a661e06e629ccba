"""Fontconfig for the project's own renders: GB/T 9704 font names to installed CJK SC fonts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "data" / "fonts-gbt9704.conf"
# Family names each GB/T 9704 font resolves to here (fc-match), for tests and the report.
NAMED_FONTS = ("仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体")


def fontconfig_file() -> Path:
    """Return a fontconfig file: the system configuration, then the project's rules."""
    path = Path(tempfile.gettempdir()) / f"taizhang-fonts-{os.getuid()}.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{RULES}</include>\n"
        "</fontconfig>\n"
    )
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


def fontconfig_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Return ``base`` (default: this process's environment) with FONTCONFIG_FILE set."""
    env = dict(os.environ if base is None else base)
    env["FONTCONFIG_FILE"] = str(fontconfig_file())
    return env
