"""Lookups shared by the sheets of one import or export, rebuilt after each write."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils import timezone

from taizhang.core.models import OrgKind, OrgUnit
from taizhang.exchange.cells import RowError

KIND_TEXT = dict(OrgKind.choices)
TEXT_KIND = {v: k for k, v in KIND_TEXT.items()}


class Context:
    """Indexes of units, persons, deputies, meetings and activities (loaded on demand)."""

    def __init__(self, *, user=None, township=None, year: int | None = None, mask=True):
        self.user = user
        self.township = township  # export filter
        self.year = year
        self.mask = mask
        self.today = timezone.localdate()
        self._cache: dict[str, object] = {}

    def invalidate(self, *names: str) -> None:
        if "people" in names:
            names = (*names, "person_units")
        if "units" in names:
            names = (*names, "scope")
        for name in names:
            self._cache.pop(name, None)

    def _get(self, name: str, loader):
        if name not in self._cache:
            self._cache[name] = loader()
        return self._cache[name]

    # --- units ---------------------------------------------------------------
    def _load_units(self):
        rows = {
            r[0]: r for r in OrgUnit.objects.values_list("pk", "name", "kind", "parent_id",
                                                         "township_id", "county_id", "village_id")
        }  # fmt: skip
        full: dict[int, str] = {}

        def full_name(pk):
            if pk not in full:
                _, name, kind, parent, *_ = rows[pk]
                top = kind in (OrgKind.COUNTY, OrgKind.TOWNSHIP) or parent is None
                full[pk] = name if top else full_name(parent) + name
            return full[pk]

        by_text = defaultdict(set)
        for pk in rows:
            by_text[full_name(pk)].add(pk)
        by_name = defaultdict(set)
        for pk, row in rows.items():
            by_name[row[1]].add(pk)
        return {"rows": rows, "full": full, "by_text": by_text, "by_name": by_name}

    @property
    def units(self):
        return self._get("units", self._load_units)

    def unit_text(self, pk) -> str:
        return self.units["full"].get(pk, "") if pk else ""

    def unit(self, value: str, column: str, *, kinds=None, within=None) -> int:
        """Resolve a unit by full name (烽火乡石桥村) or, when unique, by its own name."""
        units = self.units
        found = set(units["by_text"].get(value, ())) or set(units["by_name"].get(value, ()))
        if kinds:
            found = {pk for pk in found if units["rows"][pk][2] in kinds}
        if within:
            inside = {pk for pk in found if within in (units["rows"][pk][4], pk)}
            found = inside or found
        if not found:
            raise RowError(column, f"未找到单位“{value}”，请先在“区划单位”表登记或填写完整名称")
        if len(found) > 1:
            names = "、".join(sorted(self.unit_text(pk) for pk in found))
            raise RowError(column, f"单位“{value}”不唯一（{names}），请填写完整名称")
        return next(iter(found))

    def township_pk(self, value: str, column: str) -> int:
        """Resolve the township a row belongs to; it must lie inside the user's scope."""
        pk = self.unit(value, column, kinds={OrgKind.TOWNSHIP})
        self.require_scope(pk, column)
        return pk

    # --- permissions (core.roles) -----------------------------------------
    def may(self, permission: str) -> bool:
        """Whether the importing user's role grants ``permission`` (the command line may)."""
        return self.user is None or not permission or self.user.can(permission)

    # --- data scope (core.scope) ---------------------------------------------
    def _load_scope(self):
        """Unit ids the importing user may write to; None means everything (operator)."""
        from taizhang.core.scope import scope_level

        user = self.user
        if user is None or scope_level(user) == "all":
            return None
        return frozenset(OrgUnit.objects.for_user(user).values_list("pk", flat=True))

    @property
    def scope(self):
        return self._get("scope", self._load_scope)

    def in_scope(self, unit_pk) -> bool:
        scope = self.scope
        return scope is None or unit_pk in scope

    def require_scope(self, unit_pk, column: str, what: str = "") -> None:
        """Raise a RowError on ``column`` unless ``unit_pk`` lies inside the user's scope."""
        if self.in_scope(unit_pk):
            return
        label = what or f"“{self.unit_text(unit_pk)}”"
        raise RowError(column, f"{label}不在您的数据范围内，不能导入")

    # --- persons -------------------------------------------------------------
    def _load_people(self):
        from taizhang.people.models import Person

        by_id, by_name = {}, defaultdict(list)
        for pk, name, unit, id_number, township in Person.objects.values_list(
            "pk", "name", "unit_id", "id_number", "township_id"
        ).iterator(chunk_size=5000):
            if id_number:
                by_id[id_number] = pk
            by_name[name].append((pk, unit, township))
        return {"by_id": by_id, "by_name": by_name}

    @property
    def people(self):
        return self._get("people", self._load_people)

    def person_unit(self, pk: int):
        units = self._get(
            "person_units",
            lambda: {p: u for rows in self.people["by_name"].values() for p, u, _ in rows},
        )
        return units.get(pk)

    def person(
        self, name: str, unit_value: str = "", *, column="姓名", unit_column="所在单位",
        township=None, id_number: str = "", only=None,
    ) -> int:  # fmt: skip
        """Find one person by ID number, else name + unit; two matches are an error."""
        people = self.people
        if id_number and id_number in people["by_id"]:
            pk = people["by_id"][id_number]
            self.require_scope(self.person_unit(pk), column, f"人员“{name}”")
            return pk
        candidates = people["by_name"].get(name, [])
        if unit_value:
            unit = self.unit(unit_value, unit_column, within=township)
            self.require_scope(unit, unit_column)
            candidates = [c for c in candidates if c[1] == unit]
        elif self.scope is not None and candidates:
            # A user sees only the persons of their scope; namesakes elsewhere do not count.
            inside = [c for c in candidates if c[1] in self.scope]
            if not inside:
                raise RowError(column, f"人员“{name}”不在您的数据范围内，不能导入")
            candidates = inside
        elif township:
            inside = [c for c in candidates if c[2] == township]
            candidates = inside or candidates
        if only is not None and len(candidates) > 1:
            candidates = [c for c in candidates if c[0] in only] or candidates
        if not candidates:
            where = f"（{unit_value}）" if unit_value else ""
            raise RowError(column, f"未找到人员“{name}”{where}，请先在“人员”表登记")
        if len(candidates) > 1:
            both = "、".join(f"{name}（{self.unit_text(c[1])}）" for c in candidates[:5])
            raise RowError(
                column, f"姓名“{name}”匹配到多人：{both}，请填写所在单位或身份证号加以区分"
            )
        return candidates[0][0]

    # --- deputies, meetings, activities ----------------------------------------
    def _load_deputies(self):
        from taizhang.people.models import Deputy

        out = defaultdict(list)
        for row in Deputy.objects.values_list(
            "pk", "person_id", "level", "term", "township_id", "start", "end"
        ).iterator(chunk_size=5000):
            out[row[1]].append(row)
        return out

    @property
    def deputies(self):
        return self._get("deputies", self._load_deputies)

    def deputy_on(self, person: int, township: int, day: date, *, level: str | None = "乡镇"):
        """Return the deputy row of ``person`` in office on ``day`` in ``township``, or None."""
        for row in self.deputies.get(person, ()):
            pk, _, lvl, _, tsp, start, end = row
            if level and lvl != level:
                continue
            if tsp == township and (start is None or start <= day) and (end is None or end >= day):
                return row
        return None

    def _codes(self, label: str):
        from django.apps import apps

        model = apps.get_model(label)
        return {r[0]: r for r in model.objects.values_list("code", "pk", "date", "township_id")}

    def meeting(self, code: str, column: str):
        found = self._get("meetings", lambda: self._codes("meetings.Meeting")).get(code)
        if found is None:
            raise RowError(column, f"未找到会议编号“{code}”，请先在“会议”表登记")
        return found

    def activity(self, code: str, column: str):
        found = self._get("activities", lambda: self._codes("meetings.Activity")).get(code)
        if found is None:
            raise RowError(column, f"未找到活动编号“{code}”，请先在“活动”表登记")
        return found

    def person_label(self, pk: int) -> tuple[str, str]:
        """(name, unit full name) of a person, for export."""
        labels = self._get("person_labels", self._load_labels)
        return labels.get(pk, ("", ""))

    def _load_labels(self):
        from taizhang.people.models import Person

        return {
            pk: (name, self.unit_text(unit))
            for pk, name, unit in Person.objects.values_list("pk", "name", "unit_id").iterator(
                chunk_size=5000
            )
        }
