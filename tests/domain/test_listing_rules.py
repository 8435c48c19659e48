"""Listing validation: each rule, reported against the field the seller must fix."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.listing import (
    BUYER_VISIBLE,
    KeyParam,
    ListingStatus,
    MiiClass,
    discount_bp,
    mii_class,
    validate_listing,
)

PARAMS = [
    KeyParam("ram_gb", "RAM", "रैम", kind="number", unit="GB"),
    KeyParam("os", "Operating system", "ऑपरेटिंग सिस्टम", kind="choice", choices=("Windows", "Linux")),
    KeyParam("colour", "Colour", "रंग"),
]


def good(**changes):
    listing = {
        "title": "Laptop, 16 GB",
        "brand": "Nexbit",
        "model": "WorkMate NX-1400",
        "country_of_origin": "India",
        "mrp_paise": 60_000_00,
        "price_paise": 52_500_00,
        "stock": 10,
        "min_order_qty": 1,
        "local_content_pct": 55,
        "delivery_districts": ["Raipur", "Durg"],
        "delivery_pincodes": ["492001"],
        "images": ["a.jpg", "b.jpg", "c.jpg"],
        "other_specs": {"Warranty": "3 years"},
        "key_specs": {"ram_gb": "16", "os": "Linux", "colour": "Black"},
    }
    listing.update(changes)
    return listing


def test_a_complete_listing_is_valid():
    assert validate_listing(good(), PARAMS) == {}


@pytest.mark.parametrize(
    ("mii", "pct"),
    [(MiiClass.NON_LOCAL, 0), (MiiClass.NON_LOCAL, 20), (MiiClass.CLASS_II, 21), (MiiClass.CLASS_II, 49),
     (MiiClass.CLASS_I, 50), (MiiClass.CLASS_I, 100)],
)
def test_make_in_india_class_boundaries(mii, pct):
    assert mii_class(pct) == mii


@pytest.mark.parametrize("name", ["title", "brand", "model", "country_of_origin"])
@pytest.mark.parametrize("value", [None, "", "   ", 12])
def test_text_fields_are_required(name, value):
    assert validate_listing(good(**{name: value}), PARAMS) == {name: "is required"}


@pytest.mark.parametrize("name", ["title", "brand", "model", "country_of_origin"])
def test_text_fields_have_a_length_limit(name):
    assert validate_listing(good(**{name: "x" * 200}), PARAMS) == {}
    assert validate_listing(good(**{name: "x" * 201}), PARAMS) == {name: "is longer than 200 characters"}


def test_missing_text_field_is_reported():
    listing = good()
    del listing["brand"]
    assert set(validate_listing(listing, PARAMS)) == {"brand"}


def test_unknown_category():
    assert validate_listing(good(), None) == {"category_id": "is not a known category"}


@pytest.mark.parametrize("mrp", [0, -1, None, "6000000", 1.5, True])
def test_mrp_must_be_positive_whole_paise(mrp):
    problems = validate_listing(good(mrp_paise=mrp), PARAMS)
    assert problems["mrp_paise"] == "MRP must be a whole number of paise above zero"
    # A whole-number MRP below the price also makes the price wrong; nothing else is.
    assert set(problems) <= {"mrp_paise", "price_paise"}


def test_implausible_mrp():
    problems = validate_listing(good(mrp_paise=10**15 + 1, price_paise=100), PARAMS)
    assert problems == {"mrp_paise": "MRP is implausibly large"}


@pytest.mark.parametrize("price", [0, -100, None, "100", 99.5, False])
def test_price_must_be_positive_whole_paise(price):
    assert set(validate_listing(good(price_paise=price), PARAMS)) == {"price_paise"}


def test_price_above_mrp_is_refused_but_equal_is_fine():
    assert validate_listing(good(price_paise=60_000_01), PARAMS) == {"price_paise": "offer price must not be above the MRP"}
    assert validate_listing(good(price_paise=60_000_00), PARAMS) == {}


@pytest.mark.parametrize("stock", [-1, None, "5", 2.0])
def test_stock_must_be_whole_and_not_negative(stock):
    assert set(validate_listing(good(stock=stock), PARAMS)) == {"stock"}


def test_zero_stock_is_valid():
    assert validate_listing(good(stock=0), PARAMS) == {}


@pytest.mark.parametrize("qty", [0, -2, "1", 1.0])
def test_minimum_order(qty):
    assert set(validate_listing(good(min_order_qty=qty), PARAMS)) == {"min_order_qty"}


@pytest.mark.parametrize("pct", [-1, 101, None, "50", 50.0])
def test_local_content_is_a_whole_percentage(pct):
    assert set(validate_listing(good(local_content_pct=pct), PARAMS)) == {"local_content_pct"}


@pytest.mark.parametrize("pct", [0, 20, 21, 49, 50, 100])
def test_local_content_bounds_are_inclusive(pct):
    assert validate_listing(good(local_content_pct=pct), PARAMS) == {}


@pytest.mark.parametrize("districts", ["Raipur", [""], ["Raipur", 3], [None]])
def test_delivery_districts_are_names(districts):
    assert set(validate_listing(good(delivery_districts=districts), PARAMS)) == {"delivery_districts"}


@pytest.mark.parametrize("pins", ["492001", ["49200"], ["092001"], ["4920011"], [492001], ["49200a"]])
def test_pincodes_are_six_digits_not_starting_with_zero(pins):
    assert set(validate_listing(good(delivery_pincodes=pins), PARAMS)) == {"delivery_pincodes"}


def test_somewhere_to_deliver_is_required():
    problems = validate_listing(good(delivery_districts=[], delivery_pincodes=[]), PARAMS)
    assert problems == {"delivery_districts": "name at least one district or PIN code the seller delivers to"}
    assert validate_listing(good(delivery_districts=[], delivery_pincodes=["492001"]), PARAMS) == {}
    assert validate_listing(good(delivery_districts=["Sukma"], delivery_pincodes=[]), PARAMS) == {}


def test_images():
    assert validate_listing(good(images=[]), PARAMS) == {}
    assert validate_listing(good(images=["1", "2", "3", "4"]), PARAMS) == {"images": "at most 3 images"}
    assert set(validate_listing(good(images="a.jpg"), PARAMS)) == {"images"}
    assert set(validate_listing(good(images=[1]), PARAMS)) == {"images"}


@pytest.mark.parametrize("other", [[], "x", {"Warranty": 3}, {1: "x"}])
def test_other_specs_map_names_to_text(other):
    assert set(validate_listing(good(other_specs=other), PARAMS)) == {"other_specs"}


def test_key_specs_must_be_a_mapping():
    assert validate_listing(good(key_specs=["16"]), PARAMS) == {"key_specs": "must map parameter names to values"}


def test_missing_key_parameter_is_named():
    problems = validate_listing(good(key_specs={"os": "Linux", "colour": "Black"}), PARAMS)
    assert problems == {"key_specs.ram_gb": "RAM is required for this category"}


def test_blank_key_parameter_counts_as_missing():
    problems = validate_listing(good(key_specs={"ram_gb": "  ", "os": "Linux", "colour": "Black"}), PARAMS)
    assert problems == {"key_specs.ram_gb": "RAM is required for this category"}


@pytest.mark.parametrize("value", ["sixteen", "16 GB", "1,024"])
def test_number_parameter_must_be_a_number(value):
    problems = validate_listing(good(key_specs={"ram_gb": value, "os": "Linux", "colour": "Black"}), PARAMS)
    assert problems == {"key_specs.ram_gb": "RAM must be a number"}


@pytest.mark.parametrize("value", ["16", "15.6", "0.5", "-1"])
def test_number_parameter_accepts_decimals(value):
    assert validate_listing(good(key_specs={"ram_gb": value, "os": "Linux", "colour": "Black"}), PARAMS) == {}


def test_number_parameter_must_be_sent_as_text():
    problems = validate_listing(good(key_specs={"ram_gb": 16, "os": "Linux", "colour": "Black"}), PARAMS)
    assert problems == {"key_specs.ram_gb": "RAM must be text"}


def test_choice_parameter_must_be_one_of_the_choices():
    problems = validate_listing(good(key_specs={"ram_gb": "16", "os": "DOS", "colour": "Black"}), PARAMS)
    assert problems == {"key_specs.os": "Operating system must be one of: Windows, Linux"}
    problems = validate_listing(good(key_specs={"ram_gb": "16", "os": "linux", "colour": "Black"}), PARAMS)
    assert set(problems) == {"key_specs.os"}


def test_every_problem_is_reported_at_once():
    listing = good(title="", mrp_paise=100, price_paise=200, stock=-1, key_specs={})
    assert set(validate_listing(listing, PARAMS)) == {
        "title", "price_paise", "stock", "key_specs.ram_gb", "key_specs.os", "key_specs.colour",
    }


def test_key_param_json_round_trip():
    for param in PARAMS:
        assert KeyParam.from_json(param.to_json()) == param
    bare = KeyParam.from_json({"name": "size"})
    assert (bare.label_en, bare.label_hi, bare.kind, bare.unit, bare.choices) == ("size", "size", "text", "", ())


def test_buyers_see_published_and_out_of_stock_only():
    assert BUYER_VISIBLE == {ListingStatus.PUBLISHED, ListingStatus.OUT_OF_STOCK}


@pytest.mark.parametrize(("mrp", "price", "bp"), [(1000, 875, 1250), (1000, 1000, 0), (0, 0, 0), (3, 2, 3333)])
def test_discount_in_basis_points(mrp, price, bp):
    assert discount_bp(mrp, price) == bp


@given(st.integers(min_value=0, max_value=100))
def test_mii_class_matches_the_order(pct):
    expected = MiiClass.CLASS_I if pct >= 50 else MiiClass.CLASS_II if pct > 20 else MiiClass.NON_LOCAL
    assert mii_class(pct) == expected


@given(st.integers(min_value=1, max_value=10**15), st.data())
def test_any_price_up_to_the_mrp_is_valid(mrp, data):
    price = data.draw(st.integers(min_value=1, max_value=mrp))
    assert validate_listing(good(mrp_paise=mrp, price_paise=price), PARAMS) == {}
    assert 0 <= discount_bp(mrp, price) < 10_000
