"""Demo duty records beyond 烽火乡: what deputies wrote in their entries, 长集镇's registers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taizhang.duty import services
from taizhang.duty.models import DutyEntry, Expense, LiaisonContact, PublicityPiece
from taizhang.duty.models import LiaisonWay as W

# What a deputy's duty entry says, by type (invented, cycled per deputy).
CONTENT = {
    "建议": [
        "反映村组道路坑洼影响农用车通行",
        "反映农田灌溉用水高峰期供水不足",
        "反映村卫生室夜间无人值守",
        "反映村小学周边缺少减速带",
        "反映集中供水点水压偏低",
        "反映农村客运班次偏少",
        "反映秸秆收储点距离村庄过远",
        "反映村文化活动室设施老旧",
    ],
    "走访选民": [
        "走访留守老人家庭，了解冬季取暖情况",
        "走访种粮大户，了解秋粮销售情况",
        "走访返乡创业青年，了解用地用电需求",
        "走访低保户，了解政策落实情况",
        "走访村民小组长，收集村道维修意见",
    ],
    "帮扶": [
        "帮助独居老人申请居家养老服务",
        "帮助残疾人家庭联系辅具适配",
        "帮助困难学生申请助学金",
        "帮助种植户联系农资赊购",
    ],
    "心得体会": ["撰写参加站所评议的体会", "撰写走访选民的体会", "撰写学习代表法的体会"],
}


def content(kind: str, i: int, n: int) -> str:
    options = CONTENT.get(kind)
    return options[(i + n) % len(options)] if options else f"{kind}（{n + 1}）"


PUBLICITY = [
    ("市", "长集镇人大视察油坊产业发展", "市人大信息"),
    ("县", "长集镇第十四届人民代表大会第七次会议召开", "县人大网站"),
    ("县", "长集镇召开代表议案建议交办会", "县人大网站"),
    ("县", "长集镇人大组织代表依法履职培训", "县人大网站"),
    ("县", "长集镇人大评议镇派出所工作", "县人大网站"),
    ("县", "长集镇代表向选民述职", "县人大网站"),
]
EXPENSES = [("代表培训", "2400"), ("视察评议", "1900"), ("人代会会务", "1600"), ("资料印刷", "700")]


def _entries(township, deputies, year: int) -> None:
    if DutyEntry.objects.filter(township=township, date__year=year).exists():
        return
    rows = []
    for i, d in enumerate(deputies):
        plan = {"心得体会": 2, "帮扶": 3 if i % 3 else 2, "建议": 3 + i % 3, "走访选民": 2 + i % 3}
        for kind, count in plan.items():
            for n in range(count):
                rows.append(DutyEntry(person=d.person, township=township, type=kind, quantity=1,
                                      date=date(year, 1 + (i + n * 4) % 12, 3 + n),
                                      content=content(kind, i, n)))  # fmt: skip
    DutyEntry.objects.bulk_create(rows)


def changji(ctx) -> None:
    """长集镇's quotas, entries, liaison, publicity and spending of the demo year."""
    township = ctx.townships["长集镇"]
    year = ctx.year
    services.quota_apply_scheme(township=township, year=year)
    deputies = [d for d in ctx.deputies["长集镇"] if d.in_office(date(year, 12, 31))]
    _entries(township, deputies, year)
    ways = list(W)
    if not LiaisonContact.objects.filter(township=township, date__year=year).exists():
        for i, d in enumerate(deputies[:34]):
            services.liaison_create(
                township=township, deputy=d, day=date(year, 1 + i % 12, 6 + i % 20),
                way=ways[i % len(ways)], outcome="听取代表对镇人大工作的意见",
                contacted_by=ctx.people["chairman_changji"],
            )  # fmt: skip
    for n, (level, title, outlet) in enumerate(PUBLICITY):
        day = date(year, 2 + 2 * (n % 5), 9 + n)
        if not PublicityPiece.objects.filter(township=township, date=day, title=title).exists():
            services.publicity_create(township=township, day=day, title=title, level=level,
                                      author="长集镇人大", outlet=outlet)  # fmt: skip
    for n, (purpose, amount) in enumerate(EXPENSES):
        day = date(year, 3 + 2 * n, 20)
        if not Expense.objects.filter(township=township, date=day, purpose=purpose).exists():
            services.expense_create(township=township, day=day, purpose=purpose,
                                    amount=Decimal(amount))  # fmt: skip
