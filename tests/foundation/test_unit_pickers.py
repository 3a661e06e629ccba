"""Unit pickers built from tuples name every kind of unit as ``unit_label`` names it."""

from __future__ import annotations

import re

import pytest

from taizhang.core.models import OrgUnit
from taizhang.core.orgnames import LABEL_RELATED, picker_rows, unit_label, unit_options
from taizhang.core.services import org_unit_create

OPTION = re.compile(r'<option value="(\d+)"( selected)?>([^<]*)</option>')


@pytest.mark.django_db
@pytest.mark.parametrize("with_township", [True, False])
def test_every_kind_is_named_as_unit_label_names_it(with_township):
    county = org_unit_create(name="河西县", kind="county")
    town = org_unit_create(name="柳镇", kind="township", parent=county)
    village = org_unit_create(name="东村", kind="village", parent=town)
    org_unit_create(name="三组", kind="group", parent=village)
    org_unit_create(name="农技站", kind="station", parent=town)
    org_unit_create(name="党政办", kind="department", parent=town)
    org_unit_create(name="民政局", kind="department", parent=county)
    org_unit_create(name="砖厂", kind="enterprise", parent=town)
    units = OrgUnit.objects.order_by("pk")
    html = unit_options(picker_rows(units), with_township=with_township, selected=str(village.pk))
    shown = [(int(pk), label, bool(mark)) for pk, mark, label in OPTION.findall(html)]
    expected = [
        (u.pk, unit_label(u, with_township=with_township), u.pk == village.pk)
        for u in units.select_related(LABEL_RELATED)
    ]
    assert shown == expected
    assert len(shown) == 8 and html.count(" selected") == 1
    if with_township:
        assert (village.pk, "柳镇东村", True) in shown


@pytest.mark.django_db
def test_a_name_is_escaped():
    county = org_unit_create(name="县<b>", kind="county")
    html = unit_options(picker_rows(OrgUnit.objects.filter(pk=county.pk)), with_township=True)
    assert "<b>" not in html and "县&lt;b&gt;" in html
