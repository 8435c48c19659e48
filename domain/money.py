"""Money as integer paise, and its display in Indian digit grouping.

Floats never hold money: 0.1 + 0.2 is not 0.3, and an audit trail cannot round.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal

PAISE_PER_RUPEE = 100
LAKH = 1_00_000
CRORE = 1_00_00_000


# Digits with at most one decimal point and an optional sign: no exponents ("1e3"), no
# "NaN" or "Infinity", nothing Decimal would accept that a person would not write.
_PLAIN_AMOUNT = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)$")
MAX_RUPEES = 10**13  # Rs 10 lakh crore: above any single purchase, far below int64 paise
# The most any amount, total or line may be: every sum and product of money the rules make
# is checked against it where it is written, so that no stored total can outgrow a 64-bit
# column (2**63 paise is about Rs 9.2 crore crore) and none is refused only when an award
# or an auction finally computes it.
MAX_PAISE = MAX_RUPEES * 100


class MoneyError(ValueError):
    """A text or number that cannot be an amount of money."""


class MoneyOutOfBounds(MoneyError):
    """A sum or product of money above MAX_PAISE (or below zero where none may be)."""


def is_paise(value: object) -> bool:
    """A whole number of paise within the bounds: 0 to MAX_PAISE."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_PAISE


def line_total(quantity: int, unit_price_paise: int) -> int:
    """quantity x unit price, or MoneyOutOfBounds when it is more than any amount may be."""
    total = quantity * unit_price_paise
    if not 0 <= total <= MAX_PAISE:
        raise MoneyOutOfBounds(f"{quantity} x {unit_price_paise} paise is beyond {MAX_PAISE} paise")
    return total


def sum_paise(amounts) -> int:
    """The sum of amounts, or MoneyOutOfBounds past MAX_PAISE."""
    total = 0
    for amount in amounts:
        total += amount
        if not 0 <= total <= MAX_PAISE:
            raise MoneyOutOfBounds(f"a total beyond {MAX_PAISE} paise")
    return total


def paise_from_rupees(value: str | int | Decimal) -> int:
    """Rupees as the user typed them ("12,34,567.50", "1500", 1500) to paise.

    More than two decimal places is refused rather than rounded: a price is what the user
    wrote, never what a conversion made of it.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise MoneyError("amounts are never floats; pass text, an int or a Decimal")
    text = str(value).strip().replace(",", "").replace("₹", "")
    if text.lower().startswith("rs"):
        text = text[2:].lstrip(". ")
    text = text.strip()
    if not _PLAIN_AMOUNT.match(text):
        raise MoneyError(f"{value!r} is not an amount in rupees")
    try:
        rupees = Decimal(text)
    except InvalidOperation:
        raise MoneyError(f"{value!r} is not an amount in rupees") from None
    if abs(rupees) > MAX_RUPEES:
        raise MoneyError(f"{value!r} is larger than any amount GeM Desk handles")
    paise = rupees * PAISE_PER_RUPEE
    if paise != paise.to_integral_value():
        raise MoneyError(f"{value!r} has more than two decimal places")
    return int(paise)


def rupees_text(paise: int, symbol: str = "Rs ") -> str:
    """Rs 12,34,567.00: Indian grouping (lakh, crore), always two decimals."""
    if isinstance(paise, bool) or not isinstance(paise, int):
        raise MoneyError("paise must be an int")
    with localcontext(prec=60):  # the default 28 digits cannot format an amount beyond ~Rs 10^26
        rupees = Decimal(paise) / PAISE_PER_RUPEE
        text = format_decimal(rupees, format="#,##,##0.00", locale="en_IN")
    if text.startswith("-"):
        return "-" + symbol + text[1:]
    return symbol + text


def rupees_short(paise: int, symbol: str = "Rs ") -> str:
    """Large sums as people say them: Rs 1,854 crore, Rs 12.5 lakh, else the full amount."""
    rupees = Decimal(paise) / PAISE_PER_RUPEE
    for unit, name in ((CRORE, "crore"), (LAKH, "lakh")):
        if abs(rupees) >= unit:
            amount = (rupees / unit).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
            shown = format_decimal(abs(amount), format="#,##,##0.##", locale="en_IN")
            sign = "-" if amount < 0 else ""
            return f"{sign}{symbol}{shown} {name}"
    return rupees_text(paise, symbol)


def percent_of(paise: int, basis_points: int) -> int:
    """A percentage of an amount, with percentages in basis points (15% = 1500), rounded half up."""
    return int((Decimal(paise) * basis_points / 10_000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


_ONES = ("Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen "
         "Seventeen Eighteen Nineteen").split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()


def _below_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _indian_words(n: int) -> str:
    """A whole number in words with Indian grouping: 1,23,45,678 -> One Crore Twenty-Three Lakh
    Forty-Five Thousand Six Hundred Seventy-Eight. Crores of crores repeat the groups."""
    if n == 0:
        return _ONES[0]
    crores, n = divmod(n, CRORE)
    lakhs, n = divmod(n, LAKH)
    thousands, n = divmod(n, 1000)
    hundreds, rest = divmod(n, 100)
    words = []
    if crores:
        words.append(f"{_indian_words(crores)} Crore")
    for count, name in ((lakhs, "Lakh"), (thousands, "Thousand"), (hundreds, "Hundred")):
        if count:
            words.append(f"{_below_hundred(count)} {name}")
    if rest:
        words.append(_below_hundred(rest))
    return " ".join(words)


def rupees_in_words(paise: int) -> str:
    """An amount as a cheque or a contract writes it, in the Indian system:
    123456750 -> "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and paise fifty only"."""
    if isinstance(paise, bool) or not isinstance(paise, int):
        raise MoneyError("paise must be an int")
    rupees, part = divmod(abs(paise), PAISE_PER_RUPEE)
    text = f"Rupees {_indian_words(rupees)}"
    if part:
        text += f" and paise {_indian_words(part).lower()}"
    return ("Minus " if paise < 0 else "") + text + " only"
