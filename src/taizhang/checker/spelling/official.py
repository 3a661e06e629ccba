"""Near-miss variants of the official words (official_words.txt), derived at load time.

Each character of each official word is replaced by a character of the same main reading
(tone ignored, z/zh c/ch s/sh merged) among the 2,500 most frequent characters, or by a
look-alike from shapes.txt. A variant is dropped when it is a word itself (official list,
or dictionary frequency >= 5), two real words side by side (行使权力), or a reduplication
(实实). A variant reachable from two words is read as the more frequent word. No variant is
stored: the former generated table is replaced by this function.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..core import DATA_DIR
from .lexicon import _word_rows, load_chars, load_freq

COMMON = 2500
# Function characters are never taken as a misspelling: 年的 is not a slip for 年底.
FUNCTION = set("的地得了着过和与及或并在是为把被将从向于以也都还就又再更最很较其之所而则乃")


def _norm(py: str) -> str:
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        py = py.replace(a, b)
    return py


def official_list() -> list[str]:
    out = []
    for line in (DATA_DIR / "official_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.extend(w for w in line.split() if 2 <= len(w) <= 6)
    return sorted(set(out))


def _two_words(variant: str, freq: dict[str, int], official: set[str]) -> bool:
    for i in range(2, len(variant) - 1):
        a, b = variant[:i], variant[i:]
        if all(w in official or freq.get(w, 0) >= 20 for w in (a, b)):
            return True
    return False


def _shape_groups() -> dict[str, set[str]]:
    shapes: dict[str, set[str]] = defaultdict(set)
    for line in (DATA_DIR / "shapes.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            for group in line.split():
                for ch in group:
                    shapes[ch] |= set(group) - {ch}
    return shapes


def _is_variant(variant: str, freq: dict[str, int], official: set[str]) -> bool:
    """A replacement is a variant when it is no word, no reduplication and no two words."""
    if variant in official or freq.get(variant, 0) >= 5:
        return False
    if any(a == b for a, b in zip(variant, variant[1:], strict=False)):
        return False
    return not _two_words(variant, freq, official)


def official_variants() -> Iterator[tuple[str, str, str]]:
    """Yield (variant, official word, kind) with kind 音近 or 形近."""
    freq = load_freq()
    readings, _ = load_chars()
    common = list(readings)[:COMMON]  # spelling_chars.tsv lists characters by frequency
    by_sound: dict[str, set[str]] = defaultdict(set)
    for ch in common:
        by_sound[_norm(readings[ch][0])].add(ch)
    shapes = _shape_groups()
    official = set(official_list())
    word_reading = {w: syls for w, _, syls in _word_rows() if w in official}
    rows: dict[str, tuple[str, str]] = {}
    for word in sorted(official):
        syls = word_reading.get(word) or [readings.get(ch, [""])[0] for ch in word]
        if len(syls) != len(word) or not all(syls):
            continue
        for i, ch in enumerate(word):
            subs = {c: "音近" for c in by_sound.get(_norm(syls[i]), ())}
            subs.update({c: "形近" for c in shapes.get(ch, ()) if c in readings})
            for c in (ch, *FUNCTION):
                subs.pop(c, None)
            for c, kind in subs.items():
                variant = word[:i] + c + word[i + 1 :]
                if not _is_variant(variant, freq, official):
                    continue
                old = rows.get(variant)
                if old is None or freq.get(word, 0) > freq.get(old[0], 0):
                    rows[variant] = (word, kind)
    for variant, (word, kind) in rows.items():
        yield variant, word, kind
