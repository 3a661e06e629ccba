"""Polishing by a language model: facts locked, personal data kept home."""

from __future__ import annotations

import pytest

from taizhang.writer.polish import Endpoint, polish_text
from tests.llm_server import FakeModel

ORIGINAL = (
    "（一）议案建议办理\n"
    "本年度共收到代表建议35件，其中已办结30件，办结率85.7%，"
    "《关于修缮石桥村便民桥的建议》已于9月18日完成验收。\n"
    "（二）联系群众\n"
    "接待来访群众12人次，信访人王小梅反映的灌溉问题已协调解决，其联系电话13812345678。"
)


@pytest.fixture
def model():
    server = FakeModel()
    yield server
    server.close()


def _endpoint(model, timeout: float = 5.0) -> Endpoint:
    return Endpoint(base_url=model.url, model="test-model", timeout=timeout)


def _body(user: str) -> str:
    return user.rsplit("只输出润色后的正文：\n", 1)[-1]


def _polish(model, **kwargs):
    return polish_text(
        ORIGINAL,
        endpoint=_endpoint(model, kwargs.pop("timeout", 5.0)),
        genre="presidium",
        names=("石桥村",),
        personal=("王小梅",),
        **kwargs,
    )


def test_it_accepts_a_faithful_rewrite(model):
    model.answer = lambda user: (
        _body(user).replace("共收到", "共承办").replace("已协调解决", "经协调已妥善解决")
    )
    result = _polish(model)
    assert result.accepted, result.reasons
    assert "共承办代表建议35件" in result.text
    assert "王小梅" in result.text  # the placeholder is put back after the call


def test_it_rejects_a_number_written_in_chinese(model):
    model.answer = lambda user: _body(user).replace("35件", "三十五件")
    result = _polish(model)
    assert not result.accepted
    assert result.text == ORIGINAL
    assert any("35件" in r for r in result.reasons)
    assert any("三十五件" in r for r in result.reasons)


def test_it_rejects_a_unit_changed(model):
    model.answer = lambda user: _body(user).replace("12人次", "12人")
    result = _polish(model)
    assert not result.accepted
    assert any("12人次" in r for r in result.reasons)


def test_it_rejects_a_dropped_name(model):
    model.answer = lambda user: _body(user).replace("石桥村", "该村")
    result = _polish(model)
    assert not result.accepted
    assert any("石桥村" in r for r in result.reasons)


def test_it_rejects_an_invented_date(model):
    model.answer = lambda user: _body(user).replace("接待来访", "自3月1日起接待来访")
    result = _polish(model)
    assert not result.accepted
    assert any("3月1日" in r for r in result.reasons)


def test_it_rejects_broken_headings(model):
    model.answer = lambda user: _body(user).replace("（二）联系群众\n", "")
    result = _polish(model)
    assert not result.accepted
    assert any("小标题" in r for r in result.reasons)


def test_it_rejects_a_lost_placeholder(model):
    model.answer = lambda user: _body(user).replace("〔保密1〕", "某群众")
    result = _polish(model)
    assert not result.accepted
    assert any("占位符" in r for r in result.reasons)


def test_personal_data_never_leaves_in_a_request(model):
    _polish(model)
    assert model.bodies
    for body in model.bodies:
        assert "王小梅" not in body
        assert "13812345678" not in body
        assert "35件" in body  # facts do go: they are what the model must keep


def test_a_timeout_leaves_the_text_unchanged(model):
    model.delay = 1.5
    result = _polish(model, timeout=0.5)
    assert not result.accepted
    assert result.text == ORIGINAL
    assert "秒内没有答复" in result.error


def test_a_server_error_leaves_the_text_unchanged(model):
    model.status = 500
    result = _polish(model)
    assert not result.accepted
    assert result.text == ORIGINAL
    assert "500" in result.error


def test_it_rejects_an_invented_name(model):
    model.answer = lambda user: _body(user).replace("接待来访", "在主席张建国带领下接待来访")
    result = _polish(model)
    assert not result.accepted
    assert any("张建国" in r for r in result.reasons)


def test_names_already_in_the_text_may_stay():
    from taizhang.writer.polish.lock import compare

    original = "王明同志主持召开会议，李华代表作了发言。"
    assert compare(original, "会议由王明同志主持，李华代表发言。") == []
