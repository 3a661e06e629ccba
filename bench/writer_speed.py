"""Time the pure writer: compose and render each kind and format from demo Facts."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from taizhang.writer import compose_document, render_document  # noqa: E402
from taizhang.writer.demo import deputy_facts, personal_facts, presidium_facts  # noqa: E402

KINDS = {
    "personal": (personal_facts, "summary"),
    "personal/duty": (personal_facts, "duty"),
    "presidium": (presidium_facts, "summary"),
    "presidium/report": (presidium_facts, "report"),
    "deputy": (deputy_facts, ""),
}
FORMATS = ("docx", "html", "md", "json")


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(repeat: int = 30) -> None:
    print(f"writer (pure part), median of {repeat} runs, milliseconds")
    print(f"{'kind':<18}{'compose':>9}" + "".join(f"{f:>9}" for f in FORMATS))
    for name, (make, variant) in KINDS.items():
        facts = make()
        doc = compose_document(facts, variant=variant)
        row = [median_ms(lambda x=facts, v=variant: compose_document(x, variant=v), repeat)]
        row += [median_ms(lambda d=doc, f=f: render_document(d, f), repeat) for f in FORMATS]
        print(f"{name:<18}" + "".join(f"{v:9.2f}" for v in row))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
