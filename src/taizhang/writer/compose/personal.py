"""Compose a cadre's year-end summary (个人年终工作总结) or duty report (述职报告, 德能勤绩廉)."""

from __future__ import annotations

from ..facts import Facts, FactSection
from ..model import Document, Paragraph, Section, TextRun
from ..numbers import full_date, parse_date
from ..phrases.personal import P
from ..posts import VOICES, UnknownPost, Voice, fill, office, tier_of
from .base import Composer, para, section, sentence, text
from .personal_plans import (
    diligence,
    integrity,
    numbered,
    one_or_many,
    skill,
    study,
    talks,
    trouble_and_plans,
)
from .personal_work import post_work

VARIANTS = ("summary", "duty")
__all__ = ["compose_personal", "missing", "numbered", "one_or_many"]


class Post:
    """One post of the subject: its section, voice and how it is written."""

    def __init__(self, c: Composer, s: FactSection, voice: Voice) -> None:
        self.section = s
        self.key = s.key
        self.voice = voice
        self.township = c.attr(s, "township") or c.attr(None, "township")
        self.tier = tier_of(self.township)
        self.unit = c.attr(s, "unit")
        self.title = c.attr(s, "title")
        self.portfolios = [p for p in c.attr(s, "portfolios").split("、") if p]
        self.office = office(voice, township=self.township, unit=self.unit, title=self.title)

    def fill(self, template: str, portfolios: str = "") -> str:
        own = portfolios or "、".join(self.portfolios) or "分管"
        return fill(template, township=self.township, unit=self.unit_name, portfolios=own)

    @property
    def unit_name(self) -> str:
        return self.unit.removeprefix(self.township) if self.unit != self.township else self.unit

    @property
    def leadership(self) -> str:
        return self.fill(self.voice.leadership)

    @property
    def role(self) -> str:
        return self.fill(self.voice.role, "、".join(work_names(self.portfolios)))


def work_names(names: list[str]) -> list[str]:
    """Portfolio names without a trailing 工作 (the templates add it once)."""
    return [n.removesuffix("工作") for n in names if n.removesuffix("工作")]


def posts_of(c: Composer) -> list[Post]:
    """Return the subject's posts with their voices; refuse a title with no voice."""
    out = []
    chosen = c.attr(None, "voice")
    for s in c.repeated("post"):
        key = s.attributes.get("voice") or chosen
        voice = VOICES.get(key or "")
        if voice is None:
            raise UnknownPost(s.attributes.get("title", ""))
        out.append(Post(c, s, voice))
    return out


def missing(facts: Facts) -> list[str]:
    """Name what a personal document lacks; empty when the ledger holds enough to write it."""
    needs = []
    if not any(k.startswith("post:") for k in facts.sections):
        needs.append("任职信息（职务）")
    work = [
        s
        for k, s in facts.sections.items()
        if k.startswith(("portfolio:", "indicator:", "cases:")) or k in ("township", "presidium")
    ]
    if not any(s.records or any(f.value for f in s.facts.values()) for s in work):
        needs.append("分管工作的台账记录（项目、指标、工作记录或经办事项）")
    return needs


def compose_personal(facts: Facts, *, variant: str = "summary", seed: object = None) -> Document:
    """Compose a person's year document; ``variant="duty"`` gives the 德能勤绩廉 述职报告."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown personal variant: {variant}")
    duty = variant == "duty"
    c = Composer(facts, P, variant="duty" if duty else "", seed=seed)
    posts = posts_of(c)
    name = c.attr(None, "name") or facts.subject
    tier = posts[0].tier if posts else tier_of(c.attr(None, "township"))
    doc = Document(
        kind="personal",
        title=c.line("title", year=str(facts.year)),
        subject=facts.subject,
        year=facts.year,
        variant=variant,
    )
    if duty:
        doc.salutation = "各位领导、同志们："
        first = posts[0].office if posts else ""
        doc.subtitle = c.line("subtitle", office=first, name=name)
    doc.preamble = [opening(c, posts, tier)]
    work = work_sections(c, posts)
    if duty:
        parts = [
            section(1, c.phrase("h.de"), study(c, posts), talks(c), key="study"),
            section(1, c.phrase("h.neng"), *skill(c), key="skill"),
            section(1, c.phrase("h.qin"), diligence(c), key="diligence"),
            section(1, c.phrase("h.ji"), subs=work, key="duties"),
            section(1, c.phrase("h.lian"), *integrity(c, tier), key="integrity"),
            *trouble_and_plans(c, tier),
        ]
    else:
        parts = [
            section(1, c.phrase("h.study"), study(c, posts), talks(c), key="study"),
            section(1, c.phrase("h.duties"), subs=work, key="duties"),
            section(1, c.phrase("h.integrity"), *integrity(c, tier), diligence(c), key="integrity"),
            *trouble_and_plans(c, tier),
        ]
    doc.sections = [s for s in parts if not s.is_empty()]
    doc.closing = [Paragraph([TextRun(c.line("closing", tier=tier))])]
    doc.signature = [name]
    doc.date = full_date(c.attr(None, "document_date"))
    return doc


def work_sections(c: Composer, posts: list[Post]) -> list[Section]:
    """The work of each post: under its own heading when the person holds two."""
    if len(posts) == 1:
        return post_work(c, posts[0], level=2)
    out = []
    for i, post in enumerate(posts):
        heading = c.line("h.post", str(i), title=post.voice.title.replace("{tier}", post.tier))
        # The opening frames the first post; each further post gets its own frame here.
        lead = (
            None
            if i == 0
            else para(text(c.line("post.lead", str(i), leadership=post.leadership, role=post.role)))
        )
        out.append(section(2, heading, lead, key=post.key, subs=post_work(c, post, level=3)))
    return out


def opening(c: Composer, posts: list[Post], tier: str) -> Paragraph:
    if not posts:
        return Paragraph([TextRun(c.line("opening.body", year=str(c.facts.year), tier=tier))])
    first = posts[0]
    since = parse_date(c.attr(first.section, "since"))
    since_text = f"{since.year}年{since.month}月" if since else ""
    also = "、".join(p.office for p in posts[1:])
    who = sentence(
        c.say("opening.since", since=since_text, office=first.office, also=also)
        or c.say("opening.since_one", since=since_text, office=first.office)
        or c.say("opening.post", office=first.office, also=also)
        or c.say("opening.post_one", office=first.office)
    )
    body = c.line(
        "opening.body",
        year=str(c.facts.year),
        tier=tier,
        leadership=first.leadership,
        role=first.role,
    )
    return para(who, text(body)) or Paragraph([TextRun(body)])
