"""Real targets for every URL pattern: one record of each kind in 烽火乡 of the demo county.

The route walk (test_url_walk.walk) fills converters with dummies; here each keyword gets
the id of a record that exists, so a role's answer says what the role may do, not 404.
"""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver


def _first(model, **where):
    return model.objects.filter(**where).order_by("pk").first()


def targets() -> dict[str, object]:
    """Records every route keyword can point at (a value is None where the demo has none)."""
    from taizhang.accounts.models import User
    from taizhang.api.models import ApiToken
    from taizhang.batch.models import BatchRun
    from taizhang.cases.models import Case, CaseAttachment
    from taizhang.core.models import OrgUnit
    from taizhang.documents.models import Draft
    from taizhang.ledger.models import Indicator, Project, WorkEntry
    from taizhang.meetings.models import Activity, ActivityPhoto, Meeting, MeetingAttachment
    from taizhang.people.models import CadrePost, Deputy

    town = OrgUnit.objects.get(name="烽火乡")
    _records_the_demo_lacks(town)
    case = _first(Case, township=town)
    meeting = _first(Meeting, township=town)
    activity = _first(Activity, township=town)
    deputy = _first(Deputy, township=town)
    post = _first(CadrePost, unit__parent=town) or _first(CadrePost, unit=town)
    entry = _first(WorkEntry, person__unit__parent=town) or _first(WorkEntry)
    return {
        "user": User.objects.get(username="demo-daibiao"),
        "person": deputy.person,
        "deputy": deputy,
        "post": post,
        "case": case,
        "case_attachment": _first(CaseAttachment, case__township=town),
        "meeting": meeting,
        "meeting_attachment": _first(MeetingAttachment, meeting__township=town),
        "activity": activity,
        "photo": _first(ActivityPhoto, activity__township=town),
        "draft": _first(Draft, township=town),
        "project": _first(Project, township=town),
        "indicator": _first(Indicator, township=town),
        "entry": entry,
        "batch": _first(BatchRun),
        "token": _first(ApiToken, user__username="demo-daibiao"),
        "deputy_of_meeting": deputy,
    }


def _records_the_demo_lacks(town) -> None:
    """A presidium draft, a batch run and an API token, made as their users would."""
    from taizhang.accounts.models import User
    from taizhang.api.tokens import token_create
    from taizhang.batch.models import BatchRun
    from taizhang.documents.services import draft_generate

    renda = User.objects.get(username="demo-renda")
    draft_generate(kind="presidium", variant="summary", year=2025, township=town,
                   draft_anyway=True, actor=renda)  # fmt: skip
    # The run's row only: no worker is started, so nothing writes behind the test's back.
    BatchRun.objects.create(year=2025, kinds=["presidium"],
                            created_by=User.objects.get(username="demo-xian"))  # fmt: skip
    token_create(user=User.objects.get(username="demo-daibiao"), name="矩阵测试")


# Which record each route's keywords stand for, by the route's name (namespace:name).
KEYWORDS = {
    "accounts:token_revoke": {"pk": "token"},
    "accounts:user_edit": {"pk": "user"},
    "accounts:user_password_reset": {"pk": "user"},
    "people:person_detail": {"pk": "person"},
    "people:person_edit": {"pk": "person"},
    "people:person_reveal": {"pk": "person"},
    "people:deputy_create": {"person_pk": "person"},
    "people:post_create": {"person_pk": "person"},
    "people:deputy_edit": {"pk": "deputy"},
    "people:post_edit": {"pk": "post"},
    "cases:attachment": {"pk": "case", "attachment_id": "case_attachment"},
    "meetings:mark": {"pk": "meeting", "deputy_pk": "deputy_of_meeting"},
    "meetings:attachment": {"pk": "meeting", "attachment_pk": "meeting_attachment"},
    "meetings:photo": {"pk": "activity", "photo_pk": "photo"},
    "duty:card": {"pk": "deputy"},
    "ledger:project_edit": {"pk": "project"},
    "ledger:indicator_edit": {"pk": "indicator"},
    "ledger:entry_edit": {"pk": "entry"},
    "ledger:person_year": {"pk": "person"},
}
PREFIX_KEYWORD = {
    "cases:": "case",
    "meetings:activit": "activity",
    "meetings:rating": "activity",
    "meetings:opinion": "activity",
    "meetings:photo": "activity",
    "meetings:": "meeting",
    "documents:": "draft",
    "batch:": "batch",
}
STRINGS = {"kind": "建议", "action": "sign", "key": "overview", "fmt": "docx", "token": "x"}


def _keyword_target(name: str, keyword: str) -> str | None:
    if name in KEYWORDS and keyword in KEYWORDS[name]:
        return KEYWORDS[name][keyword]
    if keyword == "pk":
        for prefix, target in PREFIX_KEYWORD.items():
            if name.startswith(prefix):
                return target
    return None


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), prefix + str(p.pattern)


def routes() -> list[tuple[str, str]]:
    """(name, route) for every named page route outside the JSON API."""
    return sorted(r for r in _walk(get_resolver().url_patterns) if not r[1].startswith("api/"))


def concrete(name: str, route: str, found: dict[str, object], year: int) -> str | None:
    """The route with real ids; None when the demo holds no record for one of its keywords."""
    out = route
    for kind, keyword in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        if keyword == "year":
            value = str(year)
        elif kind == "str":
            value = STRINGS.get(keyword, "x")
        else:
            target = _keyword_target(name, keyword)
            record = found.get(target) if target else None
            if record is None:
                return None
            value = str(record.pk)
        out = re.sub(rf"<(?:\w+:)?{keyword}>", value, out, count=1)
    return "/" + out
