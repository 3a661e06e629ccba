"""Build a township (or county) of N deputies with a full year of registers, quickly."""

from __future__ import annotations

from datetime import date

from taizhang.core.services import deputy_group_get_or_create, org_unit_create
from taizhang.duty.models import DutyEntry
from taizhang.duty.services import quota_apply_scheme
from taizhang.meetings.models import Activity, Attendance, Meeting, Participant
from taizhang.people.models import Deputy, Person


def build(*, county, townships: int, per_township: int, year: int = 2025, tag: str = "S") -> list:
    """Create ``townships`` townships of ``per_township`` deputies each, bulk inserted."""
    made = []
    for t in range(townships):
        township = org_unit_create(name=f"{tag}乡{t}", kind="township", parent=county)
        village = org_unit_create(name=f"{tag}村{t}", kind="village", parent=township)
        group = deputy_group_get_or_create(township=township, name="第一代表小组")
        quota_apply_scheme(township=township, year=year)
        persons = Person.objects.bulk_create(
            [
                Person(name=f"{tag}{t}-{i}", unit=village, county_id=county.pk,
                       township_id=township.pk, village_id=village.pk)
                for i in range(per_township)
            ]
        )  # fmt: skip
        deputies = Deputy.objects.bulk_create(
            [
                Deputy(person=p, level="乡镇", term="第十四届", township=township, group=group,
                       start=date(2021, 10, 1))
                for p in persons
            ]
        )  # fmt: skip
        meetings = Meeting.objects.bulk_create(
            [Meeting(code=f"{tag}-{t}-RDH", township=township, kind="人代会", name="会",
                     date=date(year, 4, 21))]
            + [Meeting(code=f"{tag}-{t}-G{q}", township=township, kind="代表小组会议",
                       name=f"小组{q}", date=date(year, 3 * q - 1, 5), group=group)
               for q in (1, 2, 3, 4)]
        )  # fmt: skip
        Attendance.objects.bulk_create(
            [
                Attendance(meeting=m, deputy=d, status="出席" if (i + n) % 5 else "缺席")
                for n, m in enumerate(meetings)
                for i, d in enumerate(deputies)
            ]
        )
        activity = Activity.objects.create(code=f"{tag}-{t}-HD", township=township,
                                           kind="代表小组活动", topic="活动", date=date(year, 6, 1))  # fmt: skip
        Participant.objects.bulk_create(
            [Participant(activity=activity, deputy=d) for d in deputies[::2]]
        )
        DutyEntry.objects.bulk_create(
            [
                DutyEntry(person=d.person, township=township, date=date(year, 1 + i % 12, 1),
                          type=kind, content=f"{kind}{i}", quantity=1)
                for i, d in enumerate(deputies)
                for kind in ("心得体会", "帮扶", "建议")
            ]
        )  # fmt: skip
        made.append(township)
    return made
