"""Look inside an Office file (.xlsx, .docx) before any parser touches it.

An Office file is a zip archive. Its central directory states each entry's size, so the
entry count and the total unpacked size are known without unpacking anything. A sheet's
extent (rows × columns) is read by streaming its XML in small chunks and matching only
the row and cell tags, so a tiny file that declares a cell at XFD1048576 is refused
before a reader builds a grid of seventeen billion cells.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK = 1 << 20
ANY_REF = re.compile(rb"\sr=\"[A-Z]*(\d+)\"")
CELL_LETTERS = re.compile(rb"\sr=\"([A-Z]+)\d")
TAG = re.compile(rb"<(?:\w+:)?(row|c)\b[^>]*>")
REF = re.compile(rb"\sr=\"([A-Z]{0,3})(\d+)\"")


class ZipRefused(Exception):
    """The archive is refused; the message is Chinese and names the limit."""


@dataclass(frozen=True)
class Limits:
    entries: int
    unpacked: int  # bytes, all entries together
    ratio: int = 200  # unpacked / packed bytes of one large entry


def inspect(archive: zipfile.ZipFile, limits: Limits, *, what: str) -> list[zipfile.ZipInfo]:
    """Check the central directory against ``limits``; return the entries."""
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise ZipRefused(
            f"{what}内部文件数量过多（{len(infos)} 个，上限 {limits.entries} 个），"
            "疑似恶意压缩包，已拒绝，未读取内容。"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.unpacked:
        raise ZipRefused(
            f"{what}解压后体积过大（{total / 1048576:.0f} MB，上限 "
            f"{limits.unpacked // 1048576} MB），疑似恶意压缩包，已拒绝，未读取内容。"
        )
    for info in infos:
        if info.file_size > 10_000_000 and info.file_size / max(info.compress_size, 1) > (
            limits.ratio
        ):
            raise ZipRefused(f"{what}压缩比异常，疑似恶意压缩包，已拒绝，未读取内容。")
    return infos


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def sheet_extent(archive: zipfile.ZipFile, name: str) -> tuple[int, int]:
    """(rows, columns) a reader would lay out for the worksheet part ``name``.

    Positions come from the ``r`` attributes. Rows or cells without one follow the one
    before, as a reader places them; such a sheet is walked tag by tag (slower, rare).
    """
    rows = cols = 0
    for data in _tags(archive, name):
        cells = data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/")
        lines = data.count(b"<row ") + data.count(b"<row>") + data.count(b"<row/")
        numbers = ANY_REF.findall(data)
        letters = set(CELL_LETTERS.findall(data))
        prefixed = b":c " in data or b":c>" in data or b":c/" in data or b":row" in data
        explicit = data.count(b'<c r="') + data.count(b'<row r="')
        if prefixed or explicit < cells + lines:
            return _walk(archive, name)
        if numbers:
            rows = max(rows, max(map(int, numbers)))
        if letters:
            cols = max(cols, max(map(_column_number, letters)))
    return rows, cols


def _walk(archive: zipfile.ZipFile, name: str) -> tuple[int, int]:
    rows = cols = row = col = 0
    for data in _tags(archive, name):
        for match in TAG.finditer(data):
            ref = REF.search(match.group(0))
            if match.group(1) == b"row":
                row, col = (int(ref.group(2)) if ref else row + 1), 0
            else:
                col = _column_number(ref.group(1)) if ref and ref.group(1) else col + 1
                row = max(row, int(ref.group(2))) if ref else row
                cols = max(cols, col)
            rows = max(rows, row)
    return rows, cols


def _tags(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The part's bytes in chunks that never split a tag."""
    tail = b""
    with archive.open(name) as stream:
        while chunk := stream.read(CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut < 0 or data.find(b">", cut) >= 0:
                cut = len(data)
            tail = data[cut:]
            yield data[:cut]
    if tail:
        yield tail
