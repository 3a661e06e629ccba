"""Command line: taizhang check FILE... [--json] [--templates DIR] [--profile P] [--fix OUT]
[--strict].

.txt, .md, .html and .docx are read; Markdown and HTML are checked as their text, with
offsets into the file itself, and --fix leaves their markup untouched.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from . import check
from .copy import TemplateIndex, read_document
from .core import PROFILES, Finding
from .markup import Source, html_source, markdown


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a Chinese message
        self.print_usage(sys.stderr)
        print(f"错误：参数有误：{message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="taizhang check", description="文稿校对：检查 .txt/.md/.html/.docx 文稿")
    p.add_argument("files", nargs="+", metavar="FILE", help="要检查的文稿")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--templates", metavar="DIR", help="范文库目录（检查照搬范文）")
    p.add_argument("--profile", default="summary", choices=PROFILES, help="文稿类型")
    p.add_argument("--fix", metavar="OUT", help="写出只做机械性修改的副本（仅限一个文件）")
    p.add_argument(
        "--strict", action="store_true", help="严格：多报可能的别字（提示门槛降低，误报略增）"
    )
    return p


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply the mechanical suggestions that do not overlap, from the end backwards.

    A merged finding is applied at each of its places; a place whose text is not the
    finding's own (markup in between, or an overlap) is left alone. Returns the new text and
    one single-place finding per change made, in text order.
    """
    places = [
        replace(f, start=s, end=e, positions=())
        for f in findings
        if f.mechanical
        for s, e in f.spans
    ]
    chosen: list[Finding] = []
    last_start = len(text) + 1
    for f in sorted(places, key=lambda f: (f.start, f.end), reverse=True):
        if f.end > last_start or f.end == f.start or text[f.start : f.end] != f.text:
            continue
        chosen.append(f)
        last_start = f.start
    parts, cursor = [], len(text)
    for f in chosen:  # from the end: keep the tail, then the suggestion
        parts.append(text[f.end : cursor])
        parts.append(f.suggestion or "")
        cursor = f.start
    parts.append(text[:cursor])
    return "".join(reversed(parts)), list(reversed(chosen))


def main(argv: list[str] | None = None) -> int:
    """Run the checker on files; return 0, 1 (errors found) or 2 (unreadable input)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.fix and len(args.files) != 1:
        print("错误：--fix 只能用于一个文件", file=sys.stderr)
        return 2
    texts: list[tuple[str, Source]] = []
    for name in args.files:
        path = Path(name)
        if path.suffix.lower() not in READERS:
            print(f"错误：无法读取“{name}”：只支持 .txt、.md、.html、.docx 文件", file=sys.stderr)
            return 2
        try:
            texts.append((name, read_source(path)))
        except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
            print(f"错误：无法读取“{name}”：{_reason(exc)}", file=sys.stderr)
            return 2
        except Exception as exc:  # python-docx raises assorted errors on corrupt files
            print(
                f"错误：无法读取“{name}”：文件已损坏或不是有效的文档（{type(exc).__name__}）",
                file=sys.stderr,
            )
            return 2
    index = None
    if args.templates:
        folder = Path(args.templates)
        if not folder.is_dir():
            print(f"错误：范文库目录“{args.templates}”不存在", file=sys.stderr)
            return 2
        index = TemplateIndex.from_folder(folder)
    results = []
    has_error = False
    for name, source in texts:
        findings = source.map_findings(
            check(source.text, templates=index, profile=args.profile, strict=args.strict)
        )
        has_error = has_error or any(f.severity == "错误" for f in findings)
        results.append((name, source.original, findings))
    if args.json:
        payload = [
            {
                "file": name,
                "chars": len(text),
                "findings": [_json(f, text, name) for f in findings],
            }
            for name, text, findings in results
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for name, text, findings in results:
            _print_human(name, text, findings)
    if args.fix:
        name, text, findings = results[0]
        fixed, applied = apply_fixes(text, findings)
        try:
            Path(args.fix).write_text(fixed, encoding="utf-8")
        except OSError as exc:
            print(f"错误：无法写入“{args.fix}”：{_reason(exc)}", file=sys.stderr)
            return 2
        out = sys.stderr if args.json else sys.stdout
        print(f"已写出修改稿 {args.fix}，共修改 {len(applied)} 处：", file=out)
        for f in applied:
            print(
                f"  第{_line_no(text, f.start)}行：“{f.text}” → “{f.suggestion}”（{f.message}）",
                file=out,
            )
    return 1 if has_error else 0


FIELDS = ("rule", "category", "severity", "start", "end", "text", "message", "suggestion")
READERS = {
    ".txt": lambda path: Source.plain(path.read_text(encoding="utf-8-sig")),
    ".md": lambda path: markdown(path.read_text(encoding="utf-8-sig")),
    ".markdown": lambda path: markdown(path.read_text(encoding="utf-8-sig")),
    ".html": lambda path: html_source(path.read_text(encoding="utf-8-sig")),
    ".htm": lambda path: html_source(path.read_text(encoding="utf-8-sig")),
    ".docx": lambda path: Source.plain(read_document(path)),
}


def read_source(path: Path) -> Source:
    """Read a file as the text to check and the way back to its own offsets."""
    return READERS[path.suffix.lower()](path)


def _json(f: Finding, text: str, name: str) -> dict:
    """A finding as JSON: the fields it always had, every place, and a .docx paragraph."""
    out = {k: getattr(f, k) for k in FIELDS}
    out["positions"] = [list(span) for span in f.spans]
    if name.lower().endswith(".docx"):
        para_start = text.rfind("\n", 0, f.start) + 1
        out["paragraph"] = text.count("\n", 0, f.start) + 1
        out["offset"] = f.start - para_start
    return out


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, IsADirectoryError):
        return "这是一个目录"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, UnicodeDecodeError):
        return "不是 UTF-8 编码的文本"
    return str(exc) or type(exc).__name__


def _line_no(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _print_human(name: str, text: str, findings: list[Finding]) -> None:
    print(
        f"{name}（{len(text)}字）：{len(findings)}处问题"
        if findings
        else f"{name}（{len(text)}字）：未发现问题"
    )
    for f in findings:
        sug = f"，建议改为“{f.suggestion}”" if f.suggestion else ""
        shown = f.text.replace("\n", "⏎")
        print(
            f"  {_line_no(text, f.start)}行 [{f.severity}/{f.category}] “{shown}”：{f.message}{sug}（{f.source}）"
        )


if __name__ == "__main__":
    raise SystemExit(main())
