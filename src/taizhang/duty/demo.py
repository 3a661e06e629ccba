"""Demo duty records of 烽火乡 2025: quotas "12345", entries, liaison, publicity, spending."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taizhang.duty import services
from taizhang.duty.demo_more import content
from taizhang.duty.models import DutyEntry, Expense, LiaisonContact, PublicityPiece
from taizhang.duty.models import LiaisonWay as W

T = "烽火乡"
PUBLICITY = [
    ("省", "烽火乡探索代表小组“家门口”履职新模式", "省人大常委会网站"),
    ("市", "烽火乡人大开展卫生院工作评议", "市人大信息"),
    ("县", "烽火乡第十四届人民代表大会第七次会议胜利召开", "县人大网站"),
    ("县", "烽火乡召开代表议案建议交办会", "县人大网站"),
    ("县", "烽火乡人大组织代表专题学习议案撰写", "县人大网站"),
    ("县", "代表走访选民 倾听群众心声", "县人大网站"),
    ("县", "烽火乡人大主席团召开第三次会议", "县人大网站"),
    ("县", "信访信息员化解宅基地纠纷", "县人大网站"),
    ("县", "第33选区代表向选民述职", "县人大网站"),
    ("县", "烽火乡人大视察农村人居环境", "县人大网站"),
    ("县", "代表小组开展助农帮扶活动", "县人大网站"),
    ("县", "烽火乡人大主席团召开年终工作会议", "县人大网站"),
]
EXPENSES = [
    ("代表培训", "3200"),
    ("视察调研", "2600"),
    ("代表小组活动", "1800"),
    ("人代会会务", "1500"),
    ("资料印刷", "900"),
]
WAYS = list(W)


def _entries(township, deputies, year: int) -> None:
    if DutyEntry.objects.filter(township=township, date__year=year).exists():
        return
    rows = []
    for i, d in enumerate(deputies):
        plan = {
            "心得体会": 2 if i % 3 else 1,  # every third deputy has written only one
            "帮扶": 3 if i % 2 == 0 or i % 4 == 3 else 2,
            "建议": 5 if i % 4 in (0, 2, 3) else 2 + i % 3,
            "走访选民": 1 + i % 4,
        }
        for kind, count in plan.items():
            for n in range(count):
                rows.append(
                    DutyEntry(
                        person=d.person,
                        township=township,
                        date=date(year, 1 + (i + n * 3) % 12, 1 + n),
                        type=kind,
                        content=content(kind, i, n),
                        quantity=1,
                    )
                )
    DutyEntry.objects.bulk_create(rows)


def load(ctx) -> None:
    """Add 烽火乡's 2025 duty registers."""
    township = ctx.townships[T]
    year = ctx.year
    services.quota_apply_scheme(township=township, year=year)
    deputies = [d for d in ctx.deputies[T] if d.in_office(date(year, 12, 31))]
    _entries(township, deputies, year)
    chairman = ctx.people["chairman"]
    if not LiaisonContact.objects.filter(township=township, date__year=year).exists():
        for i, d in enumerate(deputies[:40]):
            services.liaison_create(
                township=township,
                deputy=d,
                day=date(year, 1 + i % 12, 5 + i % 20),
                way=WAYS[i % len(WAYS)],
                outcome="了解代表履职需求，已记录并转相关部门" if i % 2 else "通报人大工作安排",
                contacted_by=chairman,
            )
    for n, (level, title, outlet) in enumerate(PUBLICITY):
        day = date(year, 1 + n, 8)
        if not PublicityPiece.objects.filter(township=township, date=day, title=title).exists():
            services.publicity_create(
                township=township,
                day=day,
                title=title,
                author=ctx.people["renda_secretary"].name,
                level=level,
                outlet=outlet,
            )
    for n, (purpose, amount) in enumerate(EXPENSES):
        day = date(year, 2 + 2 * n, 18)
        if not Expense.objects.filter(
            township=township, date=day, purpose=purpose, amount=Decimal(amount)
        ).exists():
            services.expense_create(township=township, day=day, purpose=purpose, amount=amount)
    from taizhang.duty import demo_more

    demo_more.changji(ctx)
