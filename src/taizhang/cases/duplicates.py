"""Duplicate hints at intake: open cases whose title reads like the one being registered."""

from __future__ import annotations

import re
import unicodedata

from django.db.models import Q

from taizhang.cases.models import Case, CaseKind

# Kinds whose registration asks first when a similar open case exists.
CHECKED_KINDS = {CaseKind.SUGGESTION.value, CaseKind.MOTION.value}  # enum members hash by name
# Words every suggestion title carries; they say nothing about what it asks for.
FRAME = re.compile(r"^关于|的?(?:建议|议案|意见|请求|问题)$")
THRESHOLD = 0.5  # Dice overlap of title bigrams
CANDIDATES = 300


def normalise_title(title: str) -> str:
    """Return the title without width variants, punctuation, spaces or its 关于…的建议 frame."""
    text = unicodedata.normalize("NFKC", title or "").lower()
    text = "".join(ch for ch in text if ch.isalnum())
    for _ in range(2):  # 关于…的建议 loses both ends
        text = FRAME.sub("", text)
    return text


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def title_similarity(a: str, b: str) -> float:
    """Return how alike two titles are, 0–1: equal normalised titles are 1."""
    na, nb = normalise_title(a), normalise_title(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    ga, gb = bigrams(na), bigrams(nb)
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def similar_open_cases(*, user, township, title: str, limit: int = 5) -> list[tuple[Case, float]]:
    """Return the open cases of ``township`` the user may see whose title resembles ``title``,
    most alike first, each with its similarity."""
    grams = sorted(bigrams(normalise_title(title)))[:16]
    if not grams:
        return []
    q = Q()
    for gram in grams:
        q |= Q(title__contains=gram)
    candidates = (
        Case.objects.for_user(user)
        .open()
        .filter(township=township)
        .filter(q)
        .select_related("handling_unit")
        .order_by("-registered", "-id")[:CANDIDATES]
    )
    scored = [(case, title_similarity(title, case.title)) for case in candidates]
    scored = [(case, score) for case, score in scored if score >= THRESHOLD]
    return sorted(scored, key=lambda pair: -pair[1])[:limit]
