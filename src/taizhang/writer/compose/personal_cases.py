"""Cases a cadre handled (救助, 信访, …) and the petition told as a story."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts import FactSection
from ..model import Run, Section
from ..posts import kind_noun
from .base import Composer, para, section, sentence
from .telling import by_state, rec

if TYPE_CHECKING:
    from .personal import Post


def cases(c: Composer, s: FactSection, post: Post, level: int) -> Section:
    kind = s.attributes.get("kind", "")
    n, closed, open_ = c.fig(s, "count"), c.fig(s, "closed"), c.fig(s, "open")
    if open_ is None:
        progress = c.say("cs.all_closed", kind) if closed is not None else None
    else:
        progress = c.say("cs.partly", kind, closed=closed, rest=open_) or c.say(
            "cs.none_closed", kind, rest=open_
        )
    on_time = c.fig(s, "on_time")
    rated, good = c.fig(s, "rated"), c.fig(s, "satisfied")
    follow = sentence(
        c.say(
            "cs.on_time",
            kind,
            n=on_time,
            rate=c.rate(on_time, closed, f"{s.key}.on_time_rate", "按期办结率"),
        ),
        c.say("cs.rated", kind, n=rated, good=good),
        c.say("cs.paid", kind, n=c.fig(s, "paid"), money=c.fig(s, "amount")),
    )
    titles = sentence(c.say("cs.titles", kind, names=by_state(s.records, limit=4)))
    # The duty report tells its petition story under 能, not twice.
    story = petition_story(c, s) if kind == "信访" and c.variant != "duty" else None
    own = f"cs.count.{kind}"
    lead = (
        c.say(own, kind, n=n)
        if own in c.bank
        else c.say("cs.count", kind, kind=kind_noun(kind), n=n)
    )
    heading = f"h.cases.{kind}"
    return section(
        level,
        c.line(heading, kind)
        if heading in c.bank
        else c.line("h.cases", kind, kind=kind_noun(kind)),
        para(sentence(lead, progress), follow),
        para(titles),
        para(story),
        key=s.key,
    )


def petition_story(c: Composer, s: FactSection) -> list[Run] | None:
    """One petition told as a short anonymised story: 某村村民反映……，经……，已……."""
    done = [r for r in s.records if r.detail and r.state in ("已办结", "已回访")]
    if not done:
        return None
    r = done[0]
    detail = rec(r, r.detail.rstrip("。；"))
    title = rec(r, r.title.removeprefix("反映").removesuffix("问题"))
    return sentence(c.say("cs.story", "story", title=[title], detail=[detail]))
