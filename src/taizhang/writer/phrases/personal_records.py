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
}
