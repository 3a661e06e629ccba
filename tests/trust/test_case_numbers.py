"""Case numbers come from a locked per-township, per-kind, per-year sequence."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, connections

from tests.exchange.helpers import run


def _suggestion(world, **extra):
    from taizhang.cases.services import case_register

    return case_register(
        kind="建议",
        township=world.jia,
        title="关于修路的建议",
        registered=date(2025, 3, 3),
        sponsors=[world.people["dave"]],
        **extra,
    )


def test_numbers_follow_the_sequence_per_kind(world):
    from taizhang.cases.services import case_register

    first, second = _suggestion(world), _suggestion(world)
    petition = case_register(
        kind="信访", township=world.jia, title="宅基地纠纷", registered=date(2025, 3, 3),
        channel="来访", petitioner_name="赵某某",
    )  # fmt: skip
    assert (first.code, second.code, petition.code) == ("建2025-0001", "建2025-0002", "访2025-0001")


def test_an_imported_number_ahead_of_the_count_does_not_block_registration(world, tmp_path):
    header = ["编号", "乡镇", "类型", "标题", "提出人", "登记日期"]
    row = ["建2025-0002", "甲乡", "建议", "关于路灯的建议", "周大", "2025-03-01"]
    result = run(tmp_path, {"事项": [header, row]})
    assert result.ok, result.errors
    assert [_suggestion(world).code, _suggestion(world).code] == ["建2025-0003", "建2025-0004"]


def test_a_typed_number_ahead_is_skipped(world):
    _suggestion(world, code="建2025-0001")
    assert _suggestion(world).code == "建2025-0002"


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_share_a_number(world):
    if connection.vendor == "sqlite":
        # The in-memory test database is one shared-cache connection set whose table locks
        # fail at once instead of waiting; file databases queue on the busy timeout.
        pytest.skip("needs a server database to run writers side by side")
    from taizhang.cases.models import Case

    failures, codes = [], []
    start = threading.Barrier(8)

    def register():
        try:
            start.wait()
            for _ in range(5):
                codes.append(_suggestion(world).code)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            failures.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert sorted(codes) == [f"建2025-{n:04d}" for n in range(1, 41)]
    assert Case.objects.filter(kind="建议").count() == 40
