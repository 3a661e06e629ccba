"""The work parts of a cadre's document: township or presidium figures, portfolios, cases."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..facts import FactSection, Record
from ..model import FigureRun, Paragraph, Run, Section, TextRun
from ..numbers import format_date, format_figure, to_decimal
from ..posts import kind_noun, portfolio_holds
from .base import Composer, listing, merge, nth, para, section, sentence, text

if TYPE_CHECKING:
    from .personal import Post

DIGIT = re.compile(r"[0-9０-９]")
# What a project's or case's state means in running text.
STATE_WORDS = {
    "洽谈": "正在洽谈", "签约": "已签约", "在建": "正在建设", "投产": "已建成投产",
    "竣工": "已竣工", "终止": "已终止",
    "已建档": "已发放并建档", "已发放": "资金已发放", "已审批": "已审批待发放",
    "已上报": "已上报待审批", "已核实": "已核实待上报", "已申请": "已受理申请",
    "已办结": "已办结", "已回访": "已办结并回访", "已评价": "已答复并评价",
    "已答复": "已答复", "不予受理": "依法不予受理", "待重办": "正在重新办理",
    "调查中": "正在调查", "已受理": "已受理待办", "已交办": "已交办承办单位", "办理中": "正在办理",
    "已登记": "已登记", "已退回": "退回重新交办", "整改中": "正在整改", "已反馈": "已反馈",
}  # fmt: skip
OPINIONS = ("视察意见", "评议意见", "述职意见")


def rec(r: Record, shown: str = "") -> FigureRun:
    """A record told by name: a run carrying its source, so its name is no stray number."""
    return FigureRun(None, "", shown or r.title, (r.ref,), f"record:{r.ref}", r.kind)


def named(records: list[Record], limit: int = 3) -> list[Run]:
    """Runs naming up to ``limit`` records joined by 、 (titles in 《》 stay as they are)."""
    runs: list[Run] = []
    for i, r in enumerate(records[:limit]):
        if i:
            runs.append(TextRun("、"))
        runs.append(rec(r))
    return runs


def by_state(records: list[Record], *, limit: int = 5) -> list[Run] | None:
    """Runs such as 冷链物流中心、……正在建设，食用油小包装生产线已建成投产."""
    groups: dict[str, list[Record]] = {}
    for r in records[:limit]:
        groups.setdefault(STATE_WORDS.get(r.state, r.state), []).append(r)
    clauses = []
    for word, rs in groups.items():
        if word:
            clauses.append([*named(rs, limit), TextRun(word)])
    if not clauses:
        return None
    runs: list[Run] = []
    for i, cl in enumerate(clauses):
        if i:
            runs.append(TextRun("，"))
        runs.extend(cl)
    return merge(runs)


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


def is_log(p: Paragraph) -> bool:
    """A paragraph telling work-log entries (its record runs point at WorkEntry rows)."""
    return any(getattr(r, "fact", "").startswith("record:ledger.WorkEntry:") for r in p.runs)


def only_log(c: Composer, s: FactSection) -> bool:
    """A portfolio with nothing but work-log entries (no projects, no indicators)."""
    name = s.attributes.get("name")
    own = [i for i in c.repeated("indicator") if i.attributes.get("portfolio") == name]
    return not own and all(r.kind == "工作记录" for r in s.records)


def township(c: Composer, s: FactSection, post: Post, level: int) -> Section:
    tier = post.tier
    projects = sentence(
        c.say("tw.projects", tier=tier, n=c.fig(s, "projects")),
        c.say("tw.intended", money=c.fig(s, "funds_intended")),
        c.say("tw.arrived", money=c.fig(s, "funds_arrived")),
    )
    output = sentence(
        c.say("tw.output", money=c.fig(s, "output")), c.say("tw.taxes", money=c.fig(s, "taxes"))
    )
    names = by_state([r for r in s.records if r.kind == "项目"])
    key_projects = sentence(c.say("tw.names", names=names))
    ranked = [
        indicator(c, i) for i in c.repeated("indicator") if i.attributes.get("township") == "1"
    ]
    motions = c.fig(s, "motions")
    cases = sentence(
        c.say("tw.cases", tier=tier, n=motions, m=c.fig(s, "suggestions"))
        if motions is not None
        else c.say("tw.suggestions", n=c.fig(s, "suggestions")),
        c.say("tw.cases_closed", n=c.fig(s, "suggestions_closed")),
        c.say("tw.cases_open", n=c.fig(s, "suggestions_open")),
    )
    petitions = sentence(
        c.say("tw.petitions", tier=tier, n=c.fig(s, "petitions")),
        c.say("tw.petitions_settled", n=c.fig(s, "petitions_settled")),
    )
    opinions = sentence(
        c.say(
            "tw.opinions",
            tier=tier,
            n=c.fig(s, "inspection_opinions"),
            m=c.fig(s, "evaluation_opinions"),
        ),
        c.say(
            "tw.opinions_closed",
            n=c.fig(s, "inspection_closed"),
            m=c.fig(s, "evaluation_closed"),
        ),
    )
    return section(
        level,
        c.line("h.township", tier=tier),
        para(text(c.line("tw.lead", tier=tier) + "。"), projects, output),
        para(key_projects, *ranked),
        para(cases, opinions),
        para(petitions),
        key="township",
    )


def presidium(c: Composer, s: FactSection, post: Post, level: int) -> Section:
    date = format_date(s.attributes.get("session_date"), c.facts.year)
    session = s.attributes.get("session_name", "")
    opened = sentence(
        c.say(
            "pr.session", date=date, session=session, e=c.fig(s, "expected"), p=c.fig(s, "present")
        ),  # fmt: skip
        c.say("pr.reports", n=c.fig(s, "reports_approved")),
    )
    motions = sentence(
        c.say("pr.motions", n=c.fig(s, "motions"), m=c.fig(s, "suggestions")),
        c.say("pr.closed", n=c.fig(s, "closed")),
        c.say("pr.satisfaction", rate=c.fig(s, "satisfaction_rate")),
    )
    visits = [topic(r) for r in s.records if r.kind in ("视察", "调研", "执法检查")]
    evals = [topic(r, place=True) for r in s.records if r.kind == "站所评议"]
    supervision = sentence(
        c.say("pr.inspections", topics=named(visits), n=c.fig(s, "inspection_opinions")),
        *opinion_progress(c, s, "inspection", "pr.inspections"),
    )
    evaluation = sentence(
        c.say("pr.evaluations", units=named(evals), n=c.fig(s, "evaluation_opinions")),
        *opinion_progress(c, s, "evaluation", "pr.evaluations"),
    )
    meetings = sentence(c.say("pr.presidium_meetings", n=c.fig(s, "presidium_meetings")))
    return section(
        level,
        c.line("h.presidium", tier=post.tier),
        para(opened, meetings),
        para(motions),
        para(supervision, evaluation),
        key="presidium",
    )


TOPIC_TAIL = re.compile(r"(?:的)?(?:专题视察|专题调研|执法检查|视察|调研|工作评议|评议)$")


def topic(r: Record, *, place: bool = False) -> Record:
    """An activity named by its topic without the activity word (…专题视察 → …)."""
    name = r.place if place and r.place else TOPIC_TAIL.sub("", r.title) or r.title
    return Record(r.ref, name, r.kind, r.state, r.date, r.detail, r.place)


def difference(a: FigureRun | None, b: FigureRun | None, key: str, label: str):
    """Return a - b as a figure carrying the sources of a that b does not count."""
    if a is None:
        return None
    value = to_decimal(a.value) - (to_decimal(b.value) if b is not None else 0)
    if value <= 0:
        return None
    gone = set(b.sources) if b is not None else set()
    sources = tuple(x for x in a.sources if x not in gone)
    return FigureRun(value, a.unit, format_figure(value, a.unit), sources, key, label)


def opinion_progress(c: Composer, s: FactSection, what: str, slot: str) -> list:
    """已办结 n 条 and the rest still being rectified: the parts add up to the whole."""
    total, closed = c.fig(s, f"{what}_opinions"), c.fig(s, f"{what}_opinions_closed")
    if total is not None and closed is None:
        return [c.say(f"{slot}_all_open")]
    rest = c.fig(s, f"{what}_opinions_open") or difference(
        total, closed, f"{s.key}.{what}_open", "正在整改"
    )
    return [c.say(f"{slot}_closed", n=closed), c.say(f"{slot}_rest", n=rest)]


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
        sentence(c.say("pf.names", name, names=by_state(projects))), lead_project(c, s, projects)
    )
    own = [i for i in c.repeated("indicator") if i.attributes.get("portfolio") == name]
    plain = [i for i in own if c.fact(i, "target") is None and c.fact(i, "rank") is None]
    ranked = [i for i in own if i not in plain]
    results = para(*plain_indicators(c, name, work, plain), *[indicator(c, i) for i in ranked])
    skip = {r.ref for r in skill_records(c)} if c.variant == "duty" else set()
    entries = [r for r in s.records if r.kind == "工作记录" and r.ref not in skip]
    told = [para(runs) for runs in worklog(c, name, entries)] if entries else []
    heading = c.line("h.portfolio", name, work=work)
    return section(level, heading, money, states, results, *told, key=s.key)


SKILL = re.compile(r"协调|调解|化解|解决|攻坚|破解|理顺|疏通")
# Work that took organising when no entry tells a problem solved.
ORGANISING = re.compile(r"组织|筹备|调度|督促|推动|统筹")


def skill_records(c: Composer) -> list[Record]:
    """Work-log entries that tell a problem solved (协调解决, 调解化解), else organising; two."""
    log = [r for s in c.repeated("portfolio") for r in s.records if r.kind == "工作记录"]
    solved = [r for r in log if SKILL.search(r.detail + r.title)]
    organised = [r for r in log if r not in solved and ORGANISING.search(r.detail + r.title)]
    return (solved + organised)[:4]


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


def plain_indicators(c: Composer, name: str, work: str, items: list) -> list[list[Run]]:
    """Results with no target (发展油坊50家), three to a sentence."""
    clauses = [
        c.say("ind.plain", i.key, name=c.attr(i, "name"), x=c.fig(i, "actual")) for i in items
    ]
    kept = [cl for cl in clauses if cl]
    out = []
    for n, start in enumerate(range(0, len(kept), 3)):
        body = sentence(*kept[start : start + 3], join="、")
        assert body is not None
        out.append(merge([TextRun(c.line("ind.plain_lead", f"{name}{n}", work=work)), *body]))
    return out


def indicator(c: Composer, s: FactSection) -> list[Run] | None:
    """An indicator with target, completion and county rank: 目标…，完成…，排名第3位."""
    name = c.attr(s, "name")
    target, actual = c.fig(s, "target"), c.fig(s, "actual")
    rate = c.rate(actual, target, f"{s.key}.completion_rate", "完成率")
    done = rate is not None and to_decimal(rate.value) >= 100
    up, down = c.fig(s, "rank_up"), c.fig(s, "rank_down")
    move = c.say("ind.up", s.key, n=up) if up else c.say("ind.down", s.key, n=down)
    rank = c.fig(s, "rank")
    return sentence(
        c.say("ind.target", s.key, name=name, target=target),
        c.say("ind.actual", s.key, actual=actual),
        c.say("ind.done" if done else "ind.rate", s.key, rate=rate),
        c.say("ind.rank_short" if target else "ind.rank", s.key, name=name, rank=rank),
        move if rank else None,
    )


def worklog(c: Composer, name: str, entries: list[Record]) -> list[list[Run]]:
    """Dated log entries, three a sentence, two sentences a paragraph; one entry, no lead
    (an entry whose words hold a digit is told by its title: no unsourced number)."""
    told = []
    for r in entries[:LOG_LIMIT]:
        day = format_date(r.date, c.facts.year)
        body = r.detail if r.detail and not DIGIT.search(r.detail) else r.title
        told.append([TextRun(f"{day}，"), rec(r, body.rstrip("。；"))])
    paragraphs: list[list[Run]] = []
    for start in range(0, len(told), 3):
        group = told[start : start + 3]
        runs: list[Run] = []
        if start:
            more = nth(c, "log.more", start // 3 - 1)
            runs.append(TextRun("".join(r.text for r in more or [])))
        elif len(told) > 1:
            runs.append(TextRun(c.line("log.lead", name, work=name)))
        for i, t in enumerate(group):
            if i:
                runs.append(TextRun("；"))
            runs.extend(t)
        runs.append(TextRun("。"))
        if start % 6:
            paragraphs[-1] += runs
        else:
            paragraphs.append(runs)
    return [merge(p) for p in paragraphs]


LOG_LIMIT = 24


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


__all__ = ["listing", "post_work"]
