"""A case assigned to a village reaches the village cadre: 交办 → 签收 → 答复 → 测评."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from taizhang.cases.forms import NO_RECEIVER, ActionForm
from taizhang.cases.models import Case
from taizhang.cases.selectors import units_with_receivers
from taizhang.cases.services import case_register
from taizhang.cases.workflow import GRAPHS


@pytest.fixture
def suggestion(world):
    return case_register(
        kind="建议",
        township=world.jia,
        title="关于一村修建晒场的建议",
        registered=date(2025, 3, 3),
        sponsors=[world.people["dave"]],
        actor=world.users["alice"],
    )


def test_every_unit_offered_in_assignment_has_a_receiver_or_is_marked(world, suggestion):
    form = ActionForm(case=suggestion, transition=GRAPHS["建议"].transitions["交办"])
    labels = {unit.pk: label for unit, label in
              ((u, form.fields["unit"].label_from_instance(u)) for u in form.fields["unit"].queryset)}  # fmt: skip
    receiving = units_with_receivers(unit_ids=labels)
    assert world.village1.pk in receiving  # carol
    assert world.station.pk in receiving  # bob works at the health centre
    assert world.village2.pk not in receiving
    for pk, label in labels.items():
        assert label.endswith(NO_RECEIVER) == (pk not in receiving)
    assert "无人签收" in form.fields["unit"].help_text


def test_village_cadre_signs_answers_and_deputy_rates(login, world, suggestion):
    client = login("alice")
    url = reverse("cases:act", args=[suggestion.pk, "交办"])
    client.post(url, {"version": suggestion.version, "unit": world.village1.pk})
    assert Case.objects.get(pk=suggestion.pk).handling_unit == world.village1

    carol = login("carol")
    inbox = carol.get(reverse("cases:inbox")).content.decode()
    assert "关于一村修建晒场的建议" in inbox
    assert carol.get(reverse("cases:detail", args=[suggestion.pk])).status_code == 200
    case = Case.objects.get(pk=suggestion.pk)
    carol.post(reverse("cases:act", args=[case.pk, "签收"]), {"version": case.version})
    case.refresh_from_db()
    assert case.state == "办理中"
    carol.post(
        reverse("cases:act", args=[case.pk, "答复"]),
        {"version": case.version, "answer_text": "村里已选定晒场地块", "answer_signer": "村主任"},
    )
    case.refresh_from_db()
    assert case.state == "已答复"

    dave = login("dave")
    assert "关于一村修建晒场的建议" in dave.get(reverse("cases:inbox")).content.decode()
    dave.post(reverse("cases:act", args=[case.pk, "评价"]),
              {"version": case.version, "satisfaction": "满意"})  # fmt: skip
    case.refresh_from_db()
    assert case.state == "已评价" and case.satisfaction == "满意"


def test_assigning_to_a_village_without_accounts_warns(login, world, suggestion):
    client = login("alice")
    response = client.post(
        reverse("cases:act", args=[suggestion.pk, "交办"]),
        {"version": suggestion.version, "unit": world.village2.pk},
        follow=True,
    )
    assert "二村" in response.content.decode() and "无人签收" in response.content.decode()


def test_other_village_cadre_still_cannot_see_it(login, world, suggestion):
    from taizhang.accounts.services import user_create

    user_create(username="ivan", password="Test@Pass2025", role="village",
                org_unit=world.village2, must_change_password=False, validate=False)  # fmt: skip
    login("alice").post(
        reverse("cases:act", args=[suggestion.pk, "交办"]),
        {"version": suggestion.version, "unit": world.village1.pk},
    )
    assert not Case.objects.for_user(world.users["carol"]).filter(pk=0).exists()
    from taizhang.accounts.models import User

    ivan = User.objects.get(username="ivan")
    assert not Case.objects.for_user(ivan).filter(pk=suggestion.pk).exists()
    assert Case.objects.for_user(world.users["carol"]).filter(pk=suggestion.pk).exists()
