"""Money: integer paise in, Indian digit grouping out; floats and loose text refused."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.money import CRORE, LAKH, MoneyError, paise_from_rupees, percent_of, rupees_short, rupees_text


@pytest.mark.parametrize(
    ("typed", "paise"),
    [
        ("1500", 150_000),
        (1500, 150_000),
        (Decimal("1.5"), 150),
        ("12,34,567.50", 123_456_750),
        ("Rs 1500", 150_000),
        ("Rs. 15", 1_500),
        ("₹ 12", 1_200),
        ("  0.99 ", 99),
        ("0.05", 5),
        ("0", 0),
        ("-5.25", -525),
        ("1,00,00,000", 1_000_000_000),
    ],
)
def test_paise_from_what_people_type(typed, paise):
    assert paise_from_rupees(typed) == paise


@pytest.mark.parametrize("value", [1.5, 0.1, 100.0, True, False])
def test_floats_and_booleans_are_refused(value):
    with pytest.raises(MoneyError, match="never floats"):
        paise_from_rupees(value)


@pytest.mark.parametrize("typed", ["1.234", "0.001", "12,34,567.505", Decimal("1.999")])
def test_more_than_two_decimals_is_refused_not_rounded(typed):
    with pytest.raises(MoneyError, match="more than two decimal places"):
        paise_from_rupees(typed)


@pytest.mark.parametrize("typed", ["", "   ", "abc", "12 rupees", "1.2.3", "NaN", "inf", "-Infinity", "Rs", "₹"])
def test_garbage_is_refused(typed):
    with pytest.raises(MoneyError):
        paise_from_rupees(typed)


@pytest.mark.parametrize(
    ("paise", "text"),
    [
        (123_456_700, "Rs 12,34,567.00"),
        (1_000_000_000, "Rs 1,00,00,000.00"),
        (123_456_789_00, "Rs 12,34,56,789.00"),
        (-123_456_700, "-Rs 12,34,567.00"),
        (0, "Rs 0.00"),
        (99, "Rs 0.99"),
        (5, "Rs 0.05"),
        (-99, "-Rs 0.99"),
        (100_000, "Rs 1,000.00"),
        (10_000_000, "Rs 1,00,000.00"),
        (99_999_99, "Rs 99,999.99"),
    ],
)
def test_indian_grouping(paise, text):
    assert rupees_text(paise) == text


def test_symbol_can_be_the_rupee_sign():
    assert rupees_text(123_456_700, symbol="₹") == "₹12,34,567.00"


@pytest.mark.parametrize("value", [1.0, "100", None, True, Decimal("1")])
def test_rupees_text_takes_only_int_paise(value):
    with pytest.raises(MoneyError):
        rupees_text(value)


@pytest.mark.parametrize(
    ("paise", "text"),
    [
        (1854 * CRORE * 100, "Rs 1,854 crore"),  # Chhattisgarh on GeM, FY 2024-25
        (932 * CRORE * 100, "Rs 932 crore"),
        (CRORE * 100, "Rs 1 crore"),
        (125 * LAKH * 10, "Rs 12.5 lakh"),
        (LAKH * 100, "Rs 1 lakh"),
        (123_456_700, "Rs 12.35 lakh"),  # rounded half up to two places
        (99_999_99, "Rs 99,999.99"),  # below a lakh: the full amount
        (0, "Rs 0.00"),
        (1_234_567_890_123, "Rs 1,234.57 crore"),
    ],
)
def test_rupees_short(paise, text):
    assert rupees_short(paise) == text


def test_rupees_short_negative_matches_rupees_text_sign():
    assert rupees_short(-5 * CRORE * 100) == "-Rs 5 crore"
    assert rupees_short(-125 * LAKH * 10) == "-Rs 12.5 lakh"


@pytest.mark.parametrize("typed", ["1e3", "1E+2", "NaN", "Infinity", "1.2.3", "12 34", "+-5", "99999999999999"])
def test_paise_from_rupees_refuses_what_a_person_would_not_type(typed):
    with pytest.raises(MoneyError):
        paise_from_rupees(typed)


@pytest.mark.parametrize(
    ("paise", "bp", "result"),
    [(1000, 1500, 150), (5, 5000, 3), (3, 5000, 2), (100_000, 0, 0), (100_000, 10_000, 100_000), (1, 1, 0)],
)
def test_percent_of_rounds_half_up(paise, bp, result):
    assert percent_of(paise, bp) == result


paise_values = st.integers(min_value=-(10**15), max_value=10**15)


@given(paise_values)
def test_round_trip_paise_text_paise(paise):
    text = rupees_text(paise)
    assert paise_from_rupees(text.replace("-Rs ", "-")) == paise


@given(st.integers(min_value=0, max_value=10**15))
def test_text_always_has_two_decimals_and_indian_groups(paise):
    digits = rupees_text(paise)[3:]
    whole, fraction = digits.split(".")
    assert len(fraction) == 2
    groups = whole.split(",")
    assert len(groups[-1]) == 3 or len(groups) == 1
    assert all(len(g) == 2 for g in groups[1:-1])
    assert 1 <= len(groups[0]) <= (3 if len(groups) == 1 else 2)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_typed_rupees_and_paise_become_exact_paise(rupees, paise):
    assert paise_from_rupees(f"{rupees}.{paise:02d}") == rupees * 100 + paise


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10_000))
def test_percent_of_never_exceeds_the_amount(paise, bp):
    assert 0 <= percent_of(paise, bp) <= paise
