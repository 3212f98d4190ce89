"""Money and rates as data: exact decimals, typed the way a clerk types them.

An :data:`Amount` is yuan as a :class:`~decimal.Decimal` (never a float, so
3000.01 stays 3000.01): ``3000``, ``3000.01``, ``"3,000.01"``, ``"3000元"`` and
``"￥3000"`` are all read; more than two decimals, a negative amount or text
that is no number are errors. A :data:`Rate` is a fraction: ``"1.5%"``, ``1.5``
read as per cent when above 1 (``1.5`` → 0.015), or ``0.015``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from docgen.data.fields import custom_error

FEN = Decimal("0.01")
_NOISE = re.compile(r"[,，\s元￥¥]")


def parse_amount(value: object) -> Decimal:
    """``value`` as yuan with at most two decimals (see the module docstring)."""
    number = _decimal(value, "金额", "amount")
    if number < 0:
        raise custom_error(
            "amount_negative", f"金额不能为负数：{value}", f"an amount cannot be negative: {value}"
        )
    if number != number.quantize(FEN):
        raise custom_error(
            "amount_precision",
            f"金额“{value}”超过两位小数；请写到分，如 {number.quantize(FEN)}",
            f"amount {value!r} has more than two decimals; write it to the fen",
        )
    return number


def parse_rate(value: object) -> Decimal:
    """``value`` as a fraction: ``1.5%`` and ``1.5`` give 0.015, ``0.015`` stays."""
    text = str(value).strip() if isinstance(value, str) else value
    if isinstance(text, str) and text.endswith(("%", "％")):
        return _decimal(text[:-1], "比例", "rate") / 100
    number = _decimal(text, "比例", "rate")
    if number < 0:
        raise custom_error("rate_negative", f"比例不能为负数：{value}", f"negative rate: {value}")
    return number / 100 if number >= 1 else number


def _decimal(value: object, zh: str, en: str) -> Decimal:
    if isinstance(value, bool):
        raise custom_error("not_a_number", f"{zh}应为数字：{value}", f"{en} must be a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # the number as typed, not its binary neighbour
    if isinstance(value, str):
        try:
            number = Decimal(_NOISE.sub("", value))
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return number
    raise custom_error(
        "not_a_number",
        f"{zh}“{value}”不是数字（如 3000.01 或 3,000.01元）",
        f"{en} {value!r} is not a number (e.g. 3000.01)",
    )


def yuan(amount: Decimal) -> str:
    """An amount as printed: two decimals, no thousands separator (``3000.01``)."""
    return f"{amount.quantize(FEN):f}"


def percent(rate: Decimal) -> str:
    """A rate as printed: ``0.5%``, ``1%``, ``1.5%``."""
    text = f"{(rate * 100).normalize():f}"
    return f"{text}%"


#: Yuan, exact, at most two decimals.
Amount = Annotated[
    Decimal,
    PlainValidator(parse_amount),
    PlainSerializer(lambda d: yuan(d), when_used="json"),
    WithJsonSchema({"type": ["number", "string"], "examples": [3000.01, "3,000.01元"]}),
]
#: A fraction; per-cent text accepted.
Rate = Annotated[
    Decimal,
    PlainValidator(parse_rate),
    PlainSerializer(lambda d: percent(d), when_used="json"),
    WithJsonSchema({"type": ["number", "string"], "examples": ["1.5%", 0.015]}),
]

__all__ = ["FEN", "Amount", "Rate", "parse_amount", "parse_rate", "percent", "yuan"]
