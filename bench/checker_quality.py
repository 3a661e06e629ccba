"""Print the checker's precision and recall per category on the annotated test corpus."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from taizhang.checker import CATEGORIES, Finding, check  # noqa: E402
from tests.checker.conftest import expected_spans, overlaps  # noqa: E402

CORPUS = ROOT / "tests" / "checker" / "corpus"


def run_file(path: Path) -> tuple[list[tuple[str, int, int]], list[Finding], str]:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    facts = [SimpleNamespace(**f) for f in spec.get("facts", [])] or None
    templates = CORPUS / "templates" if spec.get("templates") else None
    findings = check(text, facts=facts, templates=templates, profile=spec.get("profile", "summary"))
    return expected_spans(text, spec), findings, text


def main() -> int:
    tp_find, fp, tp_exp, fn = Counter(), Counter(), Counter(), Counter()
    misses, false = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        expected, findings, text = run_file(path)
        for f in findings:
            if any(c == f.category and overlaps((s, e), (f.start, f.end)) for c, s, e in expected):
                tp_find[f.category] += 1
            else:
                fp[f.category] += 1
                false.append(f"{path.name}: [{f.category}] {f.text!r} {f.message}")
        for c, s, e in expected:
            if any(f.category == c and overlaps((s, e), (f.start, f.end)) for f in findings):
                tp_exp[c] += 1
            else:
                fn[c] += 1
                misses.append(f"{path.name}: [{c}] {text[s:e]!r}")
    print(
        f"{'category':<12} {'precision':>9} {'recall':>7} {'found':>6} {'false+':>6} {'planted':>7} {'missed':>6}"
    )
    for cat in CATEGORIES:
        found, planted = tp_find[cat] + fp[cat], tp_exp[cat] + fn[cat]
        p = tp_find[cat] / found if found else float("nan")
        r = tp_exp[cat] / planted if planted else float("nan")
        print(f"{cat:<12} {p:>9.2f} {r:>7.2f} {found:>6} {fp[cat]:>6} {planted:>7} {fn[cat]:>6}")
    tf, tfp = sum(tp_find.values()), sum(fp.values())
    te, tfn = sum(tp_exp.values()), sum(fn.values())
    print(
        f"{'all':<12} {tf / max(1, tf + tfp):>9.2f} {te / max(1, te + tfn):>7.2f} {tf + tfp:>6} {tfp:>6} {te + tfn:>7} {tfn:>6}"
    )
    for line in false:
        print("false positive:", line)
    for line in misses:
        print("missed:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
