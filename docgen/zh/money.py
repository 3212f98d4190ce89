"""RMB amounts in Chinese capitals (大写金额), following the PBOC rules for bills and vouchers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from docgen.i18n import tr
from docgen.zh.numerals import LIMIT, spell_integer

UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
UPPER_UNITS = ("", "拾", "佰", "仟")

_FEN = Decimal("0.01")


def rmb_upper(amount: int | float | str | Decimal) -> str:
    """Write an amount of yuan in Chinese capitals, e.g. ``100.05`` → ``壹佰元零伍分``.

    Rules (《正确填写票据和结算凭证的基本规定》):

    * amounts are rounded half up to the fen; all arithmetic is on :class:`~decimal.Decimal`
      (a float is first turned into its shortest ``repr``, so ``0.05`` stays 0.05);
    * a whole-yuan amount ends in 元整; an amount ending in 角 or 分 gets no 整 (the rule
      makes 整 after 角 optional, and leaving it out is what most vouchers print);
    * zeros inside the yuan part read as one 零; 角 = 0 with 分 ≠ 0 puts 零 after 元
      (壹佰元零伍分); a zero in the ones place before a non-zero 角 is left silent
      (壹仟陆佰捌拾元叁角), which the rule allows as one of its two forms;
    * the yuan part keeps its leading 壹 (壹拾万, never 拾万), the banking convention that
      stops a digit being slipped in front; an amount under one yuan starts at 角 or 分;
    * a negative amount gets the prefix 负; zero is 零元整.

    Args:
        amount: an ``int``, ``float``, ``Decimal`` or a numeric string such as ``"1234.5"``.

    Returns:
        The capital amount, ending in 整, 角 or 分.

    Raises:
        ValueError: not a finite number, or 10^12 yuan or more.
    """
    exact = _to_decimal(amount)
    # Checked before rounding too: quantize() of a huge value overflows the Decimal context.
    value = exact.quantize(_FEN, rounding=ROUND_HALF_UP) if abs(exact) < LIMIT else exact
    negative = value < 0
    fen_total = int(abs(value) * 100)
    if fen_total >= LIMIT * 100:
        raise ValueError(
            tr(
                f"金额过大（须小于一万亿元）：{amount!r}",
                f"amount too large (must be below 10^12 yuan): {amount!r}",
            )
        )
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)

    out: list[str] = []
    if yuan:
        out.append(spell_integer(yuan, UPPER_DIGITS, UPPER_UNITS, short_ten=False) + "元")
    if jiao:
        out.append(UPPER_DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            out.append("零")
        out.append(UPPER_DIGITS[fen] + "分")
    if not out:
        return "零元整"
    if not cents:
        out.append("整")
    # The sign is dropped when the amount rounds to zero: "负零元整" is not an amount.
    return ("负" if negative and fen_total else "") + "".join(out)


def _to_decimal(amount: object) -> Decimal:
    if isinstance(amount, bool):
        raise ValueError(
            tr(f"金额不能是布尔值：{amount!r}", f"an amount cannot be a boolean: {amount!r}")
        )
    if isinstance(amount, Decimal):
        value = amount
    elif isinstance(amount, int):
        value = Decimal(amount)
    elif isinstance(amount, float):
        # repr() is the shortest string that round-trips, so 0.05 becomes Decimal("0.05")
        # rather than the binary neighbour Decimal(0.05) = 0.05000000000000000277….
        value = Decimal(repr(amount))
    elif isinstance(amount, str):
        try:
            value = Decimal(amount.strip())
        except InvalidOperation:
            raise ValueError(
                tr(f"无法识别的金额：{amount!r}", f"not a number: {amount!r}")
            ) from None
    else:
        raise ValueError(
            tr(
                f"金额必须是数字或数字字符串，收到 {type(amount).__name__}：{amount!r}",
                f"an amount must be a number or numeric string, "
                f"got {type(amount).__name__}: {amount!r}",
            )
        )
    if not value.is_finite():
        raise ValueError(
            tr(f"金额必须是有限数：{amount!r}", f"an amount must be finite: {amount!r}")
        )
    return value
