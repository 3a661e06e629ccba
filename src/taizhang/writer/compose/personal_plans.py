"""Study, talks, skill, diligence, probity, problems and plans of a cadre's document."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..facts import Record
from ..model import Paragraph, Run, Section, TextRun, chinese_number
from ..numbers import format_date, to_decimal
from ..posts import kind_noun, tier_of
from .base import Composer, end_sentence, merge, nth, para, section, sentence, text
from .personal_cases import petition_story
from .telling import DIGIT, named, rec
from .worklog import dated, probity_records, skill_records

if TYPE_CHECKING:
    from .personal import Post


def told(r) -> list[Run] | None:
    """A record's own words (what was done there), or None when it has none or holds digits."""
    body = (r.detail or "").strip().rstrip("。；")
    return [rec(r, body)] if body and not DIGIT.search(body) else None


# A talk's title that begins with one of these already says what was done (与……谈心).
ACTED = ("与", "同", "和", "找", "约", "开展", "进行", "参加", "组织", "召开", "走访", "家访")


def acted(title: str) -> str:
    """A talk told as an act: 年终个别谈话 → 开展年终个别谈话; 与干部谈心 stays."""
    return title if title.startswith(ACTED) else f"开展{title}"


def details(c: Composer, slot: str, records: list, limit: int) -> list[list[Run] | None]:
    """One sentence per record with its own words: when, what it was, what was done."""
    out = []
    for r in [r for r in records if told(r)][:limit]:
        day = format_date(r.date, c.facts.year)
        title = acted(r.title) if slot.startswith("talks") else r.title
        out.append(sentence(c.say(slot, r.ref, date=day, title=title, what=told(r))))
    return out


def study(c: Composer, posts: list[Post]) -> Paragraph | None:
    s = c.section("study")
    stance = c.line("study.stance", tier=posts[0].tier if posts else "乡")
    applied = {r.ref for r in business_study(c)}
    entries = [r for r in (s.records if s else []) if r.kind == "工作记录" and r.ref not in applied]
    limit = 6 if c.variant == "duty" else 3
    said = details(c, "study.detail", entries, limit)
    if said:  # the records themselves tell what was studied; the count leads them
        count = sentence(c.say("study.count", n=c.fig(s, "study_entries")))
        rest = [r for r in entries if not told(r)] + [r for r in entries if told(r)][limit:]
    else:
        count, rest = None, entries
    joined: list[Run] = []
    for i, r in enumerate(rest[:4]):
        joined += [TextRun(("、" if i else "") + format_date(r.date, c.facts.year)), rec(r)]
    listed = c.say(
        "study.records" if count is None else "study.also",
        n=c.fig(s, "study_entries") if count is None else None,
        named=merge(joined) if joined else None,
    )
    body = sentence(
        listed,
        c.say("study.trainings", n=c.fig(s, "trainings")),
        topics(c, s),
    )
    return para(
        text(stance + "。"),
        sentence(c.say("study.lead")),
        count,
        *said,
        body,
        sentence(c.say("study.end")),
    )


def topics(c: Composer, s) -> list[Run] | None:
    """The trainings by name: all of them, or the first ones followed by 等."""
    names = c.texts(s, "topics")
    n = c.value(s, "trainings")
    some = n is not None and to_decimal(n) > len(names)
    return c.say("study.topics_some" if some else "study.topics", topics="、".join(names))


def talks(c: Composer) -> Paragraph | None:
    s = c.section("talks")
    if s is None or not s.records:
        return None
    said = details(c, "talks.detail", s.records, 5 if c.variant == "duty" else 3)
    return para(
        sentence(
            c.say("talks.count", n=c.fig(s, "talks_entries")),
            None if said else c.say("talks.named", names=named(s.records, 2)),
        ),
        *said,
        sentence(c.say("talks.end")),
    )


# Study of the trade (policies, laws, a line's own training), told under 能 in a duty report;
# political study (theory, the Party school, Party days) stays under 德.
POLITICAL = re.compile(r"理论|党校|党日|党课|党史|民主生活会|组织生活|三会一课|读书|党性")


def business_study(c: Composer) -> list[Record]:
    """A duty report's study records of the trade, told with what was learnt (at most three)."""
    s = c.section("study")
    if c.variant != "duty" or s is None:
        return []
    entries = [r for r in s.records if r.kind == "工作记录" and told(r)]
    return [r for r in entries if not POLITICAL.search(r.title)][:3]


def skill(c: Composer) -> list[Paragraph | None]:
    """能: the study of the trade, what was solved that needed skill, the petition story."""
    learnt = details(c, "study.detail", business_study(c), 3)
    out: list[Paragraph | None] = [
        para(text(c.phrase("skill.lead"))),
        para(sentence(c.say("skill.study")), *learnt) if learnt else None,
    ]
    for i, r in enumerate(skill_records(c)):
        what = told(r) or [rec(r)]
        day = format_date(r.date, c.facts.year)
        said = (  # the further examples each with their own opening (又如, 再如 …)
            nth(c, "skill.more", i - 1, date=day, what=what)
            if i
            else c.say("skill.entry", r.ref, date=day, what=what)
        )
        out.append(
            para(
                sentence(said),
                sentence(nth(c, "skill.result", i)),
            )
        )
    for s in c.repeated("cases"):
        if s.attributes.get("kind") == "信访":
            out.append(para(petition_story(c, s)))
            break
    return out


def diligence(c: Composer) -> Paragraph | None:
    s = c.section("diligence")
    duty = [text(c.phrase("qin.duty"))] if c.variant == "duty" else []
    return para(
        *duty,
        sentence(
            c.say("qin.entries", n=c.fig(s, "entries")),
            c.say("qin.village_days", n=c.fig(s, "village_days")),
        ),
        sentence(
            c.say("qin.visits", visits=visits(c, c.texts(s, "villages")))
            or c.say("qin.villages", names="、".join(c.texts(s, "villages")))
        ),
        sentence(
            c.say("qin.meetings", n=c.fig(s, "meetings")),
            c.say("qin.activities", n=c.fig(s, "activities")),
        ),
        lead=c.phrase("qin.lead"),
    )


def visits(c: Composer, villages: list[str]) -> list[Run] | None:
    """The duty report's 勤: the days the log puts the person in a village (首次 each)."""
    if c.variant != "duty":
        return None
    log = [r for p in c.repeated("portfolio") for r in p.records if r.kind == "工作记录"]
    seen: dict[str, Record] = {}
    for r in sorted(log, key=lambda r: r.date or ""):
        for v in villages:
            if v in r.title + r.detail and v not in seen and r not in seen.values():
                seen[v] = r
    if len(seen) < 2:
        return None
    runs: list[Run] = []
    for i, (v, r) in enumerate(seen.items()):
        runs += [TextRun(("，" if i else "") + format_date(r.date, c.facts.year) + "到"), rec(r, v)]
    return merge(runs)


def integrity(c: Composer, tier: str) -> list[Paragraph | None]:
    s = c.section("integrity")
    own = c.texts(s, "text")
    records = [r for r in (s.records if s else []) if r.kind == "工作记录"]
    said = details(c, "lian.detail", records, 3)
    what: list[Run] = []
    for i, r in enumerate([] if said else records[:3]):
        what += [TextRun(("、" if i else "") + format_date(r.date, c.facts.year)), rec(r)]
    listed = c.say("lian.records", what=merge(what)) if what else None
    return [
        para(
            text(c.phrase("lian.rules")),
            sentence(listed),
            *said,
            *[text(end_sentence(t)) for t in own],
        ),
        para(open_hands(c)),
        para(text(c.line("lian.duty", tier=tier))),
    ]


def open_hands(c: Composer) -> list[Run] | None:
    """The entries on money paid out or people chosen in the open, with their days."""
    items: list[Run] = []
    for i, r in enumerate(probity_records(c)):
        items += [TextRun("；")] * bool(i) + dated(c, r)
    return sentence(c.say("lian.funds", items=items)) if items else None


def problems(c: Composer) -> list[tuple[list[Run], str]]:
    """(shortcoming, plan answering it) pairs found in the data, worst first."""
    out: list[tuple[list[Run] | None, str]] = open_items(c)
    for s in c.repeated("cases"):
        kind = kind_noun(s.attributes.get("kind", ""))
        overdue, rest = c.fig(s, "overdue"), c.fig(s, "open")
        if overdue is not None:
            out.append((c.say("short.overdue", s.key, kind=kind, n=overdue),
                        c.line("plan.overdue", s.key, kind=kind)))  # fmt: skip
        elif rest is not None:
            out.append((c.say("short.open", s.key, kind=kind, n=rest),
                        c.line("plan.open", s.key, kind=kind)))  # fmt: skip
        unhappy = c.fig(s, "unsatisfied")
        if unhappy is not None:
            out.append((c.say("short.unsatisfied", s.key, kind=kind, n=unhappy),
                        c.line("plan.unsatisfied", s.key, kind=kind)))  # fmt: skip
    for i in c.repeated("indicator"):
        name = c.attr(i, "name")
        target, actual = c.fig(i, "target"), c.fig(i, "actual")
        rate = c.rate(actual, target, f"{i.key}.completion_rate", "完成率")
        if rate is not None and to_decimal(rate.value) < 100:
            out.append((c.say("short.below", i.key, name=name, rate=rate),
                        c.line("plan.below", i.key, name=name)))  # fmt: skip
        if c.value(i, "rank_down") is not None:
            out.append(
                (
                    c.say("short.rank_down", i.key, name=name),
                    c.line("plan.rank_down", i.key, name=name),
                )
            )
    for p in c.repeated("portfolio"):
        a, b = c.value(p, "funds_intended"), c.value(p, "funds_arrived")
        if a and to_decimal(b or 0) * 2 < to_decimal(a):
            out.append((c.say("short.arrival"), c.phrase("plan.arrival")))
            break
    return [(s, p) for s, p in out if s]


OPINION_KINDS = (("inspection", "视察意见"), ("evaluation", "评议意见"))


def open_items(c: Composer) -> list[tuple[list[Run] | None, str]]:
    """A head's township or a 人大主席's presidium: what is still open, with its plan."""
    out: list[tuple[list[Run] | None, str]] = []
    t = c.section("township")
    if t is not None:
        tier = tier_of(c.attr(t, "name"))
        for slot, n in (
            ("tw_open", c.fig(t, "suggestions_open")),
            ("tw_petitions", c.fig(t, "petitions_open")),
        ):
            if n is not None:
                out.append((c.say(f"short.{slot}", tier=tier, n=n), c.line(f"plan.{slot}")))
        out += opinions(c, "tw", [c.fig(t, f"{w}_open") for w, _ in OPINION_KINDS], tier)
    p = c.section("presidium")
    if p is not None:
        n = c.fig(p, "open")
        if n is not None:
            out.append((c.say("short.pr_open", n=n), c.line("plan.pr_open")))
        out += opinions(c, "pr", [c.fig(p, f"{w}_opinions_open") for w, _ in OPINION_KINDS])
    return out


def opinions(c: Composer, who: str, open_: list, tier: str = "") -> list:
    """Opinions not yet rectified: both kinds told as one item (by their summed fact),
    else the one kind that has any."""
    section = c.section("township" if who == "tw" else "presidium")
    both = c.fig(section, "opinions_open")
    if both is not None and all(n is not None for n in open_):
        kinds = [("视察、评议意见", both)]
    else:
        kinds = [(kind, n) for (_, kind), n in zip(OPINION_KINDS, open_, strict=True) if n]
    return [
        (
            c.say(f"short.{who}_opinions", kind, tier=tier, kind=kind, n=n),
            c.line(f"plan.{who}_opinions", kind, kind=kind),
        )  # fmt: skip
        for kind, n in kinds
    ]


def trouble_and_plans(c: Composer, tier: str) -> list[Section]:
    s = c.section("plans")
    found = problems(c)
    own_shorts = [text(t.rstrip("。；;")) for t in c.texts(s, "shortcomings")]
    custom_short = c.phrase("short.custom")
    custom = [] if own_shorts else [text(custom_short)]
    shorts = [runs for runs, _ in found] + own_shorts + custom
    answers = [p for _, p in found if p]
    names = [p.attributes.get("name", "") for p in c.repeated("portfolio")]
    works = [n.removesuffix("工作") for n in names if n and "全面" not in n][:4]
    listed = "、".join(works) + ("等工作" if len(works) > 1 else "工作")
    own_plans = c.texts(s, "plans")
    tasks = [c.line("plan.next", works=listed)] if works else []
    plans = answers + [t for t in own_plans if t not in answers] + tasks
    if not own_shorts:  # the plan that answers the customary self-criticism
        plans.append(c.pick("short.custom", c.bank["plan.custom"]))  # same draw, same index
    short_p = para(text(c.phrase(one_or_many("short.lead", shorts))), *numbered(shorts))
    lead = c.line(one_or_many("plan.lead", plans), next=str(c.facts.year + 1))
    plan_p = para(text(lead), *numbered([text(p) for p in plans])) if plans else None
    return [
        section(1, c.phrase("h.shortcomings"), short_p, key="shortcomings"),
        section(1, c.phrase("h.plans"), plan_p, key="plans"),
    ]


def one_or_many(slot: str, items: list) -> str:
    """Return the ``_one`` slot for a single item: one item is no list of 方面."""
    return f"{slot}_one" if len(items) == 1 else slot


def numbered(items: list[list[Run]]) -> list[list[Run]]:
    """Runs for 一是……；二是……。 where items may hold figures."""
    if len(items) == 1:
        return [items[0], text("。")]
    out = []
    for i, runs in enumerate(items, 1):
        out.append(text(f"{chinese_number(i)}是"))
        out.append(
            [*runs[:-1], TextRun(runs[-1].text.rstrip("。；"))]
            if isinstance(runs[-1], TextRun)
            else runs
        )
        out.append(text("。" if i == len(items) else "；"))
    return out
