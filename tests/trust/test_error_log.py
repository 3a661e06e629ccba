"""A server error is logged with its traceback (personal data masked): '已记录' is true."""

from __future__ import annotations

import io
import logging.config
import sys

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import include, path

from taizhang.core.logs import logging_config, redact


def _boom(request):
    raise RuntimeError("处理 110105199001011234 的 13800001111 时出错")


handler500 = "taizhang.web.views.server_error"
urlpatterns = [
    path("boom/", _boom),
    path("", include("taizhang.urls")),
]


@pytest.fixture
def logged(tmp_path):
    """Logging as configured with a log folder, stderr read into a string."""
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        logging.config.dictConfig(logging_config(log_dir=str(tmp_path)))
        yield tmp_path, sys.stderr
    finally:
        sys.stderr = saved
        logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_logged_to_stderr_and_the_process_file(world, logged):
    log_dir, stderr = logged
    client = Client(raise_request_exception=False)
    client.force_login(world.users["alice"])
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "已记录" in response.content.decode()

    files = list(log_dir.glob("taizhang-*.log"))
    assert len(files) == 1
    written = files[0].read_text(encoding="utf-8")
    err = stderr.getvalue()
    for text in (written, err):
        assert "Traceback" in text
        assert "RuntimeError" in text
        assert "_boom" in text
        assert "/boom/" in text
        assert "110105199001011234" not in text
        assert "13800001111" not in text


def test_redaction_masks_ids_phones_and_quoted_values():
    line = 'DataError: value "张三 甲乡一村5号" DETAIL: Key (id_number)=(11010519900101123X)'
    out = redact(line + " 13912345678")
    assert "张三" not in out
    assert "11010519900101123X" not in out
    assert "13912345678" not in out
    assert "DataError" in out
