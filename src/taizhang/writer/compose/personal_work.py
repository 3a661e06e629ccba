"""The work parts of a cadre's document: township or presidium figures, portfolios, cases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts import FactSection, Record
from ..model import Run, Section
from ..numbers import to_decimal
from ..posts import portfolio_holds
from .base import Composer, para, section, sentence
from .indicators import indicator, plain_indicators
from .personal_cases import cases
from .personal_overall import presidium, township
from .telling import by_state, rec
from .worklog import is_log, only_log, probity_records, skill_records, worklog

if TYPE_CHECKING:
    from .personal import Post


def post_work(c: Composer, post: Post, *, level: int) -> list[Section]:
    """Every work part of one post, heaviest first."""
    out = []
    t = c.section("township")
    if t is not None and t.attributes.get("post") == post.key:
        out.append(township(c, t, post, level))
    pr = c.section("presidium")
    if pr is not None and pr.attributes.get("post") == post.key:
        out.append(presidium(c, pr, post, level))
    overall = out[0] if out else None
    own_cases = [s for s in c.repeated("cases") if s.attributes.get("post") == post.key]
    for s in c.repeated("portfolio"):
        if s.attributes.get("post", "post:1") == post.key:
            name = s.attributes.get("name", "")
            held = [k for k in own_cases if portfolio_holds(name, k.attributes.get("kind", ""))]
            part = portfolio(c, s, post, level)
            if overall is not None and not held and only_log(c, s):
                overall.paragraphs += part.paragraphs  # 政府全面工作: told with the whole
                continue
            for k in held:  # 民政救助 tells its 救助 cases under its own heading, log last
                told = [p for p in part.paragraphs if is_log(p)]
                part.paragraphs[:] = [
                    *[p for p in part.paragraphs if not is_log(p)],
                    *cases(c, k, post, level).paragraphs,
                    *told,
                ]
                own_cases.remove(k)
            out.append(part)
    if post.key == "post:1":
        loose = [i for i in c.repeated("indicator") if not i.attributes.get("portfolio")]
        loose = [i for i in loose if not i.attributes.get("township")]
        if loose:
            out.append(
                section(level, c.phrase("h.indicators"), *[para(indicator(c, i)) for i in loose])
            )
    out += [cases(c, s, post, level) for s in own_cases]
    return [s for s in out if not s.is_empty()]


def portfolio(c: Composer, s: FactSection, post: Post, level: int) -> Section:
    name = s.attributes.get("name", "")
    work = name if name.endswith("工作") else f"{name}工作"
    intended, arrived = c.fig(s, "funds_intended"), c.fig(s, "funds_arrived")
    arrival = c.rate(arrived, intended, f"{s.key}.arrival_rate", "资金到位率")
    projects = [r for r in s.records if r.kind == "项目"]
    money = para(
        sentence(
            c.say("pf.projects", name, work=work, n=c.fig(s, "projects")),
            c.say("pf.intended", name, money=intended),
            c.say("pf.arrived", name, money=arrived),
        ),
        sentence(
            c.say("pf.arrival_rate", name, rate=arrival),
            c.say("pf.output", name, money=c.fig(s, "output")),
            c.say("pf.taxes", name, money=c.fig(s, "taxes")),
        ),
    )
    states = para(
        sentence(c.say("pf.names", name, names=by_state(projects, unit="个"))),
        lead_project(c, s, projects),
    )
    own = [i for i in c.repeated("indicator") if i.attributes.get("portfolio") == name]
    plain = [i for i in own if c.fact(i, "target") is None and c.fact(i, "rank") is None]
    ranked = [i for i in own if i not in plain]
    results = para(*plain_indicators(c, name, work, plain), *[indicator(c, i) for i in ranked])
    skip = {r.ref for r in skill_records(c)} if c.variant == "duty" else set()
    skip |= {r.ref for r in probity_records(c)}
    entries = [r for r in s.records if r.kind == "工作记录" and r.ref not in skip]
    told = [para(runs) for runs in worklog(c, name, entries)] if entries else []
    heading = c.line("h.portfolio", name, work=work)
    return section(level, heading, money, states, results, *told, key=s.key)


def lead_project(c: Composer, s: FactSection, projects: list[Record]) -> list[Run] | None:
    """The largest project told with its own money: name, 签约（意向）资金, 实际到位资金."""
    best, most = None, 0
    for r in projects:
        pk = r.ref.rsplit(":", 1)[1]
        value = c.value(s, f"project.{pk}.intended")
        if value is not None and to_decimal(value) > most:
            best, most = (r, pk), to_decimal(value)
    if best is None:
        return None
    r, pk = best
    return sentence(
        c.say(
            "pf.lead_project",
            s.key,
            name=[rec(r)],
            money=c.fig(s, f"project.{pk}.intended"),
            arrived=c.fig(s, f"project.{pk}.arrived"),
        )  # fmt: skip
    )


__all__ = ["post_work"]
