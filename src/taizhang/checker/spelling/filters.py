"""Signs that a low-gain candidate is correct text the dictionary does not model.

``penalty`` runs on each candidate only (never per character of the text) and returns how much
its gain is lowered: ``DROP`` when the span is read as a construction, a name or a word
boundary rather than a slip. Each class below was chosen for the kind of text it covers
(parallel slogans, numbers and measure words, names of places, bodies and persons, words
split at their boundary), not for listed sentences.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .windows import COMPOUND_MIN

DROP = 99.0

# 有访必接, 逢会必学, 有诉必应: the opener and the closer of a two-slot slogan.
SLOT_OPENERS = frozenset("凡有逢每")
SLOT_CLOSER = "必"
# 既抓当前又谋长远: 既 opens a pair closed by 又/也/更/还 later in the clause.
BOTH_CLOSERS = frozenset("又也更还")
CLAUSE_ENDS = frozenset("。；！？\n")
LIST_MARKS = "、，；"
# Numbers and determiners: a character after one is a measure word or an ordinal (二是, 二十盏,
# 三镇, 每名).
NUMERALS = frozenset(
    "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几半第每该此这那各本逐"
)
# Determiners before a measure word (每名, 该件, 逐件) are no slips of a homophone.
DETERMINERS = frozenset("每该各逐此这那")
# Administrative levels used as modifiers (乡级, 县乡, 镇里, 市级, 县住建部门).
LEVELS = frozenset("乡镇村县区市省州")
# A span just before one of these is likely part of a name (湖滨集团, 东关街道); it needs more gain.
BODY_COST = 3.0
# Words that follow the name of a company, a street or an institution (湖滨集团, 东关街道).
BODY_SUFFIXES = frozenset(
    ("集团", "公司", "有限", "股份", "实业", "街道", "社区", "小区", "花园", "大厦", "广场")
    + ("百货", "商场", "超市", "酒店", "宾馆", "医院", "院区", "学校", "中学", "小学", "大学")
    + ("学院", "银行", "工厂", "矿业", "科技")
)
# Ends of titles and role words that stand before a surname and given name (主任王某某, 书记李某,
# 信访人张某).
TITLE_ENDS = frozenset("记任长员席理人")
# A word that the span's unchanged edge character forms with its outer neighbour at least this
# frequent (代表 of 柳塘代表, 干部 of 驻村干部) means the span straddles a word boundary: it
# pays STRADDLE_COST. A replaced edge character that forms a word with its outer neighbour
# while its replacement forms none (偏少 of 记录偏少) pays SLIPPED_EDGE_COST.
BROKEN_WORD_FREQ = 100
STRADDLE_COST = 1.0
SLIPPED_EDGE_COST = 1.0
# A whole-word homophone, or a real word of frequency >= REAL_MIN replaced by another, where the
# replacement forms no longer word (COMPOUND_MIN) with its neighbours, rests on the words'
# frequencies alone (种粮 read as 重量, 复核 as 符合, 失分 as 十分): it pays LONE_WORD_COST.
LONE_WORD_COST = 1.5
REAL_MIN = 30
# Adverbs that open a verb phrase (已交, 才办, 共办结): no slip when one of them is the changed
# first character of the span.
ADVERBS = frozenset("已才共均再仍正都也就还又刚曾将")
# Adverbs before a one-character verb (新修, 再议, 均获); not 已 or 共, whose words (已经, 共享)
# are common slip sites.
VERB_ADVERBS = frozenset("新再又均都也仍才刚")
# Postpositions that close a phrase (值班时, 会后, 年内): no slip as the changed last character.
POSTPOSITIONS = frozenset("时后前中上下里内外间")
# Resultative complements after a one-character verb (讲透, 摸清, 守住).
COMPLEMENTS = frozenset("透清准住完懂牢稳")
# Particles that end a phrase (在办的, 能办的): the span's unchanged edge.
PARTICLES = frozenset("的地得了着过")
# Modifier + level noun (通村道路, 通组公路, 某某镇): the unchanged last character of the span.
LEVEL_NOUNS = LEVELS | {"组"}
# Openers repeated before two one-character slots (更紧更实, 边干边学, 有岗有责).
REPEATED_OPENERS = frozenset("更越边又有不无没再多少先也即随")
# Two frequent one-character words side by side (专人盯办, 抢排积水) coin a phrase more often
# than they hide a near-sound slip: each at least this frequent as a word of its own.
FREE_CHAR_FREQ = 1000
FREE_PAIR_COST = 2.5
# A look-alike that turns one dictionary word into another needs this much more gain.
REAL_SHAPE_COST = 1.5
# Prepositions after an adverb (已由, 再由, 均在): the adverb opens a verb phrase.
PREPOSITIONS = frozenset("由以于在对向从被把为按")
# Characters that open a phrase before a word of their own (经集体研究, 据村委反映, 与群众交流):
# a span of one of them and a frequent word is two words, not one slipped word.
PHRASE_HEADS = PREPOSITIONS | frozenset("经据依与和同跟往朝将")


def penalty(text: str, s: int, e: int, right: str, kind: str, lx: Lexicon) -> float:
    """How much to lower the gain of replacing text[s:e] by ``right`` (``DROP``: leave it)."""
    wrong = text[s:e]
    changed = [s + i for i in range(e - s) if wrong[i] != right[i]]
    if not changed:
        return 0.0
    if any(_slot(text, q) for q in changed):
        return DROP
    if any(text[q] in DETERMINERS or _after_number(text, q, changed) for q in changed):
        return DROP
    if wrong[0] in LEVELS and changed[0] == s:
        return DROP
    if any(_named(text, q, lx) for q in (s - 1, *changed)):
        return DROP  # 主任王某某, 信访人李某: a title or a role, a surname, then the given name
    if _phrase(text, s, e, changed, lx):
        return DROP
    freq = lx.freq
    cost = BODY_COST if text[e : e + 2] in BODY_SUFFIXES else 0.0
    if kind == "音近" and e - s == 2 and min(freq.get(c, 0) for c in wrong) >= FREE_CHAR_FREQ:
        cost += FREE_PAIR_COST
    if kind == "形近" and freq.get(wrong, 0) >= 3:
        cost += REAL_SHAPE_COST
    real = freq.get(wrong, 0)
    if (kind == "同音词" or real >= REAL_MIN) and not _joins(text, s, e, right, lx):
        cost += LONE_WORD_COST
    return cost + _straddles(text, s, e, right, changed, lx)


def _after_number(text: str, q: int, changed: list[int]) -> bool:
    return q > 0 and text[q - 1] in NUMERALS and q - 1 not in changed


def _slot(text: str, q: int) -> bool:
    """The character at q fills a slot of a slogan or a paired construction."""
    before = text[q - 1] if q > 0 else ""
    after = text[q + 1 : q + 2]
    if before in SLOT_OPENERS and after == SLOT_CLOSER:
        return True  # the first slot of 有访必接
    if text[q] == SLOT_CLOSER and q >= 2 and text[q - 2] in SLOT_OPENERS:
        return True  # the closer itself (逢信必回)
    if before == SLOT_CLOSER and q >= 3 and text[q - 3] in SLOT_OPENERS:
        return True  # the second slot
    if q >= 3 and before in REPEATED_OPENERS and before == text[q - 3]:
        return True  # 更准更实, 边干边学: the character before q opened the slot before it
    if before and _next_item_slot(text, q):
        return True
    if before == "既" or text[q] == "既":
        for ch in text[q + 1 : q + 16]:
            if ch in CLAUSE_ENDS:
                break
            if ch in BOTH_CLOSERS:
                return True
    return False


def _named(text: str, q: int, lx: Lexicon) -> bool:
    """The character at q is a surname after a title or a role word, before a given name."""
    return (
        q >= 1
        and text[q] in lx.surnames
        and text[q - 1] in TITLE_ENDS
        and "\u4e00" <= text[q + 1 : q + 2] <= "\u9fff"
    )


def _phrase(text: str, s: int, e: int, changed: list[int], lx: Lexicon) -> bool:
    """The span reads as a phrase of single-character words: an adverb before a verb, a verb
    and its complement or particle, a postposition, a modifier before a level noun."""
    wrong = text[s:e]
    if len(changed) > 1:
        return False
    first, last = changed[0] == s, changed[-1] == e - 1
    if first and wrong[0] in ADVERBS:
        return True
    if not first and e - s >= 3 and wrong[0] in PHRASE_HEADS and _word(wrong[1:], lx):
        return True  # 经集体研究: a preposition and a common word
    if e - s == 2 and last and wrong[0] in ADVERBS and wrong[1] in PREPOSITIONS:
        return True
    if e - s == 2 and last and wrong[0] in VERB_ADVERBS and lx.freq.get(wrong[1], 0) >= 1000:
        return True  # 新修机耕道, 再议: an adverb before a one-character verb
    if last and (wrong[-1] in POSTPOSITIONS or wrong[-1] in COMPLEMENTS):
        return e - s > 2 or wrong[-1] in POSTPOSITIONS or lx.freq.get(wrong[0], 0) >= 1000
    if e - s == 2 and first and wrong[1] in COMPLEMENTS and wrong in lx.freq:
        return True  # 找准, 守住: a listed verb and complement (an unlisted 表准 is still tried)
    return not last and (wrong[-1] in PARTICLES or (e - s == 2 and wrong[-1] in LEVEL_NOUNS))


def _word(part: str, lx: Lexicon) -> bool:
    return lx.freq.get(part, 0) >= BROKEN_WORD_FREQ


def _next_item_slot(text: str, q: int) -> bool:
    """工作不拖、任务不欠: the character before q opens the same slot in the next list item
    (the item before is looked at by list_slot)."""
    tail = text[q + 1 : q + 10]
    cut = min((k for k in (tail.find(m) for m in LIST_MARKS) if k >= 0), default=-1)
    if cut < 0:
        return False
    item = tail[cut + 1 :]
    j = item.find(text[q - 1])
    return 0 <= j < len(item) - 1 and item[j + 1] != text[q] and "\u4e00" <= item[j + 1] <= "\u9fff"


def _joins(text: str, s: int, e: int, right: str, lx: Lexicon) -> bool:
    """``right`` put in place of text[s:e] forms a longer dictionary word with one or two
    characters on either side (环境整治, 全过程, 公共服务)."""
    freq = lx.freq
    for k in (0, 1, 2):
        for m in (0, 1, 2):
            if not (k or m) or k > s or e + m > len(text):
                continue
            if freq.get(text[s - k : s] + right + text[e : e + m], 0) >= COMPOUND_MIN:
                return True
    return False


def _straddles(text: str, s: int, e: int, right: str, changed: list[int], lx: Lexicon) -> float:
    """An edge character of the span forms a common word with the character outside (柳塘|代表:
    塘代 is no word, 代表 is; 记录|偏少) and, if it is the one replaced, its replacement forms
    none: the span straddles a word boundary."""
    freq = lx.freq
    if s > 0:
        outer = freq.get(text[s - 1 : s + 1], 0)
        if changed[0] == s and outer and text[s - 1] + right[0] not in freq:
            return SLIPPED_EDGE_COST
        if changed[0] > s and outer >= BROKEN_WORD_FREQ:
            return STRADDLE_COST
    if e < len(text):
        outer = freq.get(text[e - 1 : e + 1], 0)
        if changed[-1] == e - 1 and outer and right[-1] + text[e] not in freq:
            return SLIPPED_EDGE_COST
        if changed[-1] < e - 1 and outer >= BROKEN_WORD_FREQ:
            return STRADDLE_COST
    return 0.0


def parallel(text: str, q: int) -> bool:
    """The character at q fills a slot of a parallel pattern, which coins its own words: it is
    repeated two places away (应保尽保, 凡进必审) or sits between two equal characters (应退尽退)."""
    if text[q] in (text[q - 2] if q >= 2 else "", text[q + 2 : q + 3]):
        return True
    if 0 < q < len(text) - 1 and _han(text[q - 1]) and text[q - 1] == text[q + 1]:
        return True
    return list_slot(text, q)


def list_slot(text: str, q: int) -> bool:
    """工作不拖、任务不欠: the character before q opens the same slot in the list item just
    before (a mark between), so q fills a slot of a parallel list."""
    if q < 4 or text[q - 1] in LIST_MARKS:
        return False
    head = text[max(0, q - 8) : q - 1]
    cut = max(head.rfind(m) for m in LIST_MARKS)
    if cut < 0:
        return False
    item = head[:cut]
    j = item.rfind(text[q - 1])
    return j >= 0 and j + 1 < len(item) and item[j + 1] != text[q] and _han(item[j + 1])


def one_one(text: str, p: int) -> bool:
    for a in range(max(0, p - 3), p + 1):
        if text[a : a + 1] == "一" and text[a + 2 : a + 3] == "一":
            return True
    return False


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
