"""Demo county 桐溪县 with 烽火乡 and 长集镇; every app adds its registers (idempotent)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from taizhang.core.models import OrgUnit
from taizhang.core.services import (
    deputy_group_get_or_create,
    district_get_or_create,
    org_unit_get_or_create,
)
from taizhang.demo.names import NameMaker
from taizhang.people.models import CadrePost, Deputy, Person
from taizhang.people.validators import id_check_char

DEMO_PASSWORD = "Demo@2025"
DEMO_YEAR = 2025
# Apps that add their registers to the demo, in dependency order (missing ones are skipped).
APP_DEMOS = ["ledger", "meetings", "cases", "duty", "documents"]

FENGHUO_VILLAGES = ["烽火村", "石桥村", "柳塘村", "高岗村", "新田村", "双河村", "马鞍村", "青龙村"]
CHANGJI_VILLAGES = ["长集社区", "东岭村", "西岭村", "南湾村", "北坡村", "李庄村"]
STATIONS = ["卫生院", "国土所", "财政所", "派出所", "计生服务所", "农技站", "司法所"]
DEPARTMENTS = ["党政办", "民政办"]
PARTIES = ["中共党员"] * 5 + ["群众"] * 3 + ["民盟盟员", "共青团员"]
EDUCATION = ["大专", "高中", "本科", "初中", "中专"]


@dataclass
class DemoContext:
    """What later app demos need: units and the people the base demo created."""

    county: OrgUnit
    townships: dict[str, OrgUnit]
    villages: dict[str, OrgUnit] = field(default_factory=dict)
    stations: dict[tuple[str, str], OrgUnit] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)  # role key -> person
    deputies: dict[str, list[Deputy]] = field(default_factory=dict)  # township -> deputies
    year: int = DEMO_YEAR
    names: NameMaker = field(default_factory=NameMaker)
    _serial: int = 0

    def person(
        self,
        *,
        unit: OrgUnit,
        name: str | None = None,
        gender: str | None = None,
        birth: date | None = None,
        party: str | None = None,
    ) -> Person:
        """Get or create an invented person; the ID number is derived from a serial."""
        self._serial += 1
        rng = self.names.rng
        if name is None:
            name, guessed = self.names.make()
            gender = gender or guessed
        birth = birth or date(rng.randint(1962, 1995), rng.randint(1, 12), rng.randint(1, 28))
        first17 = f"990101{birth:%Y%m%d}{self._serial % 1000:03d}"
        id_number = first17 + id_check_char(first17)
        phone = f"139{rng.randint(0, 99999999):08d}"
        village = unit.village.name if unit.village_id else ""
        address = (
            f"桐溪县{unit.township.name if unit.township_id else ''}{village}{rng.randint(1, 60)}号"
        )
        person, created = Person.objects.get_or_create(
            id_number=id_number,
            defaults=dict(
                name=name,
                gender=gender or "男",
                birth_month=birth.replace(day=1),
                ethnicity="汉族",
                party=party or rng.choice(PARTIES),
                education=rng.choice(EDUCATION),
                unit=unit,
                phone=phone,
                address=address,
                county_id=unit.county_id,
                township_id=unit.township_id,
                village_id=unit.village_id,
            ),
        )
        return person


def _org(ctx_name: str = "桐溪县") -> DemoContext:
    county, _ = org_unit_get_or_create(name=ctx_name, kind="county", code="990100")
    townships = {}
    for name, _villages, code in (
        ("烽火乡", FENGHUO_VILLAGES, "990101"),
        ("长集镇", CHANGJI_VILLAGES, "990102"),
    ):
        township, _ = org_unit_get_or_create(name=name, kind="township", parent=county, code=code)
        townships[name] = township
    ctx = DemoContext(county=county, townships=townships)
    for tname, villages in (("烽火乡", FENGHUO_VILLAGES), ("长集镇", CHANGJI_VILLAGES)):
        township = townships[tname]
        for vname in villages:
            village, _ = org_unit_get_or_create(name=vname, kind="village", parent=township)
            ctx.villages[vname] = village
            for gname in ("一组", "二组", "三组"):
                org_unit_get_or_create(name=gname, kind="group", parent=village)
        for sname in STATIONS:
            station, _ = org_unit_get_or_create(name=sname, kind="station", parent=township)
            ctx.stations[(tname, sname)] = station
        for dname in DEPARTMENTS:
            dept, _ = org_unit_get_or_create(name=dname, kind="department", parent=township)
            ctx.stations[(tname, dname)] = dept
    org_unit_get_or_create(name="长集油坊专业合作社", kind="enterprise", parent=townships["长集镇"])
    return ctx


def _deputies(
    ctx: DemoContext, tname: str, count: int, districts: int, groups: int, officers: int
) -> None:
    township = ctx.townships[tname]
    villages = [v for v in ctx.villages.values() if v.township_id == township.pk]
    group_objs = [
        deputy_group_get_or_create(township=township, name=f"第{n}代表小组")
        for n in "一二三四五六"[:groups]
    ]
    district_objs = [
        district_get_or_create(township=township, name=f"第{n}选区", number=n)
        for n in range(1, districts + 1)
    ]
    result = []
    for i in range(count):
        unit = villages[i % len(villages)] if i % 9 else ctx.stations[(tname, STATIONS[i % 7])]
        person = ctx.person(unit=unit)
        deputy, _ = Deputy.objects.get_or_create(
            person=person,
            level="乡镇",
            term="第十四届",
            defaults=dict(
                township=township,
                district=district_objs[(i * 7) % districts],
                group=group_objs[i % groups],
                start=date(2021, 10, 15),
                is_info_officer=i < officers,
                is_group_leader=i < groups,
            ),
        )
        result.append(deputy)
    ctx.deputies[tname] = result


# key, township, unit (None: the township itself), title, portfolios, person (None: new)
POSTS = [
    ("chairman", "烽火乡", None, "人大主席", ["人大工作"], "deputy:烽火乡:0"),
    ("renda_secretary", "烽火乡", None, "人大专干", ["人大日常工作", "代表联络", "信息宣传"], None),
    ("township_head_fenghuo", "烽火乡", None, "乡长", ["政府全面工作"], None),
    ("fenghuo_deputy_head", "烽火乡", None, "副乡长", ["农业农村", "交通道路", "信访维稳"], None),
    ("fenghuo_civil", "烽火乡", "民政办", "民政专干", ["民政救助", "社会事务"], None),
    ("fenghuo_armed", "烽火乡", None, "武装部长", ["民兵工作"], None),  # thin: no records
    ("mayor", "长集镇", None, "镇长", ["政府全面工作"], None),
    ("deputy_head_invest", "长集镇", None, "副镇长", ["招商引资", "交通道路", "油坊产业"], None),
    ("league_secretary", "长集镇", None, "团委书记", ["共青团工作", "驻村联络"], None),
    ("deputy_head_family", "长集镇", None, "副镇长", ["计划生育"], None),
    ("changji_chairman", "长集镇", None, "人大主席", ["人大工作"], "deputy:长集镇:0"),
]


def _posts(ctx: DemoContext) -> None:
    for key, tname, unit_name, title, portfolios, who in POSTS:
        township = ctx.townships[tname]
        unit = ctx.stations[(tname, unit_name)] if unit_name else township
        person = None
        if who:
            _, town, index = who.split(":")
            person = ctx.deputies[town][int(index)].person
        person = person or ctx.person(unit=unit, party="中共党员")
        CadrePost.objects.get_or_create(
            person=person,
            unit=unit,
            title=title,
            start=date(2021, 10, 20),
            defaults={"portfolios": portfolios},
        )
        ctx.people[key] = person
    # The Youth League secretary of 长集镇 is also its civil-affairs cadre (two posts).
    CadrePost.objects.get_or_create(
        person=ctx.people["league_secretary"],
        unit=ctx.stations[("长集镇", "民政办")],
        title="民政专干",
        start=date(2021, 10, 20),
        defaults={"portfolios": ["民政救助"]},
    )
    shiqiao = ctx.villages["石桥村"]
    ctx.people["village_secretary"] = ctx.person(unit=shiqiao, party="中共党员")
    CadrePost.objects.get_or_create(
        person=ctx.people["village_secretary"],
        unit=shiqiao,
        title="村党支部书记",
        start=date(2021, 3, 1),
        defaults={"portfolios": ["村务全面工作", "信访调处"]},
    )
    ctx.people["deputy"] = ctx.deputies["烽火乡"][5].person


def _users(ctx: DemoContext) -> list[tuple[str, str]]:
    from taizhang.accounts.models import User

    specs = [
        ("demo-admin", "admin", ctx.county, None, "系统管理员"),
        ("demo-auditor", "auditor", ctx.county, None, "审计员"),
        ("demo-renda", "presidium", ctx.townships["烽火乡"], ctx.people["chairman"], None),
        ("demo-ganbu", "cadre", ctx.townships["长集镇"], ctx.people["deputy_head_invest"], None),
        ("demo-cun", "village", ctx.villages["石桥村"], ctx.people["village_secretary"], None),
        ("demo-daibiao", "deputy", ctx.townships["烽火乡"], ctx.people["deputy"], None),
        ("demo-xian", "county", ctx.county, None, "县人大常委会"),
    ]
    out = []
    for username, role, unit, person, label in specs:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                role=role,
                org_unit=unit,
                person=person,
                first_name=person.name if person else label,
                is_demo=True,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        out.append((username, user.get_role_display()))
    return out


@transaction.atomic
def load_demo() -> list[tuple[str, str]]:
    """Create or complete the demo county; running it again changes nothing."""
    if settings.PRODUCTION:
        raise RuntimeError("生产环境（TAIZHANG_ENV=production）不能加载演示数据。")
    ctx = _org()
    _deputies(ctx, "烽火乡", count=54, districts=36, groups=4, officers=21)
    _deputies(ctx, "长集镇", count=40, districts=20, groups=3, officers=12)
    _posts(ctx)
    logins = _users(ctx)
    demo_authenticators()
    for app in APP_DEMOS:
        try:
            module = importlib.import_module(f"taizhang.{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"taizhang.{app}.demo":
                raise
            continue
        module.load(ctx)
    logins.append(_station_user(ctx))
    mark_demo_instance()
    return logins


def demo_authenticators() -> dict[str, str]:
    """Enrol the demo accounts whose role needs a second factor; return user name → key.

    The key is printed by `taizhang demo` so that anyone trying the demo can add it to an
    authenticator app (and tests compute codes from it).
    """
    from taizhang.accounts import otp
    from taizhang.accounts.models import User

    users = User.objects.filter(is_demo=True, role__in=otp.SECOND_FACTOR_ROLES)
    return {u.username: otp.secret_text(otp.enrol_confirmed(user=u)) for u in users.order_by("pk")}


def mark_demo_instance() -> None:
    """Write the marker that lets demo accounts log in on this instance (never production).

    A database copied to another server carries the demo accounts but not the marker, so
    they stay locked out there.
    """
    marker = Path(settings.DEMO_MARKER)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("taizhang demo\n", encoding="utf-8")


def _station_user(ctx: DemoContext) -> tuple[str, str]:
    """Give 烽火乡卫生院 a cadre account (demo-zhansuo) that receives the cases assigned to it.

    Created after the app demos so that the invented names and numbers drawn before it stay
    the same as in earlier versions of the demo.
    """
    from taizhang.accounts.models import User

    clinic = ctx.stations[("烽火乡", "卫生院")]
    # No cadre post: the clinic's head is no township cadre with year-end documents.
    person = ctx.person(unit=clinic, party="中共党员")
    user = User.objects.filter(username="demo-zhansuo").first()
    if user is None:
        user = User(
            username="demo-zhansuo",
            role="cadre",
            org_unit=clinic,
            person=person,
            first_name=person.name,
            is_demo=True,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user.username, user.get_role_display()
