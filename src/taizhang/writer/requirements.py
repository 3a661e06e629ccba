"""What each document kind needs from the ledger before it is worth drafting (thin data).

Pure reads over ``Facts``: the fact builders may grow new sections and fields, so every
check looks for any sign of the records it needs rather than one exact key.
"""

from __future__ import annotations

from collections.abc import Callable

from .facts import Facts, FactSection
from .model import Document

# Sections of a deputy's own duty records (attendance, activities, suggestions, entries).
DEPUTY_SECTIONS = ("duties", "suggestions", "activities", "meetings")
TRUE = ("1", "true", "yes", "True")

# Characters of body text a document of each kind runs to when its subject's ledger is
# full (GENRES §1): kind, or kind:variant, to (shortest, longest).
LENGTHS: dict[str, tuple[int, int]] = {
    "personal:summary": (1500, 3000),
    "personal:duty": (2000, 3500),
    "presidium:summary": (2500, 4500),
    "presidium:report": (4000, 7000),
    "deputy": (1000, 2000),
}


def body_chars(doc: Document) -> int:
    """Return the characters of the document's body text (headings and paragraphs)."""
    return sum(len(b.text) for b in doc.blocks() if b.kind in ("paragraph", "heading"))


def _has_records(section: FactSection) -> bool:
    """Return whether a section counts at least one record or carries ledger text."""
    for key, fact in section.facts.items():
        # A roll or a quota says what was due, not that anything was done.
        if key.endswith(("expected", "required")):
            continue
        if fact.value not in (None, 0) or fact.sources:
            return True
    return any(items for key, items in section.texts.items() if key not in ("shortcomings",))


def _matching(facts: Facts, keys: tuple[str, ...]) -> list[FactSection]:
    return [
        s
        for key, s in facts.sections.items()
        if any(key.startswith(k) if k.endswith(":") else key == k for k in keys)
    ]


def session_held(facts: Facts) -> bool:
    """Return whether the ledger holds the year's session (the presidium kinds' core)."""
    return _session_held(facts)


def _session_held(facts: Facts) -> bool:
    if facts.attributes.get("session_held") in TRUE:
        return True
    session = facts.sections.get("session")
    if session is None:
        return False
    if session.attributes.get("session_held") in TRUE or session.attributes.get("session_date"):
        return True
    return any(session.value(k) for k in ("expected", "present", "session.expected"))


def _presidium(facts: Facts) -> list[str]:
    if _session_held(facts):
        return []
    town = facts.attributes.get("township") or facts.subject
    return [f"{facts.year}年{town}没有召开人民代表大会会议的记录（会议台账中没有本年度的人代会）"]


def _personal(facts: Facts) -> list[str]:
    # The cadre composer knows its own sections: one rule for what a personal document needs.
    from .compose.personal import missing

    name = facts.attributes.get("name") or facts.subject
    return [f"{name}在{facts.year}年没有{need}" for need in missing(facts)]


def _deputy(facts: Facts) -> list[str]:
    if any(_has_records(s) for s in _matching(facts, DEPUTY_SECTIONS)):
        return []
    name = facts.attributes.get("name") or facts.subject
    return [
        f"{name}在{facts.year}年没有履职记录"
        "（出席会议、参加活动、提出建议或履职登记，均未在台账中找到）"
    ]


REQUIREMENTS: dict[str, Callable[[Facts], list[str]]] = {
    "presidium": _presidium,
    "personal": _personal,
    "deputy": _deputy,
}


def _value(facts: Facts, section: str, name: str) -> bool:
    s = facts.sections.get(section)
    return bool(s and (s.value(f"{section}.{name}") or s.value(name)))


def full_ledger(facts: Facts) -> bool:
    """Return whether the ledger holds everything the kind tells (GENRES §1 lengths apply).

    A presidium's year is full when its session was held and it ran inspections or
    evaluations; a deputy's when they attended the session, made suggestions, joined a
    named activity, visited voters and reported back to them. A cadre's when the ledger
    holds study, talks and probity records and at least ``FULL_PERSONAL_RECORDS`` records
    of their work.
    """
    if facts.kind.startswith("presidium"):
        activities = any(k.startswith(("inspection:", "evaluation:")) for k in facts.sections)
        return _session_held(facts) and activities
    if facts.kind == "deputy":
        voters = facts.sections.get("voters")
        return (
            _value(facts, "meetings", "sessions_attended")
            and _value(facts, "suggestions", "submitted")
            and any(k.startswith("joined:") for k in facts.sections)
            and _value(facts, "voters", "visits")
            and bool(voters and voters.attributes.get("report_back_date"))
        )
    if facts.kind == "personal":
        return _personal_full(facts)
    return not missing_records(facts)


# A cadre's year told record by record: at least this many records of their work (work-log
# entries, projects, indicators, cases) besides study, talks and probity records.
FULL_PERSONAL_RECORDS = 18


def _personal_full(facts: Facts) -> bool:
    if missing_records(facts):
        return False
    work = [
        r
        for k, s in facts.sections.items()
        if k.startswith(("portfolio:", "cases:", "indicator:")) or k in ("township", "presidium")
        for r in s.records
    ]
    own = all(facts.sections.get(k) and facts.sections[k].records
              for k in ("study", "talks", "integrity"))  # fmt: skip
    return own and len(work) >= FULL_PERSONAL_RECORDS


def missing_records(facts: Facts) -> list[str]:
    """Return what the ledger lacks for ``facts.kind``, one Chinese sentence each; [] if none."""
    # A kind named after another (``presidium_report``) shares its requirement.
    check = next((c for k, c in REQUIREMENTS.items() if facts.kind.startswith(k)), None)
    return check(facts) if check else []
