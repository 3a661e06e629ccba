"""GB/T 9704-2012 measures shared by the Word and print renderers (pure arithmetic).

Widths are in characters of the body (一个字 = one 3号 character at the 15.75 pt pitch).
Arabic digits and Latin letters are half-width (Times New Roman, as in 仿宋_GB2312), and
where Chinese meets a digit the renderers add a small gap (LibreOffice 0.2 of the font
size, Word a similar amount; LibreOffice cannot switch it off from a .docx).
"""

from __future__ import annotations

from dataclasses import dataclass

CHARS_PER_LINE = 28  # 版心 156 mm, 3号仿宋: 28 characters a line
LINES_PER_PAGE = 22  # 版心 225 mm: 22 lines a page
TITLE_CHARS = 20  # 2号 (22 pt) characters in the 156 mm type area
# Where a title may break, best first: before 关于 (organ | matter), before the genre
# noun (… | 工作总结), after a year, an organ's or a person's name. Never inside a word or a number.
TITLE_BREAKS_BEFORE = ("关于", "——", "向选民", "工作总结", "工作报告", "述职报告", "个人工作总结")
TITLE_BREAKS_AFTER = ("人大主席团", "人民政府", "委员会", "主席团", "代表", "同志", "年度", "的")


# Arabic digits of the stand-in fonts (Noto Serif CJK SC) run wider than the half-width
# digits of 仿宋_GB2312: a title's line is measured with the wider figure, so it breaks
# where we choose and never where the renderer must.
TITLE_ASCII = 0.65


BODY_ASCII = 7.75 / 15.75  # a 16 pt half-width digit, condensed like the rest
SCRIPT_GAP = 3.2 / 15.75  # the gap where Chinese meets a digit or Latin letter


def text_width(text: str, ascii_width: float = BODY_ASCII, gap: float = SCRIPT_GAP) -> float:
    """Return the width of ``text`` in body characters (ASCII counts ``ascii_width``)."""
    narrow = [ord(c) < 0x2E80 for c in text]
    changes = sum(1 for a, b in zip(narrow, narrow[1:], strict=False) if a != b)
    return sum(ascii_width if n else 1.0 for n in narrow) + gap * changes


def title_lines(title: str, width: int = TITLE_CHARS) -> list[str]:
    """Break a title at a meaningful point into lines of at most ``width`` characters.

    GB/T 9704 7.3.1: a title that runs over keeps each line's words whole and is set as a
    trapezoid or diamond. Among the word boundaries that fit, the most balanced wins;
    no line is a lone character.
    """
    if text_width(title, TITLE_ASCII, 0) <= width:
        return [title]
    candidates: set[int] = set()
    for word in TITLE_BREAKS_BEFORE:
        candidates.update(i for i in _find_all(title, word) if i > 0)
    for word in TITLE_BREAKS_AFTER:
        candidates.update(i + len(word) for i in _find_all(title, word))
    fitting = [
        i
        for i in candidates
        if 1 < i < len(title) - 1
        and text_width(title[:i], TITLE_ASCII, 0) <= width
        and _fits(title[i:], width)
        and not _splits_number(title, i)
    ]
    if not fitting:
        fitting = [i for i in range(2, len(title) - 1) if not _splits_number(title, i)]
        fitting = [i for i in fitting if text_width(title[:i], TITLE_ASCII, 0) <= width] or [width]
    # Most balanced first; a longer first line wins a tie (an inverted trapezoid reads
    # worse than a regular one only when the top is far shorter).
    best = min(fitting, key=lambda i: (abs(text_width(title[:i]) - text_width(title[i:])), -i))
    return [title[:best], *title_lines(title[best:], width)]


def _find_all(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + 1)
    return found


def _fits(rest: str, width: int) -> bool:
    # The rest may run over again (a three-line title), but never to a lone character.
    return len(rest) > 1


def _splits_number(text: str, i: int) -> bool:
    return text[i - 1].isascii() and text[i - 1].isalnum() and text[i].isascii()


@dataclass(frozen=True, slots=True)
class SignatureLayout:
    """Right indents, in characters, of each signature line and of the date line."""

    signature: tuple[float, ...]
    date: float


def signature_layout(signature: list[str], date: str, *, sealed: bool) -> SignatureLayout:
    """Place the signature (落款) and the date per GB/T 9704-2012 7.3.5.

    Sealed (7.3.5.1, an organ's document): the date sits 4 characters from the right,
    the signature is centred over it. Unsealed (7.3.5.2, a person's document or a draft
    without seal): the signature sits 2 characters from the right and the date starts
    2 characters right of the signature's first character; when the date is longer
    than the signature, the date sits 2 characters from the right and the signature
    moves so that it still starts 2 characters left of the date.
    Several signature lines share one start column (the widest line decides).
    """
    widths = [text_width(s) for s in signature]
    sig = max(widths, default=0.0)
    day = text_width(date)
    if sealed:
        date_indent = 4.0
        centre = date_indent + day / 2 if date else 2 + sig / 2
        return SignatureLayout(
            tuple(max(centre - w / 2, 0.0) for w in widths), date_indent if date else 0.0
        )
    if day > sig:
        date_indent = 2.0
        start = date_indent + day + 2  # the signature's first character, from the right
    else:
        start = 2 + sig
        date_indent = start - 2 - day
    return SignatureLayout(tuple(start - w for w in widths), date_indent)
