"""Writes to activities: participants, photos, rating forms, opinions turned into cases."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.core.records import assign, pick, record_create, record_save, record_update
from taizhang.core.uploads import check_upload, extension
from taizhang.meetings.models import OPINION_KIND, Activity, ActivityPhoto, Participant, Rating
from taizhang.meetings.selectors import eligible_deputies
from taizhang.meetings.services.sessions import next_code

ACTIVITY_FIELDS = ["kind", "topic", "date", "unit", "district", "summary"]


def _check_links(activity: Activity) -> None:
    if activity.unit_id and activity.unit.township_id != activity.township_id:
        raise ValidationError({"unit": "对象单位必须属于本乡镇。"})
    if activity.district_id and activity.district.township_id != activity.township_id:
        raise ValidationError({"district": "选区必须属于本乡镇。"})


def _set_participants(activity: Activity, deputies) -> None:
    ids = {d.pk for d in deputies}
    eligible = set(
        eligible_deputies(township=activity.township, day=activity.date)
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    stray = ids - eligible
    if stray:
        names = [d.person.name for d in deputies if d.pk in stray]
        raise ValidationError(
            {"participants": f"以下人员在活动日期不是本乡镇在任代表：{'、'.join(names)}。"}
        )
    Participant.objects.filter(activity=activity).exclude(deputy_id__in=ids).delete()
    have = set(Participant.objects.filter(activity=activity).values_list("deputy_id", flat=True))
    Participant.objects.bulk_create(
        [Participant(activity=activity, deputy_id=pk) for pk in sorted(ids - have)]
    )


@transaction.atomic
def activity_create(
    *,
    township,
    kind: str,
    topic: str,
    date: date,
    participants=(),
    code: str = "",
    actor=None,
    **values,
) -> Activity:
    """Create an activity with its participating deputies (in office on ``date``)."""
    activity = Activity(
        township=township,
        kind=kind,
        topic=topic.strip(),
        date=date,
        code=code.strip() or next_code(Activity, "HD", township, date),
        **pick(values, ACTIVITY_FIELDS),
    )
    _check_links(activity)
    summary = f"新增活动 {activity.kind} {activity.topic}"
    record_create(activity, actor=actor, summary=summary)
    _set_participants(activity, list(participants))
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    expected_version: int | None,
    participants=None,
    actor=None,
    **values,
) -> Activity:
    assign(activity, values, ACTIVITY_FIELDS)
    _check_links(activity)
    record_update(
        activity,
        expected_version=expected_version,
        fields=ACTIVITY_FIELDS,
        summary=f"修改活动 {activity.topic}",
        also_changed=["参加代表"] if participants is not None else [],
        actor=actor,
    )
    if participants is not None:
        _set_participants(activity, list(participants))
    return activity


@transaction.atomic
def photo_add(*, activity: Activity, upload, caption: str = "", actor=None):
    check_upload(upload, purpose="photo")
    photo = ActivityPhoto(activity=activity, caption=caption.strip())
    photo.file.save(f"a{activity.pk}{extension(upload.name)}", upload, save=False)
    return record_create(photo, actor=actor, summary="上传活动照片")


RATING_LABELS = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}


@transaction.atomic
def rating_save(
    *,
    activity: Activity,
    subject: str = "",
    satisfied,
    basic,
    unsatisfied,
    subject_unit=None,
    subject_deputy=None,
    expected_version: int | None,
    actor=None,
) -> Rating:
    """Create or replace the rating of one subject; counts must be whole numbers ≥ 0."""
    counts = {"satisfied": satisfied, "basic": basic, "unsatisfied": unsatisfied}
    for key, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError({key: f"{RATING_LABELS[key]}人数必须是整数。"})
        if value < 0:
            raise ValidationError({key: f"{RATING_LABELS[key]}人数不能为负数。"})
    if subject_unit is not None:
        subject = subject or subject_unit.name
    if subject_deputy is not None:
        subject = subject or subject_deputy.person.name
    subject = subject.strip()
    if not subject:
        raise ValidationError({"subject": "请填写测评对象。"})
    return record_save(
        Rating,
        key={"activity": activity, "subject": subject},
        values={**counts, "subject_unit": subject_unit, "subject_deputy": subject_deputy},
        expected_version=expected_version,
        summary=f"{activity.topic} 测评 {subject}",
        actor=actor,
    )


def opinion_record(*, activity: Activity, title: str, content: str = "", unit=None, actor=None):
    """Turn an opinion raised at ``activity`` into a case assigned to the target unit."""
    from taizhang.cases.services import opinion_create

    kind = OPINION_KIND.get(activity.kind)
    if kind is None:
        raise ValidationError(f"{activity.kind}活动不产生评议、视察或述职意见。")
    title = title.strip()
    if not title:
        raise ValidationError({"title": "请填写意见标题。"})
    unit = unit or activity.unit
    return opinion_create(
        kind=kind,
        township=activity.township,
        title=title,
        content=content.strip(),
        unit=unit,
        source_type="meetings.Activity",
        source_id=activity.pk,
        registered=activity.date,
        actor=actor,
    )
