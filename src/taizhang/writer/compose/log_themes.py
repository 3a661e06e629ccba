"""The field of work a work-log entry belongs to, read from its words, and its weight.

The ledger keeps one portfolio per entry (政府全面工作 holds a head's whole year), so a
drafter who sums a year up groups the entries by what they were about. The first theme
with the longest word in the entry's title wins, then in its content; on a tie the order
puts the narrow themes (人代会, 议案建议) before the broad ones (民生, 部署).
"""

from __future__ import annotations

import re

from ..facts import Record

# key, the theme as running text names it, words that mark it
THEMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("session", "人代会和主席团会议", ("人代会", "预备会议", "议程", "主席团会议",
                                    "主席团年度", "会务")),
    ("supervision", "代表建议办理和接受人大监督", ("通报政府工作", "主席团通报", "审核代表建议",
                                                "办理代表建议", "代表建议办理")),
    ("motions", "议案建议办理", ("议案", "建议", "满意度测评")),
    ("oversight", "视察评议和整改督办", ("视察", "工作评议", "评议意见", "执法检查")),
    ("deputies", "代表联络和服务", ("代表", "选民", "联络站")),
    ("petitions", "信访和矛盾调处", ("信访", "纠纷", "调处", "调解", "矛盾", "拖欠", "积案")),
    ("youth", "青年工作和志愿服务", ("团员", "青年", "团支部", "团日", "志愿")),
    ("safety", "安全生产和防灾减灾", ("安全", "消防", "防火", "防汛", "备汛", "隐患", "险段",
                                    "护栏", "演练")),
    ("projects", "项目建设", ("项目", "工程", "招商", "签约", "投产", "现场办公", "用地",
                              "企业")),
    ("roads", "道路建设和养护", ("道路", "公路", "通组", "村道", "连接线", "养护")),
    ("farming", "农业生产和农田水利", ("春耕", "秋收", "秋种", "秋粮", "备耕", "农田", "水利",
                                      "灌溉", "水渠", "饮水", "供水", "旱情", "农机", "河道")),
    ("environment", "人居环境整治", ("人居环境", "垃圾", "改厕", "厕所", "清洁", "卫生死角",
                                    "排污", "沉淀池", "植树", "绿化", "牛棚")),
    ("health", "卫生健康服务", ("卫生院", "筛查", "健康", "妇幼", "孕", "优生", "家庭医生",
                                "出生", "婴幼儿", "就医", "两癌")),
    ("family", "计生奖励扶助和特殊家庭关爱", ("奖励", "扶助", "特殊家庭", "计生老人")),
    ("subsistence", "低保和特困供养", ("低保", "特困", "边缘家庭", "供养")),
    ("housing", "危房改造", ("危房",)),
    ("relief", "临时救助和医疗救助", ("救助",)),
    ("elderly", "养老服务", ("敬老", "养老", "高龄", "老人")),
    ("visits", "走访慰问困难群众", ("慰问", "困难群众", "困难户", "过冬")),
    ("care", "留守儿童和残疾人关爱", ("留守", "儿童", "残疾")),
    ("industry", "产业发展", ("产业", "油坊", "合作社", "展销", "农产品", "电商")),
    ("records", "台账和信息管理", ("台账", "档案", "信息", "名册", "登记", "核对", "公开",
                                  "公示")),
    ("publicity", "宣传教育和信息报送", ("宣传", "宣讲", "讲座", "培训", "讲解", "辅导",
                                      "活动报道", "事迹采写", "信息报送", "工作信息", "专栏")),
    ("planning", "统筹部署和目标考核", ("全体会议", "常务会议", "部署", "目标", "考核",
                                      "调度会", "总结", "自查", "迎检", "两委")),
)  # fmt: skip
NAMES = {key: name for key, name, _ in THEMES}
OTHER = "other"

# An entry that tells a problem solved weighs most; leading, going to a place, the rest.
SOLVED = re.compile(r"协调|调解|化解|解决|攻坚|破解|理顺|疏通|纠正")
LED = re.compile(r"主持|带队|带领|组织|召开|牵头")
PLACE = re.compile(r"[村组院站所社区校场]")


def theme_of(r: Record) -> str:
    """The theme whose longest word the entry's title holds (the earlier theme on a tie),
    else the same by its content: 计生特殊家庭签约服务 is 特殊家庭 work, not a 签约."""
    for words in (r.title, r.detail):
        best, longest = OTHER, 0
        for key, _name, marks in THEMES:
            size = max((len(m) for m in marks if m in words), default=0)
            if size > longest:
                best, longest = key, size
        if longest:
            return best
    return OTHER


def weight(r: Record) -> int:
    """How much an entry says about the year: a problem solved, work led, a place named."""
    words = r.title + r.detail
    return (
        3 * bool(SOLVED.search(words))
        + bool(LED.search(words))
        + bool(PLACE.search(words))
        + bool(r.detail)
    )


def grouped(entries: list[Record]) -> list[tuple[str, list[Record]]]:
    """(theme, entries) heaviest first; themes of one entry pooled under OTHER, last."""
    groups: dict[str, list[Record]] = {}
    for r in entries:
        groups.setdefault(theme_of(r), []).append(r)
    pooled = [r for key, rs in groups.items() if len(rs) == 1 or key == OTHER for r in rs]
    kept = [(key, rs) for key, rs in groups.items() if len(rs) > 1 and key != OTHER]
    kept.sort(key=lambda item: (-len(item[1]), item[1][0].date or ""))
    if pooled:
        kept.append((OTHER, sorted(pooled, key=lambda r: r.date or "")))
    return kept


def pooled_themes(entries: list[Record]) -> list[str]:
    """The theme names of pooled entries, in order, once each (OTHER has no name)."""
    names = [NAMES.get(theme_of(r), "") for r in entries]
    return list(dict.fromkeys(n for n in names if n))
