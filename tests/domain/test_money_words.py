"""Amounts in words as a contract writes them, in the Indian system (lakh, crore)."""

import pytest

from domain.money import MoneyError, paise_from_rupees, rupees_in_words


@pytest.mark.parametrize(
    ("rupees", "words"),
    [
        ("0", "Rupees Zero only"),
        ("0.01", "Rupees Zero and paise one only"),
        ("1", "Rupees One only"),
        ("19", "Rupees Nineteen only"),
        ("20", "Rupees Twenty only"),
        ("45.05", "Rupees Forty-Five and paise five only"),
        ("100", "Rupees One Hundred only"),
        ("1100", "Rupees One Thousand One Hundred only"),
        ("99999", "Rupees Ninety-Nine Thousand Nine Hundred Ninety-Nine only"),
        ("100000", "Rupees One Lakh only"),
        ("100100", "Rupees One Lakh One Hundred only"),
        ("12,34,567.50", "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and paise fifty only"),
        ("1,23,45,678.90",
         "Rupees One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred Seventy-Eight and paise ninety only"),
        ("10,00,00,000", "Rupees Ten Crore only"),
        ("1854,00,00,000", "Rupees One Thousand Eight Hundred Fifty-Four Crore only"),
        ("10,00,000,00,00,000", "Rupees Ten Lakh Crore only"),
    ],
)
def test_amounts_in_words(rupees, words):
    assert rupees_in_words(paise_from_rupees(rupees)) == words


def test_a_negative_amount_says_so():
    assert rupees_in_words(-500) == "Minus Rupees Five only"


@pytest.mark.parametrize("not_paise", [1.5, "100", True, None])
def test_only_whole_paise(not_paise):
    with pytest.raises(MoneyError):
        rupees_in_words(not_paise)
