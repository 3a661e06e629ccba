"""A second county built through the services, with other names and numbers than the demo's.

青川县 has 白沙镇 (a town: its documents say 镇) with a held session, a motion, a deputy
with three registered suggestions and two more in the duty record, an inspection whose
opinions go to a station, and 石门乡 whose session did not reach its quorum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from taizhang.cases.demo import demo_answered, demo_case
from taizhang.cases.demo_more import rectify
from taizhang.core.services import (
    deputy_group_get_or_create,
    district_get_or_create,
    org_unit_get_or_create,
)
from taizhang.core.versioning import NEW
from taizhang.demo.loader import DemoContext
from taizhang.duty.models import DutyEntry
from taizhang.meetings import services as meetings
from taizhang.meetings.demo import demo_activity, demo_mark, demo_meeting, demo_opinions
from taizhang.people.models import CadrePost, Deputy

YEAR = 2025


@dataclass
class County:
    ctx: DemoContext
    town: object  # 白沙镇
    village_town: object  # 石门乡, whose session was not held
    deputies: list = field(default_factory=list)
    proposer: object = None  # the deputy with 3 + 2 suggestions
    chairman: object = None


def _deputies(ctx, township, count: int, prefix: str) -> list[Deputy]:
    villages = [ctx.villages[n] for n in ctx.villages if ctx.villages[n].parent_id == township.pk]
    groups = [deputy_group_get_or_create(township=township, name=f"第{n}代表小组") for n in "一二"]
    districts = [
        district_get_or_create(township=township, name=f"第{n}选区", number=n) for n in (1, 2, 3)
    ]
    out = []
    for i in range(count):
        person = ctx.person(
            unit=villages[i % len(villages)], name=f"{prefix}{'甲乙丙丁戊己庚辛壬癸子丑'[i]}"
        )
        out.append(
            Deputy.objects.create(
                person=person,
                level="乡镇",
                term="第九届",
                township=township,
                district=districts[i % 3],
                group=groups[i % 2],
                start=date(2022, 1, 10),
                is_info_officer=i < 4,
            )
        )
    return out


def build() -> County:
    county, _ = org_unit_get_or_create(name="青川县", kind="county", code="880100")
    town, _ = org_unit_get_or_create(name="白沙镇", kind="township", parent=county, code="880101")
    other, _ = org_unit_get_or_create(name="石门乡", kind="township", parent=county, code="880102")
    ctx = DemoContext(county=county, townships={"白沙镇": town, "石门乡": other})
    for township, names in ((town, ("白沙村", "河口村")), (other, ("石门村",))):
        for name in names:
            ctx.villages[name], _ = org_unit_get_or_create(
                name=name, kind="village", parent=township
            )
        for name in ("卫生院", "农技站", "财政所"):
            unit, _ = org_unit_get_or_create(name=name, kind="station", parent=township)
            ctx.stations[(township.name, name)] = unit
    deputies = _deputies(ctx, town, 12, "白")
    county_ = County(ctx=ctx, town=town, village_town=other, deputies=deputies)
    county_.chairman = deputies[0].person
    CadrePost.objects.create(person=deputies[0].person, unit=town, title="人大主席",
                             start=date(2022, 1, 12))  # fmt: skip
    session = demo_meeting(town, "BS-2025-RDH-03", kind="人代会", name="白沙镇第九届人民代表大会第三次会议",
                       date=date(YEAR, 3, 15), term="第九届", session="第三次")  # fmt: skip
    for d in deputies:
        demo_mark(session, d, "请假" if d.pk == deputies[11].pk else "出席")
    meetings.meeting_open(meeting=session, expected_version=session.version)
    meetings.agenda_item_save(meeting=session, seq=1, title="审议镇人民政府工作报告", kind="报告",
                              votes_for=11, votes_against=0, votes_abstain=0, expected_version=NEW)  # fmt: skip
    people = [d.person for d in deputies]
    st = {n: ctx.stations[("白沙镇", n)] for n in ("卫生院", "农技站", "财政所")}
    demo_case(town, "议2025-0001", kind="议案", title="关于修建河口村防洪堤的议案",
          registered=date(YEAR, 3, 15), sponsors=people[1:6], channel="会议",
          steps=[("立案", date(YEAR, 3, 16), {}),
                 *demo_answered(st["财政所"], date(YEAR, 3, 20), date(YEAR, 3, 22), date(YEAR, 6, 1),
                            "防洪堤已列入县水利项目", "所长"),
                 ("评价", date(YEAR, 6, 5), {"satisfaction": "满意"}),
                 ("办结", date(YEAR, 6, 6), {})])  # fmt: skip
    proposer = deputies[3]
    county_.proposer = proposer
    for n, (title, unit, answer) in enumerate(
        [
            ("关于白沙村卫生室增配药品的建议", st["卫生院"], "卫生院已为村卫生室补充常用药品"),
            ("关于河口村灌溉渠维修的建议", st["农技站"], "农技站已完成渠道维修"),
            ("关于白沙小学门前设置减速带的建议", st["财政所"], ""),
        ],
        start=1,
    ):
        steps = (
            demo_answered(
                unit, date(YEAR, 4, n), date(YEAR, 4, n + 2), date(YEAR, 6, n), answer, "所长"
            )
            if answer
            else [("交办", date(YEAR, 4, n), {"unit": unit})]
        )
        demo_case(town, f"建2025-000{n}", kind="建议", title=title, registered=date(YEAR, 3, 20 + n),
              sponsors=[proposer.person], channel="活动", steps=steps)  # fmt: skip
    for n, content in enumerate(("反映村道缺少路灯", "反映集镇停车难"), start=1):
        DutyEntry.objects.create(person=proposer.person, township=town, type="建议", quantity=1,
                                 date=date(YEAR, 7, n), content=content)  # fmt: skip
    inspection = demo_activity(town, "BS-2025-HD-01", deputies[:9], kind="视察",
                           topic="集镇供水设施专题视察", date=date(YEAR, 9, 9), unit=st["农技站"])  # fmt: skip
    demo_opinions(inspection, ["集镇供水管网压力不足", "水厂消毒设备老化"])
    rectify(town, "集镇供水管网压力不足", date(YEAR, 11, 2), "农技站已加装增压泵")
    # 石门乡: the session was called, too few came and it was not opened.
    few = _deputies(ctx, other, 9, "石")
    failed = demo_meeting(other, "SM-2025-RDH-02", kind="人代会", name="石门乡第九届人民代表大会第二次会议",
                      date=date(YEAR, 4, 8), term="第九届", session="第二次")  # fmt: skip
    for d in few[:5]:
        demo_mark(failed, d, "出席")
    return county_
