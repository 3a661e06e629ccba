"""Shared pieces of the writer's example facts: record references, put, ledger words."""

from __future__ import annotations

from .facts import Fact, FactSection, Number


def refs(model: str, first: int, count: int) -> tuple[str, ...]:
    """Return ``count`` record references ``model:id`` starting at ``first``."""
    return tuple(f"{model}:{i}" for i in range(first, first + count))


def put(
    sec: FactSection,
    name: str,
    label: str,
    value: Number | None,
    unit: str,
    sources: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
) -> None:
    """Add a fact keyed ``<section>.<name>`` to a section."""
    sec.add(Fact(f"{sec.key}.{name}", label, value, unit, sources, keywords or (label,)))


# Words the problem sentences use next to an open count (the checker's ledger keywords).
OPEN_WORDS = (
    "未办结",
    "没有办结",
    "未整改",
    "没有整改",
    "尚未",
    "还有",
    "仍有",
    "尚有",
    "另有",
    "其余",
)
# Words next to the count of an activity's opinions still open.
OPEN_ITEM_WORDS = ("整改", "落实", "办理", "未办结", "还有", "其余", "另有", "尚有")
# Words next to a count of deputies taking part in a study or group activities.
RECTIFIED_WORDS = ("整改", "办结", "落实", "完成", "办理完毕")
JOINED_WORDS = ("参加", "参加代表", "参训", "到会", "到场", "参与", "累计")
WAY_WORDS = ("联系", "走访", "看望", "慰问", "上门", "入户", "电话", "短信")


def presidium_records(f) -> None:
    """Add the records a presidium document tells beyond its counts: votes, the deputies'
    own duty records, what activities did, sponsors, report-back names, channels."""
    for n, (title, yes, no, abstain) in enumerate(
        (("政府工作报告", 52, 0, 1), ("财政工作报告", 51, 1, 1), ("主席团工作报告", 53, 0, 0)),
        start=1,
    ):
        v = f.section(f"vote:{n}")
        v.attributes["title"] = title
        for name, value, word in (("for", yes, "赞成"), ("against", no, "反对"),
                                  ("abstain", abstain, "弃权")):  # fmt: skip
            put(v, name, word, value, "票", (f"meetings.AgendaItem:{n}",), (word,))
    d = f.section("duty")
    put(d, "visits", "履职登记的走访选民", 133, "次", refs("duty.DutyEntry", 1, 133), ("走访选民",))
    put(
        d,
        "helped",
        "履职登记的帮扶",
        148,
        "次",
        refs("duty.DutyEntry", 200, 148),
        ("帮扶困难群众",),
    )
    put(d, "suggestions", "履职登记的意见建议", 243, "次", refs("duty.DutyEntry", 400, 243),
        ("意见建议",))  # fmt: skip
    put(d, "reflections", "履职登记的心得体会", 90, "篇", refs("duty.DutyEntry", 700, 90),
        ("心得体会",))  # fmt: skip
    put(d, "complete", "完成全部履职要求的代表", 7, "名", refs("people.Deputy", 1, 7),
        ("完成",))  # fmt: skip
    put(d, "quotas", "履职要求项目", 5, "项", refs("duty.Quota", 1, 5), ("履职要求",))
    f.section("inspection:1").texts["summary"] = ["视察组实地察看村庄道路、改厕和垃圾收运设施"]
    f.section("evaluation:1").texts["summary"] = ["评议组听取卫生院工作汇报，走访群众"]
    f.section("group:1").texts["summary"] = ["邀请县人大常委会工委同志讲解议案建议的撰写要求"]
    m = f.section("motion:1")
    put(m, "sponsors", "联名代表", 6, "名", refs("people.Person", 10, 6), ("联名",))
    m.attributes["lead_name"] = "王建君"  # a name the spelling rules would read as a slip
    f.names.add("王建君")
    p = f.section("petitions")
    for key, word, value, first in (("letter", "来信", 1, 800), ("visit", "来访", 1, 801),
                                    ("phone", "电话", 1, 802), ("online", "网上", 1, 803)):  # fmt: skip
        put(p, f"channel_{key}", word, value, "件", refs("cases.Case", first, value), (word,))
