"""Presidium facts told as records: motions by title, suggestions by topic, one petition story."""

from __future__ import annotations

import re

from taizhang.cases.figures import year_cases
from taizhang.cases.models import CLOSED_STATES, CaseKind, CaseState, Satisfaction
from taizhang.documents.facts.common import put as _put
from taizhang.writer.facts import Facts

# Topic of a suggestion by the words of its title: first match wins, in this order.
TOPICS = (
    ("交通出行", ("公路", "道路", "硬化", "公交", "桥", "交通", "村道", "路面", "停车", "主干道")),
    ("教育文化", ("学校", "教育", "幼儿园", "文化", "广场", "图书")),
    ("医疗卫生", ("卫生", "医", "药", "诊")),
    ("农田水利", ("水渠", "灌溉", "河道", "饮水", "管网", "塘", "排涝", "水利")),
    ("产业发展", ("冷链", "农产品", "种植", "养殖", "合作社", "产业", "油坊", "市场")),
    ("人居环境", ("垃圾", "厕", "环境", "污水", "排污", "绿化")),
    ("公共设施", ("路灯", "网络", "信号", "健身", "设施")),
    ("社会保障", ("低保", "养老", "救助", "就业", "保险")),
)
OTHER_TOPIC = "其他"

# Where a motion or suggestion stands, as the writer names it.
OUTCOMES = {
    CaseState.CLOSED: "closed",
    CaseState.FOLLOWED_UP: "closed",
    CaseState.RATED: "answered",
    CaseState.ANSWERED: "answered",
    CaseState.REDO_PENDING: "redo",
    CaseState.HANDLING: "handling",
    CaseState.ASSIGNED: "assigned",
}


def topic_of(title: str) -> str:
    """Return the topic a suggestion's title falls under."""
    for topic, words in TOPICS:
        if any(w in title for w in words):
            return topic
    return OTHER_TOPIC


def outcome_of(state: str, redo_count: int) -> str:
    if state == CaseState.HANDLING and redo_count:
        return "redo"
    return OUTCOMES.get(state, "registered")


def clip(text: str) -> str:
    """Return the first sentence of a person's text without its final mark."""
    first = re.split(r"[。；！？\n]", (text or "").strip())[0]
    return first.strip("，、 ")


def motion_records(f: Facts, township, year: int) -> None:
    """Add one ``motion:<id>`` section per motion (registered or handled as a suggestion)."""
    rows = (
        year_cases(township, year)
        .filter(kind__in=[CaseKind.MOTION, CaseKind.SUGGESTION])
        .select_related("handling_unit")
        .order_by("registered", "code", "id")
    )
    by_topic: dict[str, list] = {}
    for case in rows:
        if case.kind == CaseKind.MOTION or case.converted_from_motion:
            s = f.section(f"motion:{case.pk}")
            s.attributes.update(
                title=case.title,
                registered="yes" if case.kind == CaseKind.MOTION else "no",
                outcome=outcome_of(case.state, case.redo_count),
                satisfaction=case.satisfaction,
                unit=case.handling_unit.name if case.handling_unit_id else "",
                answer=clip(case.answer_text),
            )
            _put(s, "record", case.title, [case.pk], "件", "cases.Case", keywords=("议案",))
            sponsors = list(case.sponsors.select_related("person").order_by("-is_lead", "id"))
            if sponsors:
                s.attributes["lead_name"] = sponsors[0].person.name
                f.names.add(sponsors[0].person.name)
            if len(sponsors) > 1:
                _put(s, "sponsors", "联名代表", [sp.person_id for sp in sponsors], "名",
                     "people.Person", keywords=("联名",))  # fmt: skip
            continue
        by_topic.setdefault(topic_of(case.title), []).append(case)
    for topic, cases in sorted(by_topic.items(), key=lambda item: (-len(item[1]), item[0])):
        s = f.section(f"suggestion_topic:{topic}")
        s.attributes["topic"] = topic
        _put(s, "count", f"{topic}建议", [c.pk for c in cases], "件", "cases.Case",
             keywords=("建议",))  # fmt: skip
        closed = [c.pk for c in cases if c.state in CLOSED_STATES]
        answered = [c.pk for c in cases if c.state in CLOSED_STATES or c.answer_text]
        _put(s, "answered", f"{topic}建议答复", answered, "件", "cases.Case")
        _put(s, "closed", f"{topic}建议办结", closed, "件", "cases.Case")
        s.texts["titles"] = [c.title for c in cases[:3]]
        s.texts["answers"] = [clip(c.answer_text) for c in cases if c.answer_text][:2]


def petition_story(township, year: int) -> dict[str, str]:
    """Return one settled petition told without personal data (no name, no village)."""
    rows = (
        year_cases(township, year)
        .filter(kind=CaseKind.PETITION, state__in=CLOSED_STATES)
        .exclude(state=CaseState.REJECTED)
        .exclude(answer_text="")
        .select_related("village")
        .order_by("-answer_method", "registered", "id")
    )
    best = next((c for c in rows if c.content), None) or next(iter(rows), None)
    if best is None:
        return {}

    def anonymise(text: str) -> str:
        out = clip(text)
        for word in (best.petitioner_name, best.village.name if best.village_id else ""):
            if word:
                out = out.replace(word, "该村" if word.endswith("村") else "当事人")
        return out

    return {
        "id": str(best.pk),
        "content": anonymise(best.content or best.title),
        "answer": anonymise(best.answer_text),
        "closed": best.closed.isoformat() if best.closed else "",
        "satisfied": "yes"
        if best.satisfaction in (Satisfaction.SATISFIED, Satisfaction.BASICALLY)
        else "",
    }
