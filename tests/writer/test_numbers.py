"""Number formats follow GB/T 15835: Arabic numerals, 万/亿, one-decimal percentages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from taizhang.writer.numbers import format_date, format_figure


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (80_000_000, "元", "8000万元"),
        (35_000_000, "元", "3500万元"),
        (130_000_000, "元", "1.3亿元"),
        (10_000, "元", "1万元"),
        (9800, "元", "9800元"),
        (8000, "万元", "8000万元"),
        (13000, "万元", "1.3亿元"),
        (32_000, "吨", "3.2万吨"),
        (12_345, "人", "12345人"),
        (63, "公里", "63公里"),
        (Decimal("98.148"), "%", "98.1%"),
        (100, "%", "100%"),
        (54, "名", "54名"),
    ],
)
def test_it_formats_figures(value, unit, expected):
    assert format_figure(value, unit) == expected


def test_it_writes_dates_with_full_years_outside_the_document_year():
    assert format_date("2025-04-21", 2025) == "4月21日"
    assert format_date("2024-12-30", 2025) == "2024年12月30日"
    assert format_date("not a date", 2025) == ""
