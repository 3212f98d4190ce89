"""The 2008 党费 standard at its band edges, amounts typed as clerks type them, rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from docgen.data import DEFAULT_CONFIG
from docgen.data.amounts import parse_amount, parse_rate, percent, yuan
from docgen.data.config import DataConfig
from docgen.data.dues_standard import standard


@pytest.mark.parametrize(
    ("base", "rate", "amount"),
    [
        ("0.00", "0.005", "0.00"),
        ("2999.99", "0.005", "15.00"),
        ("3000.00", "0.005", "15.00"),
        ("3000.01", "0.01", "30.00"),
        ("5000.00", "0.01", "50.00"),
        ("5000.01", "0.015", "75.00"),
        ("10000.00", "0.015", "150.00"),
        ("10000.01", "0.02", "200.00"),
        ("23456.78", "0.02", "469.14"),
    ],
)
def test_working_bands_include_their_upper_bound(base: str, rate: str, amount: str) -> None:
    found = standard("在职", Decimal(base), DEFAULT_CONFIG)
    assert found is not None
    assert (found.rate, found.amount) == (Decimal(rate), Decimal(amount))


@pytest.mark.parametrize(
    ("base", "rate", "amount"),
    [("5000.00", "0.005", "25.00"), ("5000.01", "0.01", "50.00"), ("4321.00", "0.005", "21.61")],
)
def test_retired_bands(base: str, rate: str, amount: str) -> None:
    found = standard("离退休", Decimal(base), DEFAULT_CONFIG)
    assert found is not None
    assert (found.rate, found.amount) == (Decimal(rate), Decimal(amount))


def test_rounding_is_half_up_to_the_fen() -> None:
    """4650.50 × 1% = 46.505: half up gives 46.51 (banker's rounding would give 46.50)."""
    found = standard("在职", Decimal("4650.50"), DEFAULT_CONFIG)
    assert found is not None
    assert found.amount == Decimal("46.51")


@pytest.mark.parametrize("category", ["学生", "失业", "低保"])
def test_flat_categories_pay_twenty_fen(category: str) -> None:
    found = standard(category, Decimal("8000"), DEFAULT_CONFIG)
    assert found is not None
    assert (found.amount, found.rate) == (Decimal("0.20"), None)


def test_farmer_amount_is_local_configuration() -> None:
    default = standard("农民", None, DEFAULT_CONFIG)
    local = standard(
        "农民", None, DEFAULT_CONFIG.merged({"local_rules": {"farmer_monthly_dues": 1}})
    )
    assert default is not None
    assert default.amount == Decimal("0.20")
    assert local is not None
    assert local.amount == Decimal("1.00")
    with pytest.raises(ValidationError):
        DataConfig().merged({"local_rules": {"farmer_monthly_dues": "1.5"}})


def test_income_category_without_base_has_no_standard() -> None:
    assert standard("在职", None, DEFAULT_CONFIG) is None
    assert standard("其他", Decimal(100), DEFAULT_CONFIG) is None


@pytest.mark.parametrize(
    ("typed", "value"),
    [(3000, "3000"), (3000.01, "3000.01"), ("3,000.01元", "3000.01"), ("￥ 12.5", "12.5")],
)
def test_amounts_are_exact_decimals(typed: object, value: str) -> None:
    assert parse_amount(typed) == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("3000.001", "amount_precision"),
        ("-5", "amount_negative"),
        ("三千", "not_a_number"),
        (True, "not_a_number"),
    ],
)
def test_bad_amounts_are_refused(typed: object, code: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_amount(typed)
    assert caught.value.type == code


@pytest.mark.parametrize(("typed", "value"), [("1.5%", "0.015"), (1.5, "0.015"), (0.005, "0.005")])
def test_rates(typed: object, value: str) -> None:
    assert parse_rate(typed) == Decimal(value)
    assert percent(Decimal(value)) == f"{Decimal(value) * 100:f}".rstrip("0").rstrip(".") + "%"


def test_yuan_prints_two_decimals() -> None:
    assert yuan(Decimal("15")) == "15.00"
