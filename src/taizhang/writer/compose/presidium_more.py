"""More of the presidium's year told from its records, shared by summary and work report.

The votes on each report, the deputies' own duty records, what each activity did, the
answers to suggestions and the figures behind the work report's lessons.
"""

from __future__ import annotations

from ..facts import FactSection
from ..model import Paragraph, Run, TextRun
from .base import Composer, merge, nth, para, sentence

DUTY = (
    ("visits", "duty.visits"),
    ("helped", "duty.helped"),
    ("suggestions", "duty.suggestions"),
    ("reflections", "duty.reflections"),
)


def joined(parts: list[list[Run]], sep: str = "、") -> list[Run]:
    """Join clauses into one run list with ``sep`` between them."""
    out: list[Run] = []
    for i, p in enumerate(parts):
        if i:
            out.append(TextRun(sep))
        out.extend(p)
    return out


def vote_paragraph(c: Composer) -> Paragraph | None:
    """How each report was approved: 政府工作报告以赞成52票、反对0票、弃权1票获得通过."""
    said = []
    for i, v in enumerate(c.repeated("vote")):
        # A zero is not written (反对0票): the votes cast are named, the rest left out.
        parts = [
            [TextRun(word), fig]
            for name, word in (("for", "赞成"), ("against", "反对"), ("abstain", "弃权"))
            if (fig := c.fig(v, name)) is not None
        ]
        if parts:
            said.append(nth(c, "vote.item", i, title=c.attr(v, "title"), votes=joined(parts)))
    said = [s for s in said if s]
    if not said:
        return None
    return para(sentence(c.say("vote.lead", items=joined(said, "；"))))


def titled(c: Composer, m: FactSection) -> list[Run]:
    """A motion's title with its lead deputy and co-signers after it: “……”（王某等6名代表联名）."""
    title: list[Run] = [TextRun(f"“{c.attr(m, 'title')}”")]
    n = c.fig(m, "sponsors")
    if not n:
        return title
    lead = c.attr(m, "lead_name")
    return merge([*title, TextRun(f"（{lead}等" if lead else "（"), n, TextRun("代表联名）")])


def duty_paragraph(c: Composer) -> Paragraph | None:
    """What the deputies recorded themselves: visits, help, suggestions, reflections."""
    s = c.section("duty")
    parts = [p for p in (c.say(slot, n=c.fig(s, name)) for name, slot in DUTY) if p]
    return para(
        sentence(c.say("duty.lead", items=joined(parts))) if parts else None,
        sentence(c.say("duty.complete", n=c.fig(s, "complete"), quotas=c.fig(s, "quotas"))),
    )


def summary_sentence(c: Composer, s: FactSection, i: int):
    """What an activity did, in the words of its record (视察组走访……)."""
    summary = c.texts(s, "summary")[:1]
    # A report-back's record says what every report-back does: told by its steps instead.
    if not summary or s.key.startswith("report_back:"):
        return None
    text = summary[0]
    text = f"主席团{text}" if text.startswith(("请", "邀请")) else text
    return sentence(nth(c, "act.summary", i, summary=text.rstrip("。")))


OUTCOMES = (
    ("session", "motions_closed", "out.motions"),
    ("suggestions", "others_closed", "out.suggestions"),
    ("plan", "opinions_closed", "out.opinions"),
    ("petitions", "received", "out.petitions"),
)


def outcomes_sentence(c: Composer):
    """The year's results in one sentence at the head of the work report's review."""
    parts = [c.say(slot, n=c.fig(c.section(key), name)) for key, name, slot in OUTCOMES]
    parts = [p for p in parts if p]
    return sentence(c.say("review.outcomes", items=joined(parts, "，"))) if parts else None


def group_summary(c: Composer, s: FactSection, i: int):
    """What a study session covered, in the words of its record (the report tells it)."""
    summary = [t.rstrip("。") for t in c.texts(s, "summary")[:1]]
    if not summary or "group.summary" not in c.bank:
        return None
    text = f"主席团{summary[0]}" if summary[0].startswith(("请", "邀请")) else summary[0]
    return sentence(nth(c, "group.summary", i, summary=text))


WAYS = ("presidium", "group_leader", "activity", "phone", "home_visit", "hardship")


def liaison_paragraphs(c: Composer) -> list[Paragraph | None]:
    s = c.section("liaison")
    ways = [c.say(f"liaison.{w}", n=c.fig(s, f"way_{w}")) for w in WAYS]
    if not any(ways) and not c.fig(s, "contacts") and not c.fig(s, "voter_visits"):
        return []
    return [
        para(
            sentence(c.say("liaison.lead")),
            sentence(
                c.say("liaison.total", n=c.fig(s, "contacts"), deputies=c.fig(s, "contacted"))
            ),  # fmt: skip
            sentence(*ways, join="，"),
            sentence(c.say("liaison.voter_visits", n=c.fig(s, "voter_visits"))),
        )
    ]


CHANNELS = ("letter", "visit", "phone", "online")


def channel_paragraph(c: Composer) -> Paragraph | None:
    """How the year's petitions came in, when the channels account for all of them."""
    s = c.section("petitions")
    total = c.value(s, "received")
    figs = [(k, c.fig(s, f"channel_{k}")) for k in CHANNELS]
    figs = [(k, f) for k, f in figs if f is not None]
    if not total or not figs or sum(float(f.value) for _, f in figs) != float(total):
        return None
    parts = [p for p in (c.say(f"pet.{k}", n=f) for k, f in figs) if p]
    return para(sentence(c.say("pet.channels", items=joined(parts))))


def lesson_evidence(c: Composer, key: str):
    """The figure a lesson of the work report rests on, when the ledger has it."""
    plan = c.section("plan")
    if key == "people":
        return sentence(c.say("lesson.people_figures", n=c.fig(plan, "person_times")))
    if key == "follow":
        return sentence(
            c.say(
                "lesson.law_figures",
                n=c.fig(plan, "opinions"),
                m=c.fig(plan, "opinions_closed"),
            )
        )
    return None
