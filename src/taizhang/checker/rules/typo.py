"""Wrong characters: a confusion set applied in context, misspelt idioms, doubled characters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..core import Context, Finding, load_tsv, make
from ..lexicon import lexicon


@cache
def _doubled() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]:
    table = {}
    for row in load_tsv("doubled.tsv"):
        cells = list(row) + ["."] * 3
        split = lambda c: () if c == "." else tuple(c.split("|"))  # noqa: E731
        table[cells[0]] = (split(cells[1]), split(cells[2]))
    chars = "".join(re.escape(c) for c in table)
    return re.compile(f"([{chars}])\\1"), table


# 的/地/得 in fixed patterns: an adverb before a verb takes 地 (认真地学习), a verb before
# its complement takes 得 (做得扎实). Only the collocations of official prose are listed.
ADVERBS = (
    "认真|积极|深入|扎实|切实|不断|全面|广泛|主动|有效|稳步|有序|大力|持续|逐步|充分|及时|严格"
    "|踏实|热情|耐心|彻底|顺利|圆满|高效|科学|依法|坚定|自觉|努力|扎扎实实|认认真真|实实在在"
)
VERBS = (
    "推进|开展|做好|落实|完成|抓好|推动|加强|提高|参与|解决|执行|贯彻|履行|配合|处理|组织|学习"
    "|提升|发挥|维护|保障|宣传|改进|谋划|部署|化解|回应|办理|接受|服务于|投入|投身|参加"
)
DE_ADVERB = re.compile(
    f"(?:{ADVERBS})(的)(?:{VERBS})(?!态度|氛围|精神|作风|热情|环境|方法|效果|成果|成效|习惯|风气"
    "|劲头|能力|意识|机制|制度|情况|工作|任务|要求|过程|目标|质量|水平|内容|中|上|力度)"
)
COMPLEMENT_VERBS = "做|干|完成|落实|开展|办|抓|推进|执行|处理|写|讲|学|组织|安排|准备|协调|发挥"
DE_COMPLEMENT = re.compile(
    f"(?:{COMPLEMENT_VERBS})(的)(?:很|十分|非常|比较|更加|更|不够|不错|扎实|出色|到位|及时|还不|较好|有声有色"
    "|井井有条|红红火火)(?!多|少|大量|一部分|的)"
)
# 制订了《……办法》: rules, regulations and policies are 制定, plans and schemes 制订.
ZHIDING = re.compile(
    r"(制订)(?:了|出|出台)?《[^》\n]{1,30}(?:办法|条例|规定|政策|细则|章程|规章|标准|村规民约)》"
)
# 高兴的说 → 地: an adjective of feeling before a verb of speech.
DE_SPEECH = re.compile(
    "(?:满意|高兴|激动|感激|动情|自豪|感慨|欣慰|兴奋|由衷|风趣|诚恳|坦诚|感动|开心|笑呵呵|乐呵呵"
    "|笑眯眯)(的)(?:说|表示|称赞|感叹|夸赞|竖起)(?![法明服])"
)
# 象…一样 → 像: 象 as a free word of likeness, not the tail of 形象/现象/对象 … nor 象征.
XIANG = re.compile(
    "(?<![形现对印气景想抽表意物迹假具万星天卦图脉乱征病大好就幻险血心事白巨舌拟])象"
    "(?![征棋牙形限素])(?=[^，。；：！？、\n“”]{1,15}?(?:一样|一般|似的))"
)
# 即抓发展，又抓民生 → 既: 即 opening a pair whose second half repeats its verb after 又/也.
JI_PAIR = re.compile(
    "(?<![立随旋当亦意迅即])即([\u4e00-\u9fff]{1,2})[^。；！？\n]{1,20}?[，、]?(?:又|也)\\1"
)
# 工作工作, 人民群众人民群众: a word of two to six characters typed twice in a row.
DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
# Reduplication that is correct Chinese (一步一步, 研究研究) or a repeated character pair.
DOUBLED_OK = re.compile(r"^(?:一.|[再层步年月日天个点件户人家村]|.?[一二三四五六七八九十])")
DOUBLED_OK_WORDS = "研究 商量 考虑 讨论 学习 了解 休息 打听 锻炼 活动 琢磨 比划 收拾 整理 检查 代表"
DOUBLED_VERBS = frozenset(DOUBLED_OK_WORDS.split(" "))


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find same-sound or same-shape wrong words and accidental doubled characters."""
    for start, end, entry in lexicon("confusion.tsv").scan(text):
        is_idiom = len(entry.wrong) == 4 and len(entry.right) == 4
        kind = "成语误写" if is_idiom else "别字"
        note = "" if entry.note in ("音近", "形近") else f"（{entry.note}）"
        yield make(
            text,
            start,
            end,
            "typo.idiom" if is_idiom else "typo.confusion",
            "typo",
            "错误",
            f"{kind}：“{entry.wrong}”应为“{entry.right}”{note}",
            entry.right,
            "实务",
        )
    for m in DE_ADVERB.finditer(text):
        yield _adverbial_de(text, m)
    for m in DE_COMPLEMENT.finditer(text):
        yield make(
            text,
            m.start(),
            m.start(1) + 1,
            "typo.de",
            "typo",
            "警告",
            "补语前应用“得”：“"
            + text[m.start() : m.start(1) + 1]
            + "”应作“"
            + text[m.start() : m.start(1)]
            + "得”",
            "得",
            "实务",
        )
    yield from _real_words(text)
    for m in ZHIDING.finditer(text):
        yield make(
            text,
            m.start(1),
            m.end(1),
            "typo.confusion",
            "typo",
            "错误",
            "别字：“制订”应为“制定”（法规、政策、办法用“制定”）",
            "制定",
            "实务",
        )
    yield from _doubled_words(text)
    pattern, table = _doubled()
    for m in pattern.finditer(text):
        ch = m.group(1)
        not_right, not_left = table[ch]
        start, end = m.start(), m.end()
        if any(text.startswith(w, end) for w in not_right):
            continue
        if start > 0 and text[start - 1] in not_left:
            continue
        if any(text.startswith(w, start - len(w), start) for w in not_left if len(w) > 1):
            continue
        yield make(
            text,
            start,
            end,
            "typo.doubled-char",
            "typo",
            "错误",
            f"“{ch}”字重复",
            ch,
            "实务",
        )


def _doubled_words(text: str) -> Iterator[Finding]:
    for m in DOUBLED_WORD.finditer(text):
        word = m.group(1)
        if len(set(word)) == 1 or DOUBLED_OK.match(word) or word in DOUBLED_VERBS:
            continue
        yield make(
            text,
            m.start(),
            m.end(),
            "typo.doubled-word",
            "typo",
            "错误",
            f"“{word}”重复",
            word,
            "实务",
        )


def _real_words(text: str) -> Iterator[Finding]:
    """Real words used wrongly that need a wider look than the next word: 象, 即, 的."""
    if "象" in text:
        for m in XIANG.finditer(text):
            yield make(
                text,
                m.start(),
                m.end(),
                "typo.confusion",
                "typo",
                "错误",
                "别字：“象”应为“像”（表示相似用“像”）",
                "像",
                "实务",
            )
    if "即" in text:
        for m in JI_PAIR.finditer(text):
            yield make(
                text,
                m.start(),
                m.start() + 1,
                "typo.confusion",
                "typo",
                "错误",
                "别字：“即”应为“既”（既…又…表示并列）",
                "既",
                "实务",
            )
    if "的" in text:
        for m in DE_SPEECH.finditer(text):
            yield _adverbial_de(text, m)


def _adverbial_de(text: str, m: re.Match[str]) -> Finding:
    """An adverbial written with 的 where 地 is required (认真的落实, 满意的说)."""
    wrong = m.group()
    return make(
        text,
        m.start(),
        m.end(),
        "typo.de",
        "typo",
        "警告",
        f"状语后应用“地”：“{wrong}”应作“{wrong.replace('的', '地', 1)}”",
        "地",
        "实务",
    )
