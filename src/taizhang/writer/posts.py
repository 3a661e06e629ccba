"""The one table of cadre post titles: normalised title, how the post is named, its voice.

Post titles are free text in the registers ("副镇长", "党委委员、副乡长", "民政助理员").
``voice_for`` maps a title to the voice its documents are written in (GENRES §2); a
title the table does not know gives None, and the writer refuses to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Voice:
    """How a post's work is framed. Templates take {tier} (乡/镇), {township}, {unit}.

    ``title`` is the normalised title; ``office`` how the post is written after 现任
    (长集镇人民政府副镇长, 共青团长集镇委员会书记); ``leadership`` under whose
    leadership the work is done; ``role`` what the post does in one phrase;
    ``group`` the family of posts (government, party, congress, station, league,
    civil, village); ``township_figures``: the document tells the township's overall
    figures; ``leads_unit``: the post leads the unit it sits in (its cases are theirs).
    """

    key: str
    title: str
    office: str
    leadership: str
    role: str
    group: str
    township_figures: bool = False
    leads_unit: bool = False


PARTY = "在{tier}党委的领导下"
GOVERNMENT = "在{tier}党委、政府的领导下"
CONGRESS = "在{tier}党委的领导下和县人大常委会的指导下"

VOICES: dict[str, Voice] = {
    v.key: v
    for v in (
        Voice("party_secretary", "党委书记", "{township}党委书记", "在县委的坚强领导下",
              "主持{tier}党委全面工作", "party", township_figures=True),
        Voice("head", "{tier}长", "{township}人民政府{tier}长",
              "在{tier}党委的坚强领导下，在{tier}人大的监督支持下",
              "主持{tier}人民政府全面工作", "government", township_figures=True),
        Voice("deputy_head", "副{tier}长", "{township}人民政府副{tier}长", GOVERNMENT,
              "分管{portfolios}工作", "government"),
        Voice("head_assistant", "{tier}长助理", "{township}人民政府{tier}长助理", GOVERNMENT,
              "协助{tier}长做好{portfolios}工作", "government"),
        Voice("congress_chair", "人大主席", "{township}人大主席", CONGRESS,
              "主持{tier}人大主席团日常工作，服务主席团和全体代表", "congress",
              township_figures=True),
        Voice("congress_vice", "人大副主席", "{township}人大副主席", CONGRESS,
              "协助人大主席做好主席团日常工作，联系和服务代表", "congress"),
        Voice("congress_secretary", "人大专干", "{township}人大专干", CONGRESS,
              "承担主席团的日常事务，为主席团和代表履职做好服务", "congress"),
        Voice("party_deputy", "党委副书记", "{township}党委副书记", PARTY,
              "协助党委书记抓好{portfolios}工作", "party"),
        Voice("discipline", "纪委书记", "{township}纪委书记", "在{tier}党委和县纪委监委的领导下",
              "主持{tier}纪委全面工作", "party"),
        Voice("organisation", "组织委员", "{township}党委组织委员", PARTY,
              "负责{tier}党的组织建设和干部工作", "party"),
        Voice("propaganda", "宣传委员", "{township}党委宣传委员", PARTY,
              "负责{tier}宣传思想文化工作", "party"),
        Voice("armed", "武装部长", "{township}人民武装部部长", "在{tier}党委和县人武部的领导下",
              "负责{tier}民兵和国防动员工作", "party"),
        Voice("league", "团委书记", "共青团{township}委员会书记", "在{tier}党委和团县委的领导下",
              "带领全{tier}团员青年做好共青团工作", "league"),
        Voice("women", "妇联主席", "{township}妇联主席", "在{tier}党委的领导下和县妇联的指导下",
              "带领全{tier}妇女做好妇联工作", "league"),
        Voice("station", "负责人", "{township}{unit}负责人",
              "在上级业务部门和{tier}党委、政府的领导下", "负责{unit}全面工作", "station",
              leads_unit=True),
        Voice("civil", "民政专干", "{township}民政专干",
              "在{tier}党委、政府的领导下和县民政局的业务指导下",
              "承担全{tier}社会救助和民政服务工作", "civil", leads_unit=True),
        Voice("village_secretary", "村党组织书记", "{township}{unit}党组织书记", GOVERNMENT,
              "主持{unit}党组织全面工作", "village", leads_unit=True),
        Voice("village_head", "村委会主任", "{township}{unit}村民委员会主任",
              GOVERNMENT + "，在村党组织的带领下", "主持{unit}村民委员会工作", "village",
              leads_unit=True),
    )
}  # fmt: skip

# Titles as people write them (after the township name and tier are folded, see
# ``normalise``) → voice key. 乡 and 镇 forms are the same entry: X stands for the tier.
TITLES: dict[str, str] = {
    "党委书记": "party_secretary", "X党委书记": "party_secretary",
    "X长": "head", "X人民政府X长": "head", "代X长": "head",
    "副X长": "deputy_head", "常务副X长": "deputy_head", "X人民政府副X长": "deputy_head",
    "挂职副X长": "deputy_head",
    "X长助理": "head_assistant",
    "人大主席": "congress_chair", "人大主席团主席": "congress_chair", "X人大主席": "congress_chair",
    "人大副主席": "congress_vice", "人大主席团副主席": "congress_vice",
    "人大专职副主席": "congress_vice",
    "人大专干": "congress_secretary", "人大秘书": "congress_secretary",
    "人大主席团秘书": "congress_secretary", "人大干事": "congress_secretary",
    "党委副书记": "party_deputy", "专职副书记": "party_deputy", "党委专职副书记": "party_deputy",
    "纪委书记": "discipline", "纪委副书记": "discipline", "纪检书记": "discipline",
    "组织委员": "organisation", "党委组织委员": "organisation",
    "宣传委员": "propaganda", "党委宣传委员": "propaganda",
    "武装部长": "armed", "人武部长": "armed", "人民武装部部长": "armed", "武装部部长": "armed",
    "团委书记": "league", "团X委书记": "league", "共青团X委书记": "league",
    "共青团委员会书记": "league",
    "妇联主席": "women", "妇联主任": "women",
    "站所负责人": "station", "所长": "station", "站长": "station", "院长": "station",
    "负责人": "station", "办公室主任": "station", "中心主任": "station",
    "民政专干": "civil", "民政助理": "civil", "民政助理员": "civil", "民政干事": "civil",
    "民政办主任": "civil", "民政所长": "civil",
    "村党组织书记": "village_secretary", "村党支部书记": "village_secretary",
    "村党总支书记": "village_secretary", "村支书": "village_secretary",
    "党支部书记": "village_secretary", "党总支书记": "village_secretary",
    "村委会主任": "village_head", "村主任": "village_head", "村民委员会主任": "village_head",
}  # fmt: skip

# Rank words that go with a post but do not change its voice (党委委员、副镇长).
RANK_PREFIX = re.compile(r"^(?:中共)?(?:党委委员|党政班子成员|班子成员)[、，,\s]*")
BLANKS = re.compile(r"[\s\u3000]+")


def normalise(title: str, township: str = "") -> str:
    """Fold a written title to the table's form: no township name, 乡/镇 as X."""
    t = BLANKS.sub("", title or "")
    if township:
        t = t.replace(township, "")
    t = RANK_PREFIX.sub("", t)
    t = t.removeprefix("中共")
    return re.sub(r"[乡镇]", "X", t)


def voice_key(title: str, township: str = "") -> str | None:
    """Return the voice key of a written title, or None when the table doesn't know it."""
    t = normalise(title, township)
    if t in TITLES:
        return TITLES[t]
    # 长集镇卫生院院长, 财政所所长: a station's own head title.
    for suffix in ("所长", "站长", "院长", "主任"):
        if t.endswith(suffix) and t.removesuffix(suffix) and "村" not in t and "X" not in t:
            return "civil" if t.startswith("民政") else "station"
    return None


def voice_for(title: str, township: str = "") -> Voice | None:
    """Return the voice of a post title, or None for a title the table doesn't know."""
    key = voice_key(title, township)
    return VOICES.get(key) if key else None


def tier_of(township: str) -> str:
    """Return 镇 for a town (…镇, …街道 counts as 镇), else 乡."""
    return "镇" if township.endswith(("镇", "街道")) else "乡"


def fill(template: str, *, township: str, unit: str = "", portfolios: str = "") -> str:
    """Fill a voice template for one township (乡/镇 follow the township's own kind)."""
    tier = tier_of(township)
    return template.format(tier=tier, township=township, unit=unit, portfolios=portfolios)


def unit_name(unit: str, township: str) -> str:
    """A unit's own name without the township it belongs to (长集镇卫生院 → 卫生院)."""
    return unit.removeprefix(township) if township and unit != township else unit


def office(voice: Voice, *, township: str, unit: str = "", title: str = "") -> str:
    """Return how the post is written after 现任: the township named once, never twice."""
    own = unit_name(unit, township)
    text = fill(voice.office, township=township, unit=own)
    if voice.key == "station" and title and voice_key(title, township) == "station":
        bare = normalise(title, township).replace("X", tier_of(township))
        if bare not in ("站所负责人", "负责人"):  # 卫生院院长, 财政所所长
            text = f"{township}{own}{bare.removeprefix(own)}"
    return text


def known_titles() -> list[str]:
    """The normalised titles of the table, 乡 forms and 镇 forms, for pick lists."""
    out: list[str] = []
    for v in VOICES.values():
        for tier in ("乡", "镇"):
            t = v.title.replace("{tier}", tier)
            if t not in out:
                out.append(t)
    return out


# Case kind → words of the portfolios that hold it (救助 → 民政, 信访 → 信访维稳). Motions,
# suggestions and opinions belong to the units that handle them, not to a portfolio.
KIND_PORTFOLIOS: dict[str, tuple[str, ...]] = {
    "救助": ("民政", "救助", "低保"),
    "信访": ("信访", "维稳", "调处"),
    "议案": (),
    "建议": (),
    "评议意见": (),
    "视察意见": (),
    "述职意见": (),
}


# How each case kind is named in running text (never 事项), and the words that name the
# parts of a kind's count in a sentence, for the checker's ledger cross-check.
KIND_NOUN = {"救助": "救助申请", "信访": "信访件", "建议": "代表建议", "议案": "议案"}
CASE_WORDS = {
    "count": (),
    "closed": ("办结",),
    "on_time": ("按期",),
    "overdue": ("超期",),
    "open": ("在办", "正在办理", "办结"),
    "rated": ("评价", "回访"),
    "satisfied": ("满意",),
    "unsatisfied": ("不满意",),
    "paid": ("发放",),
    "amount": ("资金", "金额"),
}


def kind_noun(kind: str) -> str:
    return KIND_NOUN.get(kind, kind)


def case_keywords(kind: str, part: str) -> tuple[str, ...]:
    """Words naming one part (办结, 超期 …) of a kind's cases: the kind, its noun, the part."""
    return tuple(dict.fromkeys((kind, kind_noun(kind), *CASE_WORDS[part])))


# Words the problem sentences use next to a count of cases still open (还有4件正在办理, 尚有4件在办):
# the checker's ledger keywords of such a fact, on real and demo facts alike.
OPEN_CASE_WORDS = ("尚未办结", "未办结", "没有办结", "在办", "尚有", "还有", "仍有")

UP_WORDS = ("前进", "上升", "提升", "提高", "前移")
DOWN_WORDS = ("后退", "下降", "下滑", "后移", "降低")


def rank_move(change: int) -> tuple[str, int, tuple[str, ...]] | None:
    """A county-rank change as (``rank_up``/``rank_down``, places, words): the text says
    后退3位 for a change of -3, so the fact holds the places and its direction's words."""
    if not change:
        return None
    return ("rank_up", change, UP_WORDS) if change > 0 else ("rank_down", -change, DOWN_WORDS)


def portfolio_holds(portfolio: str, kind: str) -> bool:
    """Return True when a portfolio (民政救助, 信访维稳) holds cases of ``kind``."""
    return any(word in portfolio for word in KIND_PORTFOLIOS.get(kind, ()))


class UnknownPost(ValueError):
    """A post title the table doesn't know and no voice chosen for it."""

    def __init__(self, title: str) -> None:
        self.title = title
        super().__init__(
            f"职务“{title}”不在职务表中，无法确定文稿的口吻。"
            f"请在页面上为该职务选择最接近的职务（如副乡长、站所负责人、人大专干）后再生成。"
        )
