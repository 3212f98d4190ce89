"""The monthly 党费 a member owes, by the national rule of 2008.

中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》(2008):

- 在职: of the monthly after-tax fixed income (工资收入中相对固定的、经常性的部分),
  up to and including 3,000 元 0.5%; above 3,000 up to 5,000 元 1%; above 5,000 up
  to 10,000 元 1.5%; above 10,000 元 2%;
- 离退休: of the monthly pension, up to and including 5,000 元 0.5%; above 1%;
- students, the unemployed and those living on 低保 or relief: 0.2 元 a month;
- farmers: 0.2 to 1 元 a month, fixed locally (``config.local_rules.farmer_monthly_dues``).

A band's upper bound belongs to it: 3,000.00 元 is 0.5%, 3,000.01 元 is 1%. The
amount is the base times the rate, computed exactly in decimals and then rounded
half up to the fen (四舍五入到分) — the one rounding step, stated on the outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from docgen.data.amounts import FEN, percent, yuan
from docgen.data.config import DataConfig

#: How every amount is rounded, as the outputs state it.
ROUNDING_ZH = "按月收入基数乘以交纳比例计算，四舍五入到分"
ROUNDING_EN = "base times rate, rounded half up to the fen"

WORKING = "在职"
RETIRED = "离退休"
FARMER = "农民"
#: Categories that pay a flat 0.2 元 a month.
FLAT_CATEGORIES = ("学生", "失业", "低保")
FLAT_AMOUNT = Decimal("0.20")

_D = Decimal
#: (upper bound inclusive, rate); ``None`` is no upper bound.
WORKING_BANDS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (_D(3000), _D("0.005")),
    (_D(5000), _D("0.01")),
    (_D(10000), _D("0.015")),
    (None, _D("0.02")),
)
RETIRED_BANDS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (_D(5000), _D("0.005")),
    (None, _D("0.01")),
)


@dataclass(frozen=True)
class Standard:
    """What a member owes a month: ``amount``; ``rate`` for income-based categories;
    ``band`` the rule in words (“3000元以上至5000元（含）的1%”)."""

    amount: Decimal
    rate: Decimal | None
    band: str


def has_standard(category: str) -> bool:
    """Whether the national rule fixes the dues of ``category``."""
    return category in (WORKING, RETIRED, FARMER, *FLAT_CATEGORIES)


def needs_base(category: str) -> bool:
    """Whether the dues of ``category`` are a share of an income."""
    return category in (WORKING, RETIRED)


def standard(category: str, base: Decimal | None, config: DataConfig) -> Standard | None:
    """The monthly dues of a member of ``category`` with monthly ``base`` income.

    ``None`` when the rule cannot say: a category without a national standard, or
    an income-based category without its base.
    """
    if category in FLAT_CATEGORIES:
        return Standard(FLAT_AMOUNT, None, f"{category}党员每月{yuan(FLAT_AMOUNT)}元")
    if category == FARMER:
        amount = Decimal(str(config.local_rules.farmer_monthly_dues)).quantize(FEN)
        return Standard(amount, None, f"农民党员每月{yuan(amount)}元（本地标准）")
    if category not in (WORKING, RETIRED) or base is None:
        return None
    bands = WORKING_BANDS if category == WORKING else RETIRED_BANDS
    low: Decimal | None = None
    for high, rate in bands:
        if high is None or base <= high:
            amount = (base * rate).quantize(FEN, rounding=ROUND_HALF_UP)
            return Standard(amount, rate, _band_text(category, low, high, rate))
        low = high
    raise AssertionError("the last band has no upper bound")  # pragma: no cover


def _band_text(category: str, low: Decimal | None, high: Decimal | None, rate: Decimal) -> str:
    if low is None:
        span = f"{high:f}元及以下"
    elif high is None:
        span = f"{low:f}元以上"
    else:
        span = f"{low:f}元以上至{high:f}元（含）"
    return f"{category}党员月收入{span}，交纳{percent(rate)}"


__all__ = [
    "FARMER",
    "FLAT_AMOUNT",
    "FLAT_CATEGORIES",
    "RETIRED",
    "RETIRED_BANDS",
    "ROUNDING_EN",
    "ROUNDING_ZH",
    "WORKING",
    "WORKING_BANDS",
    "Standard",
    "has_standard",
    "needs_base",
    "standard",
]
