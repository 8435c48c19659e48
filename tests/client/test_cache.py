"""The cache on its own: search as a clerk types it, filters, and rows that only move forward."""

from __future__ import annotations

import pytest

from app.cache import Cache, SearchFilters, fts_query

CATEGORIES = [
    {"id": 1, "parent_id": None, "code": "furniture", "name_en": "Furniture", "name_hi": "फ़र्नीचर", "is_service": False, "key_params": []},
    {"id": 2, "parent_id": 1, "code": "office-chairs", "name_en": "Office Chairs", "name_hi": "ऑफ़िस कुर्सी", "is_service": False,
     "key_params": [{"name": "material", "label_en": "Material", "label_hi": "सामग्री", "kind": "text", "unit": "", "choices": []}]},
    {"id": 3, "parent_id": None, "code": "laptops", "name_en": "Laptops", "name_hi": "लैपटॉप", "is_service": False, "key_params": []},
]


def listing(n: int, **fields) -> dict:
    base = dict(id=f"id-{n}", seller_id=1, category_id=2, title=f"Revolving chair {n}", brand="Godrej", model=f"M{n}",
                key_specs={"material": "steel"}, other_specs={"Warranty": "3 years"}, country_of_origin="India",
                local_content_pct=60, mii_class="class_i", mrp_paise=500_000, price_paise=400_000 + n, stock=5,
                min_order_qty=1, delivery_districts=["Raipur"], delivery_pincodes=[], images=[], status="published",
                reject_reason=None, version=1, created_at="2026-11-24T00:00:00Z", updated_at="2026-11-24T00:00:00Z")
    base.update(fields)
    return base


SELLERS = [
    {"id": 1, "mse_class": "micro", "women_owned": True, "scst_owned": False, "nature": "manufacturer", "state": "Chhattisgarh", "district": "Raipur"},
    {"id": 2, "mse_class": None, "women_owned": False, "scst_owned": False, "nature": "trader", "state": "Punjab", "district": "Ludhiana"},
]


@pytest.fixture
def cache(tmp_path):
    made = Cache(tmp_path)
    made.set_categories(CATEGORIES)
    rows = [listing(1), listing(2, title="Steel almirah", category_id=2),
            listing(3, title="Laptop 14 inch", brand="Dell", category_id=3, seller_id=2, price_paise=7_000_000,
                    mrp_paise=8_000_000, delivery_districts=["Durg"], mii_class="non_local", key_specs={"os": "Windows"})]
    made.apply_page([{"op": "upsert", "seq": n + 1, "listing": row} for n, row in enumerate(rows)], SELLERS, {"cursor": "c3"})
    yield made
    made.close()


def ids(rows) -> list[str]:
    return [r["id"] for r in rows]


@pytest.mark.parametrize(("typed", "found"), [
    ("revolving", ["id-1"]), ("revolv", ["id-1"]), ("CHAIR 1", ["id-1"]), ("windows", ["id-3"]),
    ("chair", ["id-1", "id-2"]),  # the almirah is in "Office Chairs" here
    ("कुर्सी", ["id-1", "id-2"]), ("furniture", ["id-1", "id-2"]), ("warranty", ["id-1", "id-2", "id-3"]),
    ('"chair" OR NEAR(', []), ("zzz", []), ("", ["id-1", "id-2", "id-3"]),
])
def test_search_as_you_type(cache, typed, found):
    assert ids(cache.search(typed)) == found


def test_hindi_words_are_indexed_whole(cache):
    vocabulary = cache.engine.raw_connection()
    try:
        vocabulary.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, listings_fts, row)")
        terms = {row[0] for row in vocabulary.execute("SELECT term FROM temp.terms")}
    finally:
        vocabulary.close()
    assert {"कुर्सी", "फ़र्नीचर", "लैपटॉप"} <= terms
    assert "क" not in terms  # not shredded into letters at the vowel signs
    assert ids(cache.search("कुर्स")) == ["id-1", "id-2"]  # a prefix while typing
    assert ids(cache.search("लैपटॉप")) == ["id-3"]


def test_filters(cache):
    assert ids(cache.search("", SearchFilters(category_ids=[1]))) == ["id-1", "id-2"]  # a group takes its children
    assert ids(cache.search("warranty", SearchFilters(category_ids=[1]))) == ["id-1", "id-2"]
    assert ids(cache.search("warranty", SearchFilters(category_ids=[3]))) == ["id-3"]
    assert ids(cache.search("", SearchFilters(min_price_paise=400_002, max_price_paise=400_002))) == ["id-2"]
    assert ids(cache.search("", SearchFilters(mse_only=True))) == ["id-1", "id-2"]
    assert ids(cache.search("", SearchFilters(mii_class="non_local"))) == ["id-3"]
    assert ids(cache.search("", SearchFilters(district="Durg"))) == ["id-3"]
    assert ids(cache.search("", order="price", descending=True)) == ["id-3", "id-2", "id-1"]


def test_query_text_is_never_fts_syntax():
    assert fts_query('a" OR bc*') == '{title brand model category_names specs_text} : ("a" "OR" "bc"*)'
    assert fts_query("  ,;  ") is None
    assert fts_query("chair g") == '{title brand model category_names specs_text} : ("chair" "g")'


def test_rows_only_move_forward_and_deletes_take_them_out_of_search(cache):
    cache.store_listing(listing(1, version=3, title="Newer chair"))
    cache.apply_page([{"op": "upsert", "seq": 9, "listing": listing(1, version=2, title="Older chair")}], [], {"cursor": "c9"})
    assert cache.listing("id-1")["title"] == "Newer chair"
    assert ids(cache.search("older")) == []
    cache.apply_page([{"op": "delete", "seq": 10, "id": "id-1"}], [], {"cursor": "c10"})
    assert cache.listing("id-1") is None and ids(cache.search("newer")) == []
    assert cache.state("cursor") == "c10"


def test_categories_round_trip(cache):
    assert [c["code"] for c in cache.categories()] == ["furniture", "office-chairs", "laptops"]
    assert cache.categories()[1]["key_params"][0]["name"] == "material"


def test_a_cache_from_a_newer_version_is_set_aside(tmp_path):
    made = Cache(tmp_path)
    with made.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA user_version=99")
    made.close()
    again = Cache(tmp_path)
    assert again.count() == 0 and list(tmp_path.glob("cache.sqlite.unusable-*"))
    again.close()


def test_my_district_is_a_flag_worked_out_as_rows_are_written(cache):
    from sqlalchemy import text

    def flagged() -> set[str]:
        with cache.engine.connect() as conn:
            return {r[0] for r in conn.execute(text("SELECT id FROM listings WHERE delivers_home = 1"))}

    assert flagged() == set()
    cache.set_home_district("Durg")
    assert flagged() == {"id-3"}  # existing rows flagged again when the district changes
    assert ids(cache.search("", SearchFilters(district="durg"))) == ["id-3"]  # the flag, case folded
    cache.apply_page([{"op": "upsert", "seq": 11, "listing": listing(4, delivery_districts=["Raipur", "Durg"])}],
                     SELLERS, {"cursor": "c11"})
    assert flagged() == {"id-3", "id-4"}  # new rows flagged as they arrive
    # Another district than the user's is still found, by reading each listing's list.
    assert ids(cache.search("", SearchFilters(district="Raipur"))) == ["id-1", "id-2", "id-4"]
    reopened = Cache(cache.folder)
    try:
        assert ids(reopened.search("chair", SearchFilters(district="Durg"))) == ["id-4"]
    finally:
        reopened.close()


def test_a_known_misspelling_also_matches_the_catalogues_word():
    assert fts_query("steel almari") == \
        '{title brand model category_names specs_text} : ("steel" AND ("almari"* OR "almirah"*))'
    assert fts_query("kursi office") == \
        '{title brand model category_names specs_text} : (("kursi" OR "chair") AND "office"*)'
