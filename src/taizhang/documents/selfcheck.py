"""Self-check: a document's text against the checker's consistency rules before it goes out.

The rules are the checker's (``check_consistency``); this module only builds their
``ClaimFacts`` from the document's facts and the org tree, and decides what blocks output.
"""

from __future__ import annotations

from taizhang.checker import ClaimFacts, check_consistency
from taizhang.writer.facts import Facts
from taizhang.writer.requirements import session_held

BLOCKING = "错误"  # findings at this severity stop an export; warnings are shown only
# Where each kind keeps the cases its text reports on: (section, total, closed, on time).
CASE_FIGURES = {
    "personal": ("cases", "handled", "closed", "on_time"),
    "presidium": ("session", "motions_received", "motions_closed", None),
    "deputy": ("suggestions", "submitted", "answered", None),
}


def _count(facts: Facts, section: str, name: str | None) -> int | None:
    s = facts.sections.get(section)
    if s is None or name is None:
        return None
    value = s.value(name)
    if value is None:
        value = s.value(f"{section}.{name}")
    return None if value is None else int(value)


def claim_facts(facts: Facts, township=None) -> ClaimFacts:
    """What the ledger says, for the claims rules: 乡/镇 from the org tree, year, session, cases."""
    name = getattr(township, "name", "") or facts.attributes.get("township", "")
    kind = name[-1] if name[-1:] in ("乡", "镇") else None
    figures = next((v for k, v in CASE_FIGURES.items() if facts.kind.startswith(k)), None)
    total = closed = on_time = None
    if figures is not None:
        section, *names = figures
        total, closed, on_time = (_count(facts, section, n) for n in names)
    return ClaimFacts(
        township_kind=kind,
        township_name=name or None,
        year=facts.year or None,
        session_held=session_held(facts) if facts.kind.startswith("presidium") else None,
        cases_total=total,
        cases_closed=closed,
        cases_on_time=on_time,
    )


def self_check(text: str, facts: Facts, township=None) -> list:
    """Every consistency finding of ``text`` (the checker's ``Finding`` objects)."""
    return check_consistency(text, facts=claim_facts(facts, township))


def blocking(findings: list) -> list:
    return [f for f in findings if f.severity == BLOCKING]


def findings_text(findings: list) -> str:
    """One line per finding, as the command line and the refusal messages show them."""
    return "\n".join(f"  - “{f.text}”：{f.message}" for f in findings)


def refusal_message(findings: list) -> str:
    """The message shown when a draft may not go out: its blocking findings, named."""
    return "自检发现文稿前后不一致或与台账不符，暂不能导出，请先修改：" + "；".join(
        f"“{f.text}”{f.message}" for f in findings
    )


def draft_self_check(draft) -> list:
    """Self-check a (possibly edited) draft against fresh facts of its subject and year."""
    from taizhang.documents.draft import draft_plain_text
    from taizhang.documents.facts import build_facts

    facts = build_facts(
        kind=draft.kind,
        year=draft.year,
        township=draft.township,
        person=draft.person,
        inputs=draft.inputs,
    )
    return self_check(draft_plain_text(draft.content)[0], facts, draft.township)
