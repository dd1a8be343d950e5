"""Formatting numbers for readers, and reading periods as people write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cantho_kpi.domain import Period, format_number, parse_period


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        ("7.5", "7,5", "7.5"),
        ("8", "8", "8"),
        ("297.18", "297,18", "297.18"),
        ("7000", "7.000", "7,000"),
        ("1234567.25", "1.234.567,25", "1,234,567.25"),
        ("-0.5", "-0,5", "-0.5"),
        ("100.00", "100", "100"),
        ("0.075", "0,075", "0.075"),
    ],
)
def test_format_number(value: str, vi: str, en: str) -> None:
    assert format_number(Decimal(value), "vi") == vi
    assert format_number(Decimal(value), "en") == en


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2024-Q2", "2024-Q2"),
        ("2024-q2", "2024-Q2"),
        ("Quý 2/2024", "2024-Q2"),
        ("Quý II/2024", "2024-Q2"),
        ("quy 4 năm 2024", "2024-Q4"),
        ("Q2/2024", "2024-Q2"),
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("6 tháng cuối năm 2024", "2024-H2"),
        ("2024-H1", "2024-H1"),
        ("Năm 2024", "2024"),
        ("2024", "2024"),
        ("  Quý\u00a02 / 2024 ", "2024-Q2"),
    ],
)
def test_parse_period(text: str, canonical: str) -> None:
    period = parse_period(text)
    assert period is not None
    assert str(period) == canonical


@pytest.mark.parametrize("text", ["", "Q5/2024", "2024-Q0", "tháng 13", "24"])
def test_not_a_period(text: str) -> None:
    assert parse_period(text) is None


def test_decomposed_vietnamese_is_accepted() -> None:
    import unicodedata

    assert str(parse_period(unicodedata.normalize("NFD", "Quý 3/2024"))) == "2024-Q3"


def test_period_order_and_labels() -> None:
    q2, h1, year = Period.quarter(2024, 2), Period.half(2024, 1), Period.whole_year(2024)
    assert sorted([year, q2, h1]) == [h1, year, q2]
    assert [p.label_vi() for p in (q2, h1, year, Period.half(2024, 2))] == [
        "Quý 2/2024", "6 tháng đầu năm 2024", "Năm 2024", "6 tháng cuối năm 2024",
    ]  # fmt: skip
    assert all(parse_period(p.label_vi()) == p for p in (q2, h1, year))
