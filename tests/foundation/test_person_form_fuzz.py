"""Arbitrary input to the person form never gives a 500, and every error is in Chinese."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CJK = re.compile(r"[\u4e00-\u9fff]")
ERRORS = re.compile(
    r'<div class="invalid-feedback d-block"[^>]*>(.*?)</div>|<div class="alert alert-danger"[^>]*>(.*?)</div>',
    re.S,
)
FIELDS = [
    "name",
    "gender",
    "birth_month",
    "ethnicity",
    "party",
    "education",
    "unit",
    "phone",
    "id_number",
    "address",
    "version",
]

text = st.text(max_size=40)
values = st.one_of(
    text,
    st.sampled_from(
        [
            "",
            "男",
            "女",
            "1985-03",
            "1985年3月",
            "13800001111",
            "110105199001011234",
            "-1",
            "99999999999999999999",
        ]
    ),
)
bodies = st.fixed_dictionaries({}, optional={f: values for f in FIELDS})
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_chinese_errors(response):
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        for field_error, form_error in ERRORS.findall(response.content.decode()):
            message = (field_error or form_error).strip()
            assert CJK.search(message), message


@pytest.fixture
def alice(client, world):
    client.force_login(world.users["alice"])
    return client


@FUZZ
@given(body=bodies)
def test_create_form_never_fails_with_a_server_error(alice, world, body):
    assert_chinese_errors(alice.post("/people/new/", body))


@FUZZ
@given(body=bodies)
def test_edit_form_never_fails_with_a_server_error(alice, world, body):
    p1 = world.people["p1"]
    assert_chinese_errors(alice.post(f"/people/{p1.pk}/edit/", body))


def test_known_bad_values_get_field_named_chinese_errors(alice, world):
    response = alice.post(
        "/people/new/",
        {
            "name": " ",
            "unit": world.village1.pk,
            "phone": "12345",
            "id_number": "110105199001011235",
            "birth_month": "去年",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "请填写姓名" in body or "此项为必填项" in body
    assert "手机号应为" in body
    assert "校验码不正确" in body
    assert "出生年月格式" in body
