"""Template library for copy detection: MinHash LSH candidates, then exact alignment."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch pulls in scipy (seconds, some 60 MB): imported at first use
    from datasketch import LeanMinHash

NUM_PERM = 64
SHINGLE = 4
PASSAGE = 120  # characters per indexed passage
SEED = 8  # exact-match seed length for alignment
MIN_SPAN = 25  # shortest copied run worth reporting
SKIP = re.compile(r"[\s\u3000]+")


ALIGN_CACHE = 256  # seed tables kept for alignment; bounded so a long-running process stays flat


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    text: str

    def seeds(self) -> dict[str, int]:
        """Seed -> first offset, from a bounded LRU cache shared by all templates."""
        return _seed_table(self.text)


@lru_cache(maxsize=ALIGN_CACHE)
def _seed_table(text: str) -> dict[str, int]:
    grams: dict[str, int] = {}
    for i in range(len(text) - SEED + 1):
        grams.setdefault(text[i : i + SEED], i)
    return grams


def _passages(text: str) -> list[str]:
    flat = SKIP.sub("", text)
    step = PASSAGE
    return [
        flat[i : i + step]
        for i in range(0, max(len(flat) - SHINGLE, 1), step)
        if len(flat[i : i + step]) >= 20
    ]


@lru_cache(maxsize=1)
def _prototype():
    """Generating permutations is the costly part of a MinHash; one set is shared by all."""
    from datasketch import MinHash

    proto = MinHash(num_perm=NUM_PERM, seed=7)
    return proto.permutations, getattr(proto, "scheme", None)


def _minhash(passage: str) -> LeanMinHash:
    from datasketch import LeanMinHash, MinHash

    permutations, scheme = _prototype()
    grams = {passage[i : i + SHINGLE].encode("utf-8") for i in range(len(passage) - SHINGLE + 1)}
    extra = {"scheme": scheme} if scheme else {}
    mh = MinHash(num_perm=NUM_PERM, seed=7, permutations=permutations, **extra)
    mh.update_batch(list(grams))
    return LeanMinHash(mh)


def read_document(path: Path) -> str:
    """Read .txt, .md or .docx as text (.docx paragraphs joined with newlines)."""
    if path.suffix.lower() == ".docx":
        import docx  # python-docx, imported lazily: only .docx input needs it

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8-sig")


class TemplateIndex:
    """Build once from a folder (or from texts), then query many documents."""

    def __init__(self, threshold: float = 0.3) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.templates: list[Template] = []
        self._keys = 0

    @classmethod
    def from_folder(cls, folder: str | Path) -> TemplateIndex:
        index = cls()
        for path in sorted(Path(folder).iterdir()):
            if path.suffix.lower() in (".txt", ".md", ".docx") and path.is_file():
                index.add(path.stem, read_document(path))
        return index

    def add(self, name: str, text: str) -> None:
        tid = len(self.templates)
        self.templates.append(Template(name, text))
        with self.lsh.insertion_session() as session:
            for passage in _passages(text):
                session.insert((tid, self._keys), _minhash(passage))
                self._keys += 1

    def candidates(self, text: str, limit: int = 5) -> list[Template]:
        votes: Counter[int] = Counter()
        for passage in _passages(text):
            for tid, _ in self.lsh.query(_minhash(passage)):
                votes[tid] += 1
        return [self.templates[tid] for tid, _ in votes.most_common(limit)]

    def copied_spans(self, text: str) -> list[tuple[Template, list[tuple[int, int]]]]:
        """Return, per candidate template, the runs of text found verbatim in it."""
        out = []
        for tpl in self.candidates(text):
            spans = _align(text, tpl)
            if spans:
                out.append((tpl, spans))
        return out


EDGE = " \t\r\n\u3000，。；：、！？,.;:!?"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop blanks and punctuation at the edges of a copied run (keep a final full stop)."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return start, end


def _align(text: str, tpl: Template) -> list[tuple[int, int]]:
    seeds = tpl.seeds()
    other = tpl.text
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i <= n - SEED:
        j = seeds.get(text[i : i + SEED])
        if j is None:
            i += 1
            continue
        k = SEED
        while i + k < n and j + k < len(other) and text[i + k] == other[j + k]:
            k += 1
        if k >= MIN_SPAN:
            s, e = _trim(text, i, i + k)
            if e - s >= MIN_SPAN:
                spans.append((s, e))
        i += k if k >= MIN_SPAN else 1
    return spans
