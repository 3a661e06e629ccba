"""Demo ledgers of the 长集镇 cadres (DOMAIN.md); idempotent via natural keys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taizhang.ledger.models import Indicator, Project, WorkEntry

# code, name, kind, intended 万元, arrived 万元, area m², output 万元, taxes 万元, status
PROJECTS = [
    ("CJ2025-01", "年产5万吨大豆精深加工项目", "产业", 3000, 1500, 26000, 8000, 320, "在建"),
    ("CJ2025-02", "长集镇冷链物流中心", "招商引资", 1800, 800, 15000, 2600, 110, "在建"),
    ("CJ2025-03", "食用油小包装生产线", "招商引资", 1200, 600, 8000, 3000, 150, "投产"),
    ("CJ2025-04", "农机装备维修服务站", "招商引资", 1000, 300, 5000, 900, 40, "签约"),
    ("CJ2025-05", "电商直播基地", "招商引资", 1000, 300, 3000, 1200, 60, "签约"),
]
ROADS = [  # (date, road, km)
    (date(2025, 4, 18), "东岭村至西岭村村组道路", 14),
    (date(2025, 6, 10), "南湾村通组道路", 12),
    (date(2025, 8, 22), "北坡村环村道路", 16),
    (date(2025, 10, 15), "李庄村至长集社区连接线", 21),
]


def _indicator(ctx, person, portfolio, name, unit, actual, target=None, rank=None, change=None):
    Indicator.objects.get_or_create(
        township=ctx.townships["长集镇"],
        year=ctx.year,
        name=name,
        defaults=dict(
            unit=unit,
            actual=Decimal(actual) if actual is not None else None,
            target=Decimal(target) if target is not None else None,
            responsible=person,
            portfolio=portfolio,
            rank=rank,
            rank_change=change,
        ),
    )


def _entry(person, day, portfolio, matter, content):
    WorkEntry.objects.get_or_create(
        person=person,
        date=day,
        matter=matter,
        defaults={"portfolio": portfolio, "content": content},
    )


def load(ctx) -> None:
    township = ctx.townships["长集镇"]
    invest = ctx.people["deputy_head_invest"]
    for code, name, kind, intended, arrived, area, output, taxes, status in PROJECTS:
        Project.objects.get_or_create(
            code=code,
            year=ctx.year,
            defaults=dict(
                township=township, name=name, kind=kind, responsible=invest,
                portfolio="招商引资", intended_funds=Decimal(intended),
                arrived_funds=Decimal(arrived), area=Decimal(area),
                annual_output=Decimal(output), taxes=Decimal(taxes), status=status,
            ),
        )  # fmt: skip
    _entry(invest, date(2025, 3, 12), "招商引资", "赴外地招商推介",
           "带队赴沿海地区开展招商推介，洽谈食品加工、冷链物流项目3个")  # fmt: skip
    _entry(invest, date(2025, 5, 20), "招商引资", "项目用地协调",
           "坚持领导包项目、专人跟进服务，协调解决项目用地、用电等问题")  # fmt: skip
    _indicator(ctx, invest, "交通道路", "新修村组道路", "公里", 63, target=60)
    for day, road, km in ROADS:
        _entry(invest, day, "交通道路", f"{road}竣工验收", f"{road}{km}公里完成竣工验收")
    _indicator(ctx, invest, "油坊产业", "发展油坊", "家", 50)
    _indicator(ctx, invest, "油坊产业", "加工大豆", "吨", 32000)
    _indicator(ctx, invest, "油坊产业", "油坊产业产值", "万元", 13000)
    _entry(invest, date(2025, 7, 8), "油坊产业", "油坊产业集群调度",
           "组织油坊专业合作社统一质量标准，推动小油坊连片发展")  # fmt: skip

    league = ctx.people["league_secretary"]
    _indicator(ctx, league, "驻村联络", "危房改造", "户", 45)
    _indicator(ctx, league, "驻村联络", "新建牛棚", "座", 18)
    _indicator(ctx, league, "驻村联络", "改建厕所", "座", 18)
    _entry(league, date(2025, 4, 9), "驻村联络", "危房改造入户核查",
           "逐户核查危房改造对象，督促施工进度并拍照存档")  # fmt: skip
    _entry(league, date(2025, 9, 16), "驻村联络", "牛棚和改厕验收",
           "会同村两委验收新建牛棚和改建厕所，群众满意")  # fmt: skip
    _entry(league, date(2025, 6, 3), "民政救助", "低保对象年审",
           "参与低保对象年度审核，做到应保尽保、应退尽退")  # fmt: skip

    family = ctx.people["deputy_head_family"]
    _indicator(ctx, family, "计划生育", "人口和计划生育目标管理考核", "", None,
               rank=3, change=23)  # fmt: skip
    _entry(family, date(2025, 5, 28), "计划生育", "计生服务进村入户",
           "组织计生服务所开展优生优育宣传和免费孕前检查")  # fmt: skip
