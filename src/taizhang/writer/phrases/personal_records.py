"""Phrase bank of the personal summary, part five: records told one by one (what, when)."""

from __future__ import annotations

P_RECORDS: dict[str, tuple[str, ...]] = {
    "study.count": (
        "全年参加学习活动{n}",
        "一年来参加集中学习{n}",
        "全年参加各类学习{n}",
        "年内参加集中学习和培训{n}",
        "全年共参加学习{n}",
        "一年来参加各类学习{n}",
    ),
    "study.also": (
        "此外参加了{named}",
        "同时参加了{named}",
        "另外参加了{named}",
        "也参加了{named}",
        "还按要求参加了{named}",
        "此外按时参加{named}",
    ),
    # A study, talk or probity record told with what was done there.
    "study.detail": (
        "{date}的{title}上，{what}",
        "在{date}的{title}中，{what}",
        "{date}参加{title}，{what}",
        "{date}，{title}期间，{what}",
        "参加{date}的{title}时，{what}",
        "{date}，在{title}上{what}",
    ),
    "talks.detail": (
        "{date}{title}，{what}",
        "{date}，{title}，{what}",
        "{date}{title}时，{what}",
        "{date}{title}，重点{what}",
        "{date}{title}，当面{what}",
        "{date}，本人{title}，{what}",
    ),
    "lian.detail": (
        "{date}参加{title}，{what}",
        "在{date}的{title}上，{what}",
        "{date}，{title}上{what}",
        "{date}的{title}中，{what}",
        "参加{date}的{title}时，{what}",
        "{date}，参加{title}，{what}",
    ),
    "qin.visits": (
        "{visits}，都是到现场推动工作",
        "比如{visits}，把工作做在现场",
        "像{visits}，都是到一线推动落实",
        "{visits}，到现场了解情况",
        "全年的行程里有{visits}等",
        "其中{visits}，都是带着具体任务去的",
    ),
    # The trainings when only the first of them are named.
    "study.topics_some": (
        "如{topics}等",
        "包括{topics}等",
        "有{topics}等",
        "其中有{topics}等",
        "比如{topics}等",
        "主要有{topics}等",
    ),
    # Further work-log entries of a portfolio after the first three.
    "log.more": (
        "此外，",
        "随后，",
        "另外，",
        "除此之外，",
        "此后，",
        "还有，",
    ),
    # A longer work log summed up field by field: {theme} names the field, {n} counts its
    # entries, {items} the weightiest of them with their days.
    "log.group": (
        "围绕{theme}，全年抓了{n}工作：{items}",
        "{theme}方面，一年来办了{n}具体工作：{items}",
        "在{theme}上，全年经手{n}工作：{items}",
        "抓{theme}，年内落实{n}工作：{items}",
        "{theme}上，全年推动{n}工作：{items}",
        "着眼{theme}，全年做了{n}工作：{items}",
        "{theme}这一块，一年里抓了{n}工作：{items}",
        "对{theme}，全年安排推进{n}工作：{items}",
    ),
    # Entries of fields with one entry each, pooled: the fields named when few.
    "log.other_named": (
        "此外，在{themes}方面还有{n}工作：{items}",
        "{themes}方面，全年也有{n}工作：{items}",
        "在{themes}上，另做了{n}工作：{items}",
        "兼顾{themes}，全年还做了{n}工作：{items}",
        "{themes}方面也没有放松，全年有{n}工作：{items}",
        "同时抓了{themes}方面的{n}工作：{items}",
    ),
    "log.other": (
        "此外，还有{n}工作：{items}",
        "另外，全年还抓了{n}工作：{items}",
        "除上述工作外，还做了{n}工作：{items}",
        "此外还落实了{n}工作：{items}",
        "同时，全年另有{n}工作：{items}",
        "其余的{n}工作是：{items}",
    ),
    "log.single": (
        "{theme}方面，{items}",
        "在{theme}上，{items}",
        "围绕{theme}，{items}",
        "抓{theme}，{items}",
        "{theme}上，{items}",
        "着眼{theme}，{items}",
    ),
    "log.single_plain": (
        "此外，{items}",
        "另外，{items}",
        "还有，{items}",
        "同时，{items}",
    ),
    # The rest of a field: some named and counted (等), or all of them named (no 等).
    "log.rest_some": (
        "另有{names}等{n}",
        "还做了{names}等{n}",
        "还抓了{names}等{n}",
        "其余还有{names}等{n}",
        "另外开展了{names}等{n}",
        "同时还有{names}等{n}",
    ),
    "log.rest_all": (
        "另有{names}",
        "还做了{names}",
        "还抓了{names}",
        "另外开展了{names}",
        "同时做了{names}",
        "还有{names}",
    ),
}
