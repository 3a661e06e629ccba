"""Markdown and HTML read as their text, every offset of that text mapped back to the file."""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from .core import Finding

Edit = tuple[int, int, str]  # (start, end, replacement) in the original


@dataclass(frozen=True, slots=True)
class Source:
    """A file's text as the checker sees it, with the way back to the file's own offsets."""

    original: str
    text: str
    plain_starts: tuple[int, ...] = ()  # where each piece starts in ``text``
    origins: tuple[tuple[int, int, bool], ...] = ()  # (start, end, verbatim) in ``original``

    @classmethod
    def plain(cls, text: str) -> Source:
        return cls(text, text)

    @classmethod
    def from_edits(cls, original: str, edits: list[Edit]) -> Source:
        """Build from non-overlapping edits; everything outside them is kept verbatim."""
        pieces: list[str] = []
        starts: list[int] = []
        origins: list[tuple[int, int, bool]] = []
        plain = cursor = 0
        for start, end, new in sorted(edits):
            if start < cursor:
                continue  # overlaps an earlier edit
            for s, e, verbatim, piece in (
                (cursor, start, True, original[cursor:start]),
                (start, end, False, new),
            ):
                if e > s or piece:
                    starts.append(plain)
                    origins.append((s, e, verbatim))
                    pieces.append(piece)
                    plain += len(piece)
            cursor = end
        if cursor < len(original):
            starts.append(plain)
            origins.append((cursor, len(original), True))
            pieces.append(original[cursor:])
        return cls(original, "".join(pieces), tuple(starts), tuple(origins))

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Map an offset of ``text`` to ``original`` (an end offset maps past its character)."""
        if not self.origins:
            return pos
        i = bisect.bisect_right(self.plain_starts, pos - 1 if end and pos else pos) - 1
        i = max(i, 0)
        start, stop, verbatim = self.origins[i]
        if verbatim:
            return min(start + pos - self.plain_starts[i], stop)
        return stop if end else start

    def map_findings(self, findings: list[Finding]) -> list[Finding]:
        """The findings with offsets into the original; ``text`` stays what was checked."""
        if not self.origins:
            return findings
        return [self._map(f) for f in findings]

    def _map(self, f: Finding) -> Finding:
        def span(s: int, e: int) -> tuple[int, int]:
            a = self.to_original(s)
            return a, (self.to_original(e, end=True) if e > s else a)

        start, end = span(f.start, f.end)
        positions = tuple(span(s, e) for s, e in f.positions)
        return replace(f, start=start, end=end, positions=positions)


# -- Markdown ---------------------------------------------------------------------------------

FENCE = re.compile(r"[ \t]*(```|~~~)")
BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
# Ordered-list numbers (1. 2.) stay: in Chinese documents they are heading markers.
PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(?=\S))?")
# A link reference definition ([1]: https://…) and a YAML or TOML front matter block.
LINK_DEF = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?:[a-z]+:|/|\.|#)\S*.*$")
FRONT = {"---": "---", "+++": "+++"}
CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
INLINE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"  # image: dropped with its alt text
    r"|\[(?=[^\]\n]*\]\([^)\n]*\))"  # the [ of a link
    r"|\]\([^)\n]*\)"  # ](address) of a link
    r"|\[(?=[^\]\n]*\]\[[^\]\n]*\])"  # the [ of a reference link: [text][1]
    r"|\]\[[^\]\n]*\]"  # ][1] of a reference link
    r"|<(?:https?://|mailto:)[^>\s]+>"  # autolink
    r"|<!--.*?-->"  # comment
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # inline HTML tag: <p align="right">
    r"|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # character reference
    r"|\\[!-/:-@\[-`{-~]"  # backslash escape
)
EMPHASIS = re.compile(
    r"(\*\*|__|~~)(?=\S)(?:.+?)(?<=\S)\1|(?<![*\w])\*(?=[^\s*])(?:[^*\n]+?)(?<=\S)\*(?![*\w])"
)


def markdown(original: str) -> Source:
    """Markdown as text: markers, addresses, tags and code dropped, entities decoded."""
    edits: list[Edit] = []
    fenced = False
    pos = 0
    lines = original.split("\n")
    front = _front_matter(lines)
    for n, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        if n < front or LINK_DEF.match(line):
            edits.append((start, end, ""))
            continue
        if FENCE.match(line) or fenced:
            fenced = fenced != bool(FENCE.match(line))
            edits.append((start, end, ""))
            continue
        if BREAK.match(line) or TABLE_RULE.match(line):
            edits.append((start, end, ""))
            continue
        edits.extend(_markdown_line(original, start, end))
    return Source.from_edits(original, edits)


def _front_matter(lines: list[str]) -> int:
    """Number of lines of a front matter block (--- YAML --- or +++ TOML +++) at the top."""
    close = FRONT.get(lines[0].strip()) if lines else None
    if close is None:
        return 0
    for n in range(1, len(lines)):
        if lines[n].strip() in (close, "..."):
            return n + 1
    return 0


def _markdown_line(text: str, start: int, end: int) -> list[Edit]:
    out: list[Edit] = []
    prefix = PREFIX.match(text, start, end)
    lead = start
    if prefix and prefix.end() > start:
        indent = len(text[start : prefix.end()]) - len(text[start : prefix.end()].lstrip(" \t"))
        if prefix.end() > start + indent:  # keep plain indentation, drop > # - markers
            out.append((start + indent, prefix.end(), ""))
        lead = prefix.end()
    code = [(m.start(), m.end(), "") for m in CODE.finditer(text, lead, end)]
    out.extend(code)

    def outside(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b, _ in code)

    for m in INLINE.finditer(text, lead, end):
        if outside(m.start(), m.end()):
            out.append((m.start(), m.end(), _inline_text(m.group())))
    for m in EMPHASIS.finditer(text, lead, end):
        width = len(m.group(1) or "*")
        for s in (m.start(), m.end() - width):
            if outside(s, s + width):
                out.append((s, s + width, ""))
    if text.startswith("|", lead):
        out.extend(_table_row(text, lead, end))
    return out


def _inline_text(token: str) -> str:
    if token.startswith("&"):
        return html.unescape(token)
    if token.startswith("\\"):
        return token[1:]
    return ""


PIPE = re.compile(r"(?<!\\)\|")


def _table_row(text: str, start: int, end: int) -> list[Edit]:
    """A table row's cells on lines of their own; the outer pipes dropped."""
    pipes = [m.start() for m in PIPE.finditer(text, start, end)]
    last = pipes[-1] if pipes and not text[pipes[-1] + 1 : end].strip() else -1
    return [(p, p + 1, "" if p in (start, last) else "\n") for p in pipes]


# -- HTML -------------------------------------------------------------------------------------

BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "title",
        "td",
        "th",
        "dt",
        "dd",
        "hr",
        "body",
    ]
)
HIDDEN = frozenset({"script", "style", "head", "template", "noscript"})
HAN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
WRAP = re.compile(r"[ \t\r]*\n\s*")


class _Html(HTMLParser):
    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.lines = [0] + [m.end() for m in re.finditer("\n", original)]
        self.edits: list[Edit] = []
        self.hidden = 0

    def _here(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def _tag(self, start: int, stop: int, tag: str) -> None:
        self.edits.append((start, stop, "\n" if tag in BLOCK and not self.hidden else ""))

    def handle_starttag(self, tag, attrs):
        start = self._here()
        self._tag(start, start + len(self.get_starttag_text() or ""), tag)
        self.hidden += tag in HIDDEN

    def handle_startendtag(self, tag, attrs):
        start = self._here()
        self._tag(start, start + len(self.get_starttag_text() or ""), tag)

    def handle_endtag(self, tag):
        start = self._here()
        self.hidden = max(0, self.hidden - (tag in HIDDEN))
        self._tag(start, self.original.find(">", start) + 1 or len(self.original), tag)

    def handle_data(self, data):
        start = self._here()
        if self.hidden:
            self.edits.append((start, start + len(data), ""))
            return
        for m in WRAP.finditer(data):
            # A line break in the source is not one on the page: join Chinese without a space.
            before = data[m.start() - 1] if m.start() else ""
            after = data[m.end()] if m.end() < len(data) else ""
            joined = "" if not before or not after or HAN.match(before) or HAN.match(after) else " "
            self.edits.append((start + m.start(), start + m.end(), joined))

    def _reference(self, raw: str) -> None:
        start = self._here()
        if self.original.startswith(raw + ";", start):
            raw += ";"
        self.edits.append((start, start + len(raw), "" if self.hidden else html.unescape(raw)))

    def handle_entityref(self, name):
        self._reference(f"&{name}")

    def handle_charref(self, name):
        self._reference(f"&#{name}")

    def handle_comment(self, data):
        start = self._here()
        self.edits.append((start, start + len(data) + 7, ""))  # <!-- data -->

    def _drop(self, data):
        start = self._here()
        self.edits.append((start, self.original.find(">", start) + 1 or len(self.original), ""))

    handle_decl = handle_pi = unknown_decl = _drop


def html_source(original: str) -> Source:
    """HTML as text: tags dropped (block tags become line breaks), references decoded."""
    parser = _Html(original)
    parser.feed(original)
    parser.close()
    return Source.from_edits(original, parser.edits)
