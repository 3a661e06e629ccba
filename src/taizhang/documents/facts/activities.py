"""Presidium facts of the year's activities: group study, evaluations, report-backs, inspections."""

from __future__ import annotations

from django.db.models import Count, Sum

from taizhang.cases.models import CLOSED_STATES, Case
from taizhang.cases.selectors import opinion_counts
from taizhang.documents.facts.common import put as _put
from taizhang.documents.facts.records import clip
from taizhang.meetings.models import Activity, ActivityKind, Participant, Rating
from taizhang.writer.facts import Facts

GROUP_KINDS = (ActivityKind.TRAINING,)
# Words next to the count of an activity's opinions still open (the checker's keywords).
OPEN_ITEM_WORDS = ("整改", "落实", "办理", "未办结", "还有", "其余", "另有", "尚有")
# Words next to a count of deputies taking part in a study or group activities.
INSPECTION_WORDS = {
    ActivityKind.INSPECTION: "专题视察",
    ActivityKind.RESEARCH: "专题调研",
    ActivityKind.LAW_CHECK: "执法检查",
}
JOINED_WORDS = ("参加", "参加代表", "参训", "到会", "到场", "参与", "累计")
RECTIFIED_WORDS = ("整改", "办结", "落实", "完成", "办理完毕")
INSPECTION_KINDS = (ActivityKind.INSPECTION, ActivityKind.LAW_CHECK, ActivityKind.RESEARCH)


def activity_facts(f: Facts, township, year: int) -> None:
    activities = list(
        Activity.objects.filter(township=township, date__year=year)
        .select_related("unit", "district")
        .annotate(n=Count("participants"))
        .order_by("date", "id")
    )
    ids = [a.pk for a in activities]
    opinions = opinion_counts(source_type="meetings.Activity", source_ids=ids)
    ratings = {
        r["activity"]: r
        for r in Rating.objects.filter(activity_id__in=ids)
        .values("activity")
        .annotate(s=Sum("satisfied"), b=Sum("basic"), u=Sum("unsatisfied"))
    }
    participants: dict[int, list[int]] = {pk: [] for pk in ids}
    for activity_id, deputy_id in Participant.objects.filter(activity_id__in=ids).values_list(
        "activity_id", "deputy_id"
    ):
        participants[activity_id].append(deputy_id)
    _group_totals(f, [a for a in activities if a.kind == ActivityKind.GROUP], participants)
    for a in activities:
        told = a.kind in GROUP_KINDS or (a.kind == ActivityKind.GROUP and a.summary)
        prefix = (
            "group"
            if told
            else "evaluation"
            if a.kind == ActivityKind.EVALUATION
            else "report_back"
            if a.kind == ActivityKind.REPORT_BACK
            else "inspection"
            if a.kind in INSPECTION_KINDS
            else None
        )
        if prefix is None:
            continue
        s = f.section(f"{prefix}:{a.pk}")
        s.attributes.update(date=a.date.isoformat(), topic=a.topic.strip())
        if a.summary:
            s.texts["summary"] = [clip(a.summary)]
        if a.unit_id:
            name = a.unit.name
            s.attributes["unit"] = name if name.startswith(township.name) else township.name + name
        if a.district_id:
            s.attributes["district"] = a.district.name
        if told:
            s.attributes["activity"] = "专题学习"
        if prefix == "inspection":
            s.attributes["act"] = INSPECTION_WORDS.get(a.kind, "专题视察")
        label = "参加代表" if prefix != "group" else "参加人员"
        _put(
            s,
            "deputies" if prefix != "group" else "participants",
            label,
            participants[a.pk],
            "名",
            "people.Deputy",
            keywords=JOINED_WORDS,
        )
        rating = ratings.get(a.pk)
        if rating:
            for name, key, word in (
                ("satisfied", "s", "满意"),
                ("basically_satisfied", "b", "基本满意"),
                ("unsatisfied", "u", "不满意"),
            ):
                _put(
                    s,
                    name,
                    word,
                    [a.pk],
                    "票",
                    "meetings.Activity",
                    value=rating[key],
                    keywords=(word,),
                )
        op = opinions.get(a.pk)
        if op:
            _put(
                s,
                "opinions",
                "意见建议",
                op["case_ids"],
                "条",
                "cases.Case",
                value=op["assigned"],
                keywords=("意见",),
            )
            rows = list(
                Case.objects.filter(id__in=op["case_ids"])
                .order_by("id")
                .values_list("title", "state", "answer_text")
            )
            s.texts["opinions"] = [r[0] for r in rows]
            s.texts["rectification"] = [clip(r[2]) for r in rows if r[2]][:3]
            closed = Case.objects.filter(id__in=op["case_ids"], state__in=CLOSED_STATES)
            _put(s, "open", "尚在整改", Case.objects.filter(id__in=op["case_ids"]).exclude(
                state__in=CLOSED_STATES).values_list("id", flat=True), "条", "cases.Case",
                keywords=OPEN_ITEM_WORDS)  # fmt: skip
            _put(
                s,
                "rectified",
                "已整改",
                closed.values_list("id", flat=True),
                "条",
                "cases.Case",
                keywords=RECTIFIED_WORDS,
            )


def _group_totals(f: Facts, activities: list, participants: dict) -> None:
    """Routine deputy-group activities are stated as totals (read from the registry in
    ``presidium_deputies``), not one paragraph each; here only their topics."""
    if not activities:
        return
    s = f.section("liaison")
    topics = [a.topic.strip() for a in activities if not a.summary and "集中活动" not in a.topic]
    unique = list(dict.fromkeys(topics))
    s.texts["group_topics"] = unique[:4]
    # How many topics there are: the writer says 等 only when it lists some of them.
    s.attributes["group_topic_count"] = str(len(unique))
