"""Personal data in a text meant for publication: ID numbers, phones, named petitioners."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..core import DATA_DIR, Context, Finding, make

ID_RE = re.compile(
    r"[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])"
)
# First-generation 15-digit ID numbers: area, yymmdd, sequence.
OLD_ID_RE = re.compile(
    r"[1-8]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])"
)
ID_CONTEXT = re.compile(r"身份证|证件|公民身份|身份号码|证号")
# Landlines: 0734-5218867, (0734)5218867, 0731－84562371.
LANDLINE_RE = re.compile(r"(?:0\d{2,3}[-－—]\s?|[（(]0\d{2,3}[）)]\s?)[2-9]\d{6,7}(?![0-9])")
# Office numbers published on purpose (hotlines, duty phones) are not personal data.
PUBLIC_LINE = re.compile(
    r"热线|监督电话|举报电话|投诉电话|咨询电话|服务电话|值班电话|办公电话|办公室电话|接待电话|传真"
)
OFFICE_WORDS = re.compile(r"办|室|中心|站|所|局|委|政府|窗口|大厅")
MOBILE_RE = re.compile(r"1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])")
ROLE = r"信访人|上访人|上访户|信访户|当事人|拆迁户|来访人|来访群众|反映人|申请人|被征收人|户主|村民"
GIVEN_STOP = set("某先女代表群众员们等人户反映称对在因的与和及诉均已也都就将各")
PETITION_WORDS = re.compile(r"信访|上访|来访|拆迁|当事人|反映|诉求|纠纷|调解")
NAME_END = re.compile(r"[，。、；：（(“”\s]|反映|多次|因|称|诉|到|来|的|等|家|一家|同志|夫妇|之")
ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _free(text: str, m: re.Match[str], before: str = ALNUM) -> bool:
    """The patterns start on a literal digit; the character before must not continue it."""
    return m.start() == 0 or text[m.start() - 1] not in before


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@cache
def _name_re() -> re.Pattern[str]:
    chars = set()
    for line in (DATA_DIR / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            chars.update(line.split())
    surnames = "".join(sorted(chars))
    return re.compile(rf"(?:{ROLE})[：:\s]*([{surnames}][\u4e00-\u9fff]{{1,2}})")


def _id_ok(s: str) -> bool:
    total = sum(int(c) * w for c, w in zip(s[:17], ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == s[17].upper()


def run(text: str, ctx: Context) -> Iterator[Finding]:
    """Find personal data that must not appear in a published document."""
    yield from _id_numbers(text)
    yield from _phones(text)
    yield from _petitioners(text)


def _id_numbers(text: str) -> Iterator[Finding]:
    for m in ID_RE.finditer(text):
        if not _free(text, m):
            continue
        if not _id_ok(m.group()) and not ID_CONTEXT.search(text, max(0, m.start() - 12), m.start()):
            continue
        masked = m.group()[:6] + "********" + m.group()[14:]
        yield make(
            text,
            m.start(),
            m.end(),
            "pii.id-number",
            "pii",
            "错误",
            "公开文稿中出现公民身份号码，应删除或脱敏",
            masked,
            "《个人信息保护法》第二十八条",
        )
    for m in OLD_ID_RE.finditer(text):
        if not _free(text, m):
            continue
        if not ID_CONTEXT.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield make(
            text,
            m.start(),
            m.end(),
            "pii.id-number",
            "pii",
            "错误",
            "公开文稿中出现公民身份号码（15位旧号码），应删除或脱敏",
            m.group()[:6] + "******" + m.group()[12:],
            "《个人信息保护法》第二十八条",
        )


def _phones(text: str) -> Iterator[Finding]:
    for m in LANDLINE_RE.finditer(text):
        if not _free(text, m, ALNUM + "-"):
            continue
        before = text[max(0, text.rfind("\n", 0, m.start()) + 1, m.start() - 16) : m.start()]
        if PUBLIC_LINE.search(before) and "家属" not in before and "本人" not in before:
            continue
        if "电话" in before and OFFICE_WORDS.search(before.split("电话")[0][-8:]):
            continue
        digits = re.sub(r"\D", "", m.group())
        yield make(
            text,
            m.start(),
            m.end(),
            "pii.phone",
            "pii",
            "错误",
            "公开文稿中出现个人固定电话号码，应删除或脱敏",
            digits[:4] + "****" + digits[-2:],
            "《个人信息保护法》第十三条",
        )
    for m in MOBILE_RE.finditer(text):
        if not _free(text, m, "0123456789"):
            continue
        digits = re.sub(r"\D", "", m.group())
        yield make(
            text,
            m.start(),
            m.end(),
            "pii.phone",
            "pii",
            "错误",
            "公开文稿中出现个人手机号码，应删除或脱敏",
            digits[:3] + "****" + digits[7:],
            "《个人信息保护法》第十三条",
        )


def _petitioners(text: str) -> Iterator[Finding]:
    for m in _name_re().finditer(text):
        name = m.group(1)
        name = _trim(text, m.start(1), name)
        if not name:
            continue
        window = text[max(0, m.start() - 60) : m.end() + 60]
        if not PETITION_WORDS.search(window):
            continue
        start = m.start(1)
        yield make(
            text,
            start,
            start + len(name),
            "pii.petitioner-name",
            "pii",
            "错误",
            f"公开文稿中出现信访当事人姓名“{name}”，应隐去（如“{name[0]}某”）",
            name[0] + "某",
            "实务：信访人个人信息应予保护",
        )


def _trim(text: str, start: int, name: str) -> str:
    # Keep the longest name (2 or 3 characters) that a name boundary follows.
    for length in (len(name), len(name) - 1):
        if length < 2:
            break
        cand = text[start : start + length]
        if any(c in GIVEN_STOP for c in cand[1:]):
            continue
        if NAME_END.match(text, start + length) or start + length == len(text):
            return cand
    return ""
