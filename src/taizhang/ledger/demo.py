"""Demo ledgers of the cadres of 长集镇 and 烽火乡 (DOMAIN.md); idempotent via natural keys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from taizhang.ledger.demo_entries import COMMON_BY_ROLE, MORE_ENTRIES
from taizhang.ledger.demo_entries_more import SECRETARY_ENTRIES
from taizhang.ledger.models import Indicator, Project, WorkEntry

D = date
# code, name, kind, intended 万元, arrived 万元, area m², output 万元, taxes 万元, status
PROJECTS = [
    ("CJ2025-01", "年产5万吨大豆精深加工项目", "产业", 3000, 1500, 26000, 8000, 320, "在建"),
    ("CJ2025-02", "长集镇冷链物流中心", "招商引资", 1800, 800, 15000, 2600, 110, "在建"),
    ("CJ2025-03", "食用油小包装生产线", "招商引资", 1200, 600, 8000, 3000, 150, "投产"),
    ("CJ2025-04", "农机装备维修服务站", "招商引资", 1000, 300, 5000, 900, 40, "签约"),
    ("CJ2025-05", "电商直播基地", "招商引资", 1000, 300, 3000, 1200, 60, "签约"),
]
# 烽火乡's deputy head: agriculture and roads (code, name, kind, portfolio, intended, arrived, status)
FENGHUO_PROJECTS = [
    ("FH2025-01", "石桥村高标准农田建设项目", "基础设施", "农业农村", 900, 900, "竣工"),
    ("FH2025-02", "烽火至石桥公路硬化工程", "基础设施", "交通道路", 650, 420, "在建"),
    ("FH2025-03", "柳塘村河道清淤整治工程", "基础设施", "农业农村", 260, 120, "在建"),
]
ROADS = [  # (date, road, km)
    (D(2025, 4, 18), "东岭村至西岭村村组道路", 14),
    (D(2025, 6, 10), "南湾村通组道路", 12),
    (D(2025, 8, 22), "北坡村环村道路", 16),
    (D(2025, 10, 15), "李庄村至长集社区连接线", 21),
]
# Study, talks and probity entries every demo cadre keeps in the work log (month, day, matter).
COMMON = [
    (3, 6, "", "党委理论学习中心组专题学习", "围绕党的路线方针政策和乡村振兴开展集中学习研讨"),
    (6, 28, "", "七一主题党日", "到所在支部重温入党誓词，交流发挥党员先锋作用的体会"),
    (9, 12, "", "县委党校乡镇干部培训班", "脱产系统学习基层治理和依法行政课程"),
    (4, 16, "", "与本单位干部谈心", "了解思想和工作情况，帮助解决家庭困难"),
    (12, 3, "", "年终个别谈话", "与联系村干部逐一交流，听取对本人工作的意见"),
    (5, 22, "", "廉政党课", "听取纪委书记结合身边案例讲廉洁从政"),
    (11, 20, "", "警示教育大会", "观看警示教育片，对照案例检视自身"),
]
# role key → (date, portfolio, matter, content)
ENTRIES = {
    "deputy_head_invest": [
        (D(2025, 3, 12), "招商引资", "赴外地招商推介",
         "带队赴沿海地区开展招商推介，洽谈食品加工、冷链物流项目3个"),
        (D(2025, 5, 20), "招商引资", "项目用地协调",
         "坚持领导包项目、专人跟进服务，协调解决项目用地、用电等问题"),
        (D(2025, 9, 4), "招商引资", "冷链物流中心现场调度",
         "到项目现场查看主体施工进度，督促施工单位抢抓工期"),
        *[(day, "交通道路", f"{road}竣工验收", f"{road}{km}公里完成竣工验收")
          for day, road, km in ROADS],
        (D(2025, 7, 8), "油坊产业", "油坊产业集群调度",
         "组织油坊专业合作社统一质量标准，推动小油坊连片发展"),
        (D(2025, 11, 6), "油坊产业", "油坊安全生产检查",
         "会同应急办到东岭村、南湾村油坊检查用电和消防安全"),
    ],
    "renda_secretary": [
        (D(2025, 4, 15), "人大日常工作", "人代会会务准备", "印制会议材料，核对代表名册和出席登记表"),
        (D(2025, 4, 23), "人大日常工作", "议案建议登记分类", "逐件登记代表议案建议，按承办单位分类交办"),
        (D(2025, 6, 16), "代表联络", "卫生院评议会务", "组织代表评议卫生院工作并整理评议意见"),
        (D(2025, 9, 10), "代表联络", "代表履职档案整理", "更新代表履职档案，统计年度履职情况"),
        (D(2025, 10, 18), "信息宣传", "人大工作信息报送", "撰写代表小组活动信息并报县人大"),
    ],
    "league_secretary": [
        (D(2025, 4, 9), "驻村联络", "危房改造入户核查", "逐户核查危房改造对象，督促施工进度并拍照存档"),
        (D(2025, 9, 16), "驻村联络", "牛棚和改厕验收", "会同村两委验收新建牛棚和改建厕所，群众满意"),
        (D(2025, 6, 3), "民政救助", "低保对象年审", "参与低保对象年度审核，做到应保尽保、应退尽退"),
        (D(2025, 8, 12), "民政救助", "西岭村危房户补助协调",
         "协调解决西岭村危房户补助资金拨付慢的问题，资金按时发放到户"),
        (D(2025, 5, 4), "共青团工作", "五四青年节主题团日", "组织全镇团员青年开展主题团日活动"),
        (D(2025, 7, 18), "共青团工作", "暑期留守儿童关爱活动", "组织青年志愿者到南湾村陪伴留守儿童"),
        (D(2025, 11, 14), "民政救助", "临时救助入户核实", "到南湾村入户核实临时救助申请，当天上报"),
        (D(2025, 3, 22), "驻村联络", "联系村改厕动员", "到东岭村召开群众会，动员农户参与改厕"),
    ],
    "deputy_head_family": [
        (D(2025, 5, 28), "计划生育", "计生服务进村入户", "组织计生服务所开展优生优育宣传和免费孕前检查"),
        (D(2025, 8, 19), "计划生育", "计生特殊家庭走访", "走访北坡村、李庄村计生特殊家庭，帮助解决实际困难"),
        (D(2025, 10, 28), "计划生育", "目标管理考核迎检", "逐项对照考核细则整理台账，协调解决资料不全的问题"),
    ],
    "mayor": [
        (D(2025, 2, 18), "政府全面工作", "全镇重点项目调度会", "逐个项目听取进度汇报，明确节点和责任人"),
        (D(2025, 4, 25), "政府全面工作", "办理代表建议", "研究代表建议办理方案，落实承办单位和时限"),
        (D(2025, 11, 18), "政府全面工作", "冬季安全生产检查", "到东岭村、西岭村检查油坊和学校安全"),
        (D(2025, 6, 25), "政府全面工作", "防汛检查", "到南湾村、北坡村检查堤防和转移预案"),
        (D(2025, 9, 26), "政府全面工作", "大豆精深加工项目用地协调",
         "协调解决项目用地报批中的难点，推动项目按期开工"),
    ],
    "changji_chairman": [
        (D(2025, 3, 28), "人大工作", "筹备镇人代会", "审定会议议程和大会文件，组织代表培训"),
        (D(2025, 7, 15), "人大工作", "督办代表建议", "到承办单位听取建议办理情况汇报，协调解决经费不足的问题"),
        (D(2025, 10, 22), "人大工作", "走访代表", "到西岭村、李庄村走访代表，听取对镇政府工作的意见"),
    ],
    "village_secretary": [
        (D(2025, 3, 2), "村务全面工作", "村两委春季工作部署", "召开村两委会议，安排春耕和人居环境整治"),
        (D(2025, 5, 13), "信访调处", "灌溉水渠清淤", "组织村民清理堵塞水渠，当天恢复通水"),
        (D(2025, 10, 15), "信访调处", "邻里院墙纠纷入户调解", "到两户家中了解情况，讲清政策，约定再次协商"),
        (D(2025, 11, 3), "村务全面工作", "村务公开", "张榜公开村级财务收支和惠民资金发放情况"),
    ],
    "chairman": [
        (D(2025, 4, 10), "人大工作", "人代会筹备会", "组织材料组、会务组、后勤组分工落实会议准备"),
        (D(2025, 8, 26), "人大工作", "督办卫生院评议意见整改", "到卫生院实地查看整改，协调解决候诊区改造资金"),
        (D(2025, 11, 12), "人大工作", "走访代表", "到石桥村、柳塘村走访代表，收集意见建议"),
        (D(2025, 4, 25), "人大工作", "主持议案建议交办会", "将议案建议逐件交办到承办单位，明确办理时限"),
        (D(2025, 5, 20), "人大工作", "代表小组专题学习", "为代表讲解议案和建议的撰写要求"),
        (D(2025, 12, 8), "人大工作", "组织农村人居环境视察", "带领代表实地查看村庄整治，梳理视察意见交乡政府办理"),
    ],
    "township_head_fenghuo": [
        (D(2025, 3, 20), "政府全面工作", "春耕生产调度", "到柳塘村、高岗村查看春耕备耕情况"),
        (D(2025, 9, 8), "政府全面工作", "公路硬化工程调度", "协调解决烽火至石桥公路施工中的青苗补偿问题"),
        (D(2025, 5, 16), "政府全面工作", "乡卫生院改造调研", "到乡卫生院调研候诊条件，安排改造资金"),
        (D(2025, 12, 2), "政府全面工作", "年终目标考核准备", "逐项对照年度目标，部署冬季各项工作"),
    ],
    "fenghuo_deputy_head": [
        (D(2025, 4, 2), "农业农村", "高标准农田建设开工", "组织石桥村高标准农田建设项目开工，明确质量要求"),
        (D(2025, 10, 30), "农业农村", "高标准农田竣工验收", "会同县农业农村局完成石桥村高标准农田竣工验收"),
        (D(2025, 6, 18), "交通道路", "公路硬化工程现场推进", "到烽火至石桥公路施工现场推进进度"),
        (D(2025, 8, 7), "信访维稳", "宅基地纠纷调处", "会同国土所、司法所现场调处一起宅基地界址纠纷，化解矛盾"),
        (D(2025, 11, 25), "农业农村", "河道清淤现场检查", "到柳塘村检查河道清淤进度"),
        (D(2025, 5, 9), "信访维稳", "信访积案清理", "逐件梳理信访积案，明确包案领导和化解时限"),
        (D(2025, 7, 3), "交通道路", "农村公路养护检查", "检查高岗村、新田村农村公路养护情况，督促整改坑槽"),
    ],
    "fenghuo_civil": [
        (D(2025, 3, 15), "民政救助", "低保对象年度复核", "逐户复核低保对象家庭收入，做到应保尽保"),
        (D(2025, 7, 21), "民政救助", "临时救助入户核实", "到马鞍村入户核实临时救助申请"),
        (D(2025, 10, 10), "社会事务", "敬老院安全检查", "检查敬老院消防和食品安全，协调解决供暖设备老化问题"),
        (D(2025, 9, 5), "民政救助", "危房改造补助公示", "在青龙村公示危房改造补助对象，接受群众监督"),
        (D(2025, 12, 12), "社会事务", "冬季困难群众走访", "走访双河村、马鞍村特困供养人员，送去过冬物资"),
        (D(2025, 4, 28), "民政救助", "危房鉴定协调", "协调县住建部门到青龙村鉴定危房等级，解决申请材料不全的问题"),
        (D(2025, 8, 15), "社会事务", "高龄补贴核对", "逐村核对高龄老人名单，补贴按月发放到位"),
    ],
}  # fmt: skip
# role key → (portfolio, name, unit, actual, target, rank, rank change)
INDICATORS = {
    "deputy_head_invest": [
        ("交通道路", "新修村组道路", "公里", 63, 60, None, None),
        ("油坊产业", "发展油坊", "家", 50, None, None, None),
        ("油坊产业", "加工大豆", "吨", 32000, None, None, None),
        ("油坊产业", "油坊产业产值", "万元", 13000, None, None, None),
    ],
    "league_secretary": [
        ("驻村联络", "危房改造", "户", 45, None, None, None),
        ("驻村联络", "新建牛棚", "座", 18, None, None, None),
        ("驻村联络", "改建厕所", "座", 18, None, None, None),
    ],
    "deputy_head_family": [
        ("计划生育", "人口和计划生育目标管理考核", "", None, None, 3, 23),
    ],
    "fenghuo_deputy_head": [
        ("农业农村", "高标准农田建设", "亩", 3200, 3000, 5, 2),
        ("交通道路", "农村公路养护考核", "", None, None, 12, -3),
    ],
}


def _indicator(township, year, person, portfolio, name, unit, actual, target, rank, change):
    Indicator.objects.get_or_create(
        township=township,
        year=year,
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


def _township_of(ctx, key: str):
    from taizhang.demo.loader import POSTS

    return ctx.townships[next(t for k, t, *_ in POSTS if k == key)]


def load(ctx) -> None:
    changji, fenghuo = ctx.townships["长集镇"], ctx.townships["烽火乡"]
    invest = ctx.people["deputy_head_invest"]
    for code, name, kind, intended, arrived, area, output, taxes, status in PROJECTS:
        Project.objects.get_or_create(
            code=code,
            year=ctx.year,
            defaults=dict(
                township=changji, name=name, kind=kind, responsible=invest,
                portfolio="招商引资", intended_funds=Decimal(intended),
                arrived_funds=Decimal(arrived), area=Decimal(area),
                annual_output=Decimal(output), taxes=Decimal(taxes), status=status,
            ),
        )  # fmt: skip
    head = ctx.people["fenghuo_deputy_head"]
    for code, name, kind, portfolio, intended, arrived, status in FENGHUO_PROJECTS:
        Project.objects.get_or_create(
            code=code,
            year=ctx.year,
            defaults=dict(
                township=fenghuo, name=name, kind=kind, responsible=head, portfolio=portfolio,
                intended_funds=Decimal(intended), arrived_funds=Decimal(arrived), status=status,
            ),
        )  # fmt: skip
    for key, rows in INDICATORS.items():
        township = _township_of(ctx, key)
        for row in rows:
            _indicator(township, ctx.year, ctx.people[key], *row)
    for key, rows in ENTRIES.items():
        person = ctx.people[key]
        own = [*rows, *MORE_ENTRIES.get(key, ()), *SECRETARY_ENTRIES.get(key, ()),
               *COMMON_BY_ROLE.get(key, ())]  # fmt: skip
        for day, portfolio, matter, content in own:
            _entry(person, day, portfolio, matter, content)
        for month, day, portfolio, matter, content in COMMON:
            _entry(person, D(ctx.year, month, day), portfolio, matter, content)
