"""Print checker throughput on 1 MB of realistic text and on 30-character sentences checked one by
one (full and fast profiles), the spelling lexicon's load time and memory, and copy-detection
timings on 10,000 templates.

Usage: python bench/checker_speed.py
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from taizhang.checker import TemplateIndex, check, spelling  # noqa: E402

CORPORA = (ROOT / "tests" / "checker" / "corpus", ROOT / "tests" / "checker" / "heldout")

PHRASES = [
    "乡人大主席团",
    "认真履行职责",
    "组织代表开展视察",
    "听取和审议",
    "政府工作报告",
    "代表建议办理",
    "群众反映强烈的问题",
    "推动解决",
    "农村人居环境整治",
    "产业发展",
    "脱贫攻坚成果",
    "乡村振兴",
    "依法监督",
    "代表小组活动",
    "选民评议",
    "信访信息员",
    "危房改造",
    "低保复核",
    "道路硬化",
    "招商引资",
    "资金到位",
    "安全生产",
    "矛盾纠纷调解",
]


def sample_text(size: int, seed: int = 3) -> str:
    """About 1 MB of realistic documents: clean official prose with defects at a real density.

    Each generated document is 20 paragraphs drawn from the clean texts of the development
    and held-out corpora plus one paragraph from a defect text, so a finding turns up every
    few thousand characters instead of on every line.
    """
    clean, defective = [], []
    for folder in CORPORA:
        for path in sorted(folder.glob("*.txt")):
            paras = [p for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 30]
            (clean if path.name.startswith("clean") else defective).extend(paras)
    rng = random.Random(seed)
    out, n = [], 0
    while n < size:
        doc = [rng.choice(clean) for _ in range(20)] + [rng.choice(defective)]
        rng.shuffle(doc)
        part = "\n".join(doc) + "\n\n"
        out.append(part)
        n += len(part)
    return "".join(out)[:size]


POOL = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def generated_template(rng: random.Random, i: int) -> str:
    """A synthetic 范文: shared official phrases mixed with text unique to it."""
    sentences = []
    for _ in range(rng.randint(10, 16)):
        own = "".join(rng.choices(POOL, k=rng.randint(12, 24)))
        words = rng.sample(PHRASES, 2)
        sentences.append(f"{words[0]}，{own}，{words[1]}{rng.randint(1, 99)}次。")
    return f"范文{i}\n" + "\n".join(sentences)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentences(text: str, size: int = 30) -> list[str]:
    """The text cut into pieces of 30 characters, as an editor checks sentence by sentence."""
    flat = text.replace("\n", "")
    return [flat[i : i + size] for i in range(0, len(flat) - size, size)]


FRESH = (
    "import resource, time, sys\n"
    "sys.path.insert(0, {src!r})\n"
    "from taizhang.checker import check, spelling\n"
    "t = time.perf_counter(); spelling.lexicon(); check('今年全面推进项目建设。')\n"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
)


def fresh_process(cache: str | None) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a new process that loads every checker lexicon.

    ``cache=""`` turns the pickle cache off, so the process builds the spelling indexes.
    """
    env = dict(os.environ)
    if cache is not None:
        env["TAIZHANG_CACHE_DIR"] = cache
    code = FRESH.format(src=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    seconds, mib = out.stdout.split()
    return float(seconds), float(mib)


def median_cpu(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def matchers_side_by_side(text: str) -> None:
    """The official words' variants: pyahocorasick automaton and the pair matcher, same text."""
    import ahocorasick

    from taizhang.checker.rules.nearmiss import _matcher

    matcher = _matcher()
    auto = ahocorasick.Automaton()
    for form, value in matcher.forms.items():
        auto.add_word(form, value)
    auto.make_automaton()
    same = sorted((e - len(v[0]) + 1, v[0]) for e, v in auto.iter(text)) == sorted(
        (s, v[0]) for s, _, v in matcher.find(text)
    )
    ac = median_cpu(lambda: list(auto.iter(text)))
    pm = median_cpu(lambda: list(matcher.find(text)))
    print(
        f"variant lexicon ({len(matcher):,} forms) on {len(text):,} chars, median of 5 CPU: "
        f"pyahocorasick {ac * 1000:.0f} ms, numpy pair matcher {pm * 1000:.0f} ms "
        f"(same matches: {same}); the checker uses the pair matcher"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        seconds, mib = fresh_process("")
        print(
            f"fresh process, spelling indexes built (no cache): {seconds:.1f} s, "
            f"peak RSS {mib:.0f} MiB (target <= 300 MB)"
        )
        fresh_process(tmp)  # writes the cache
        seconds, mib = fresh_process(tmp)
        print(
            f"fresh process, indexes loaded from the cache: {seconds:.1f} s, peak RSS {mib:.0f} MiB"
        )
    text = sample_text(1_000_000)
    matchers_side_by_side(text)
    before = rss_mib()
    start = time.perf_counter()
    check(text[:2000], speed="fast")
    fast_load = time.perf_counter() - start
    start = time.perf_counter()
    spelling.lexicon()
    load = time.perf_counter() - start
    print(
        f"lexicons: fast profile loaded in {fast_load:.1f} s, spelling lexicon in {load:.1f} s; "
        f"peak RSS {rss_mib():.0f} MiB ({rss_mib() - before:.0f} MiB for the lexicons)"
    )
    for speed in ("full", "fast"):
        check(text[:2000], speed=speed)  # build automata outside the timing
        best_wall = best_cpu = float("inf")
        for _ in range(3):
            wall, cpu = time.perf_counter(), time.process_time()
            findings = check(text, profile="summary", speed=speed)
            best_wall = min(best_wall, time.perf_counter() - wall)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        print(
            f"all rules except copy, speed={speed}: {len(text):,} chars; best of 3: "
            f"{best_wall:.2f} s wall = {len(text) / best_wall:,.0f} chars/s, {best_cpu:.2f} s CPU = "
            f"{len(text) / best_cpu:,.0f} chars/s on one core "
            f"({len(findings)} findings, {len(findings) / len(text) * 10_000:.1f} per 10,000 chars)"
        )
        verdict = "met" if len(text) / best_cpu >= 1_000_000 else "NOT met"
        print(f"  target >= 1,000,000 chars/s on one core, speed={speed}: {verdict}")
        pieces = sentences(text[:300_000])
        cpu = time.process_time()
        for piece in pieces:
            check(piece, profile="generic", speed=speed)
        cpu = time.process_time() - cpu
        chars = sum(map(len, pieces))
        print(
            f"  {len(pieces):,} sentences of 30 chars one by one, speed={speed}: "
            f"{cpu:.2f} s CPU = {chars / cpu:,.0f} chars/s ({cpu / len(pieces) * 1e6:.0f} µs each); "
            f"target >= 300,000 chars/s: {'met' if chars / cpu >= 300_000 else 'NOT met'}"
        )
    print(f"peak RSS after the checker runs: {rss_mib():.0f} MiB")

    rng = random.Random(7)
    templates = [generated_template(rng, i) for i in range(10_000)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    index = TemplateIndex()
    for i, tpl in enumerate(templates):
        index.add(f"范文{i}", tpl)
    build = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chars = sum(map(len, templates))
    print(
        f"copy index: 10,000 templates ({chars:,} chars) built in {build:.1f} s; "
        f"process peak RSS {peak / 1024:.0f} MiB ({(peak - before) / 1024:.0f} MiB over the 1 MB run)"
    )

    queries = []
    for _ in range(50):
        src = templates[rng.randrange(len(templates))]
        own = "本人今年认真做好分管工作，全年走访群众一百余户，解决实际问题十余件。\n" * 3
        queries.append(own + src[: len(src) // 2])
    hits = 0
    start = time.perf_counter()
    for q in queries:
        hits += bool(index.copied_spans(q))
    per_query = (time.perf_counter() - start) / len(queries) * 1000
    print(
        f"copy query: {per_query:.1f} ms per query ({len(queries[0])} chars), {hits}/{len(queries)} copies found"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
