"""The catalogue as the table shows it (app/browse.py): ordered rowids streamed in chunks,
filters, a search superseded or interrupted mid-flight, and rows fetched by rowid."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest

from app.browse import CHUNK, FIRST_CHUNK, ROW_COLUMNS, CatalogueRequest, CatalogueSearch, Interrupted
from app.cache import SCHEMA_VERSION, Cache, SearchFilters

# Furniture > Office Chairs > Ergonomic Chairs, and Laptops on its own.
CATEGORIES = [
    {"id": 1, "parent_id": None, "code": "furniture", "name_en": "Furniture", "name_hi": "फ़र्नीचर", "is_service": False, "key_params": []},
    {"id": 2, "parent_id": 1, "code": "office-chairs", "name_en": "Office Chairs", "name_hi": "ऑफ़िस कुर्सी", "is_service": False, "key_params": []},
    {"id": 3, "parent_id": None, "code": "laptops", "name_en": "Laptops", "name_hi": "लैपटॉप", "is_service": False, "key_params": []},
    {"id": 4, "parent_id": 2, "code": "ergonomic-chairs", "name_en": "Ergonomic Chairs", "name_hi": "एर्गोनोमिक कुर्सी", "is_service": False, "key_params": []},
]


def seller(seller_id: int, mse_class: str | None) -> dict:
    return {"id": seller_id, "mse_class": mse_class, "women_owned": False, "scst_owned": False, "nature": "manufacturer",
            "state": "Chhattisgarh", "district": "Raipur"}


# Seller 5 is deliberately not in the page: its listings carry no class yet (NULL).
SELLERS = [seller(1, "micro"), seller(2, None), seller(3, "small"), seller(4, "medium")]


def listing(n: int, title: str, brand: str, price: int, stock: int, seller_id: int, category_id: int, mii: str,
            status: str, districts: list[str]) -> dict:
    return dict(id=f"id-{n}", seller_id=seller_id, category_id=category_id, title=title, brand=brand, model=f"M{n}",
                key_specs={}, other_specs={"Warranty": "1 year"}, country_of_origin="India", local_content_pct=60,
                mii_class=mii, mrp_paise=price * 2, price_paise=price, stock=stock, min_order_qty=1,
                delivery_districts=districts, delivery_pincodes=[], images=[], status=status, reject_reason=None,
                version=1, created_at="2026-11-24T00:00:00Z", updated_at="2026-11-24T00:00:00Z")


# Every sortable column has distinct values and an order different from the feed's.
LISTINGS = [
    listing(1, "Steel almirah", "Godrej", 300_00, 5, 3, 2, "class_i", "published", ["Raipur"]),
    listing(2, "Wooden bench", "Nilkamal", 100_00, 50, 1, 1, "class_ii", "published", ["Janjgir-Champa"]),
    listing(3, "Revolving chair", "Featherlite", 500_00, 0, 2, 4, "class_i", "out_of_stock", ["Durgapur"]),
    listing(4, "Laptop desk", "Dell", 900_00, 7, 4, 3, "non_local", "published", ["Durg"]),
    listing(5, "Easel board", "Asian", 200_00, 3, 5, 1, "class_i", "draft", ["Raipur", "Durg"]),
    listing(6, "Footrest", "Zed", 700_00, 12, 1, 4, "class_ii", "pending_approval", ["Bilaspur"]),
]


def fill(cache: Cache) -> None:
    cache.set_categories(CATEGORIES)
    cache.apply_page([{"op": "upsert", "seq": n + 1, "listing": row} for n, row in enumerate(LISTINGS)], SELLERS,
                     {"cursor": "c6"})


@pytest.fixture
def cache(tmp_path):
    made = Cache(tmp_path)
    fill(made)
    yield made
    made.close()


@pytest.fixture
def search(cache):
    return CatalogueSearch(cache)


def numbers(search: CatalogueSearch, request: CatalogueRequest, **options) -> list[int]:
    """The listing numbers (id-N) the search yields, in order."""
    rowids = [rowid for chunk in search.rowids(request, **options) for rowid in chunk]
    rows = search.rows(rowids)
    assert len(rows) == len(rowids)
    return [int(rows[rowid]["id"].split("-")[1]) for rowid in rowids]


# -- order ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("order", "ascending"), [
    ("feed", [1, 2, 3, 4, 5, 6]),
    ("title", [5, 6, 4, 3, 1, 2]),  # Easel, Footrest, Laptop, Revolving, Steel, Wooden
    ("brand", [5, 4, 3, 1, 2, 6]),  # Asian, Dell, Featherlite, Godrej, Nilkamal, Zed
    ("price", [2, 5, 1, 3, 6, 4]),
    ("stock", [3, 5, 1, 4, 6, 2]),
    # micro (2, 6 by feed), small, medium, then not an MSE: "none" (3) and not known yet (5)
    ("seller_class", [2, 6, 1, 4, 3, 5]),
])
def test_every_sortable_column_both_ways(search, order, ascending):
    assert numbers(search, CatalogueRequest(order=order)) == ascending
    assert numbers(search, CatalogueRequest(order=order, descending=True)) == ascending[::-1]


def test_sorting_a_text_search_and_ties_follow_the_direction(search):
    # "chair" matches the two chair categories' names: listings 1, 3 and 6.
    assert numbers(search, CatalogueRequest("chair", order="price")) == [1, 3, 6]
    assert numbers(search, CatalogueRequest("chair", order="price", descending=True)) == [6, 3, 1]
    # Equal classes (two micro sellers) keep feed order ascending and reverse it descending.
    assert numbers(search, CatalogueRequest("", SearchFilters(mse_only=True), order="seller_class")) == [2, 6, 1]
    assert numbers(search, CatalogueRequest("", SearchFilters(mse_only=True), order="seller_class", descending=True)) == [1, 6, 2]
    assert numbers(search, CatalogueRequest("", SearchFilters(statuses=("published",)), order="seller_class",
                                            descending=True)) == [4, 1, 2]


def test_an_unknown_sort_key_falls_back_to_feed_order(search):
    assert numbers(search, CatalogueRequest(order="no-such-column")) == [1, 2, 3, 4, 5, 6]


def test_feed_order_descending_also_applies_to_a_text_search(search):
    assert numbers(search, CatalogueRequest("chair", order="feed", descending=True)) == [6, 3, 1]


# -- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("filters", "found"), [
    # district: a whole token, not a prefix; spelling and punctuation folded
    (SearchFilters(district="Durg"), [4, 5]),
    (SearchFilters(district="Durgapur"), [3]),
    (SearchFilters(district="janjgir champa"), [2]),
    (SearchFilters(district="Janjgir-Champa"), [2]),
    (SearchFilters(district="Korba"), []),
    (SearchFilters(district=" - "), [1, 2, 3, 4, 5, 6]),  # nothing to match: no filter
    # MSE only: micro and small enterprises (the procurement policy's MSEs); a medium firm (4),
    # "none" (3) and a class not known yet (5) are not
    (SearchFilters(mse_only=True), [1, 2, 6]),
    # a category group takes its children and grandchildren
    (SearchFilters(category_ids=[1]), [1, 2, 3, 5, 6]),
    (SearchFilters(category_ids=[2]), [1, 3, 6]),
    (SearchFilters(category_ids=[4]), [3, 6]),
    (SearchFilters(category_ids=[3]), [4]),
    (SearchFilters(category_ids=[2, 3]), [1, 3, 4, 6]),
    # price range, both ends included
    (SearchFilters(min_price_paise=200_00, max_price_paise=500_00), [1, 3, 5]),
    (SearchFilters(min_price_paise=700_00), [4, 6]),
    (SearchFilters(max_price_paise=100_00), [2]),
    (SearchFilters(min_price_paise=600_00, max_price_paise=650_00), []),
    # Make in India class
    (SearchFilters(mii_class="class_ii"), [2, 6]),
    (SearchFilters(mii_class="non_local"), [4]),
    # statuses
    (SearchFilters(statuses=("published", "out_of_stock")), [1, 2, 3, 4]),
    (SearchFilters(statuses=("draft",)), [5]),
    # together
    (SearchFilters(category_ids=[1], mse_only=True, statuses=("published",)), [1, 2]),
    (SearchFilters(district="Raipur", max_price_paise=250_00), [5]),
])
def test_filters(search, filters, found):
    assert numbers(search, CatalogueRequest("", filters)) == found


def test_filters_with_words_and_a_sort(search):
    assert numbers(search, CatalogueRequest("chair", SearchFilters(mse_only=True))) == [1, 6]
    assert numbers(search, CatalogueRequest("steel", SearchFilters(district="Raipur"))) == [1]
    assert numbers(search, CatalogueRequest("steel", SearchFilters(district="Durg"))) == []
    assert numbers(search, CatalogueRequest("warranty", SearchFilters(category_ids=[1]), order="price", descending=True)) == [6, 3, 1, 5, 2]
    assert numbers(search, CatalogueRequest("कुर्सी", SearchFilters(category_ids=[4]))) == [3, 6]


def test_a_sellers_new_class_reaches_its_listings(cache, search):
    # Seller 2 registers as a small enterprise: its chair now counts as MSE and sorts with the small ones.
    cache.apply_page([], [seller(2, "small")], {"cursor": "c7"})
    assert numbers(search, CatalogueRequest("", SearchFilters(mse_only=True))) == [1, 2, 3, 6]
    assert numbers(search, CatalogueRequest(order="seller_class")) == [2, 6, 1, 3, 4, 5]
    # A listing of a seller known from an earlier page takes the seller's class without it.
    cache.apply_page([{"op": "upsert", "seq": 8, "listing": listing(7, "Filing cabinet", "Godrej", 400_00, 2, 1, 1,
                                                                       "class_i", "published", ["Raipur"])}],
                     [], {"cursor": "c8"})
    assert numbers(search, CatalogueRequest("cabinet", SearchFilters(mse_only=True))) == [7]
    [rowid] = [r for chunk in search.rowids(CatalogueRequest("cabinet")) for r in chunk]
    assert search.rows([rowid])[rowid]["seller_class"] == "micro"


def test_sellers_are_kept_without_names_and_none_means_not_an_mse(cache):
    assert cache.seller(1)["mse_class"] == "micro"
    assert cache.seller(2)["mse_class"] == "none"
    assert cache.seller(99) is None
    assert "name" not in cache.seller(1)


# -- streaming ----------------------------------------------------------------------------------


def test_chunks_first_small_then_large_each_row_once_in_order(search):
    request = CatalogueRequest(order="price")
    chunks = list(search.rowids(request, first=2, chunk=3))
    assert [len(c) for c in chunks] == [2, 3, 1]
    streamed = [rowid for chunk in chunks for rowid in chunk]
    assert len(set(streamed)) == len(streamed) == 6
    whole = [rowid for chunk in search.rowids(request, first=100) for rowid in chunk]
    assert streamed == whole
    assert numbers(search, request, first=1, chunk=1) == [2, 5, 1, 3, 6, 4]


def test_no_match_yields_no_chunk(search):
    assert list(search.rowids(CatalogueRequest("zzzz"))) == []


def test_a_superseded_search_ends_with_interrupted(cache, search):
    stop = threading.Event()
    stream = search.rowids(CatalogueRequest(order="title"), superseded=stop.is_set, first=2, chunk=2)
    first = next(stream)
    assert len(first) == 2
    stop.set()  # the clerk typed the next letter
    with pytest.raises(Interrupted):
        next(stream)
    assert cache.engine.pool.checkedout() == 0  # the connection went back
    # Superseded before it started: nothing at all.
    with pytest.raises(Interrupted):
        next(search.rowids(CatalogueRequest(), superseded=lambda: True))
    # The next search runs normally.
    assert numbers(search, CatalogueRequest(order="title")) == [5, 6, 4, 3, 1, 2]


def test_a_stream_dropped_half_way_gives_its_connection_back(cache, search):
    stream = search.rowids(CatalogueRequest(), first=1, chunk=1)
    next(stream)
    stream.close()
    assert cache.engine.pool.checkedout() == 0
    search.interrupt()  # nothing running: no effect
    assert numbers(search, CatalogueRequest()) == [1, 2, 3, 4, 5, 6]


# -- rows ---------------------------------------------------------------------------------------


def test_rows_carry_the_table_columns_and_skip_deleted_ones(cache, search):
    rowids = [rowid for chunk in search.rowids(CatalogueRequest(order="feed")) for rowid in chunk]
    rows = search.rows(rowids)
    assert set(rows) == set(rowids)
    chair = next(row for row in rows.values() if row["id"] == "id-3")
    assert set(chair) == set(ROW_COLUMNS)
    assert {k: chair[k] for k in ("title", "brand", "model", "price_paise", "mrp_paise", "stock", "seller_class",
                                  "mii_class", "status", "category_id")} == {
        "title": "Revolving chair", "brand": "Featherlite", "model": "M3", "price_paise": 500_00, "mrp_paise": 1000_00,
        "stock": 0, "seller_class": "none", "mii_class": "class_i", "status": "out_of_stock", "category_id": 4}
    assert rows[rowids[4]]["seller_class"] is None  # seller 5 not known yet
    # Listing 3 is retired and leaves the cache while the table still holds its rowid.
    cache.apply_page([{"op": "delete", "seq": 7, "id": "id-3"}], [], {"cursor": "c7"})
    again = search.rows(rowids)
    assert set(again) == set(rowids) - {chair["rowid"]}
    assert search.rows([]) == {}
    assert search.rows([10**9]) == {}


# -- an older cache -----------------------------------------------------------------------------


def test_a_schema_1_cache_is_refilled_and_keeps_its_owner(tmp_path):
    made = Cache(tmp_path)
    fill(made)
    made.set_state({"owner": "demo-buyer@http://gem.example", "profile": json.dumps({"username": "demo-buyer"})})
    with made.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA user_version=1")
    made.close()

    again = Cache(tmp_path)
    try:
        assert again.count() == 0
        assert again.state("cursor") is None  # the next sync pulls from the start
        assert again.state("owner") == "demo-buyer@http://gem.example"
        assert json.loads(again.state("profile")) == {"username": "demo-buyer"}
        assert not list(tmp_path.glob("cache.sqlite.unusable-*"))  # refilled in place, not set aside
        with again.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION
        # Filled again, it searches, filters and sorts as a new cache does.
        fill(again)
        found = CatalogueSearch(again)
        assert numbers(found, CatalogueRequest("chair", SearchFilters(mse_only=True), order="seller_class")) == [6, 1]
        assert numbers(found, CatalogueRequest("", SearchFilters(district="Durg"))) == [4, 5]
    finally:
        again.close()


# -- a long search, interrupted from another thread ---------------------------------------------

BIG = 50_000
# Every listing matches every word: a pasted run of words makes one long statement.
LONG_TEXT = "steel chair " * 100
_COLUMNS = ("id", "seller_id", "category_id", "title", "brand", "model", "key_specs", "other_specs", "country_of_origin",
            "local_content_pct", "mii_class", "mrp_paise", "price_paise", "stock", "min_order_qty", "delivery_districts",
            "delivery_pincodes", "images", "status", "reject_reason", "version", "created_at", "updated_at", "feed_seq",
            "category_names", "specs_text", "filter_tokens", "seller_class", "delivers_home")


@pytest.fixture(scope="session")
def big_cache(tmp_path_factory):
    """A cache of BIG listings, written straight into SQLite (the FTS index built once at the end)."""
    made = Cache(tmp_path_factory.mktemp("big-cache"))
    made.set_categories(CATEGORIES)
    rows = [(f"big-{n}", 1 + n % 4, 2, "Steel chair", f"Brand {n % 50}", f"M{n}", "{}", "{}", "India", 60, "class_i",
             200_000, 100_000 + (n * 7919) % 90_000, n % 100, 1, '["Raipur"]', "[]", "[]", "published", None, 1,
             "2026-11-24T00:00:00Z", "2026-11-24T00:00:00Z", n + 1, "Office Chairs Furniture", "", "c2 c1",
             ("micro", "small", "medium", "none")[n % 4], 0) for n in range(BIG)]
    raw = made.engine.raw_connection()
    try:
        trigger = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'listings_fts_insert'").fetchone()[0]
        raw.execute("DROP TRIGGER listings_fts_insert")
        raw.executemany(f"INSERT INTO listings ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", rows)
        raw.execute("INSERT INTO listings_fts(listings_fts) VALUES ('rebuild')")
        raw.execute(trigger)
        raw.commit()
    finally:
        raw.close()
    yield made
    made.close()


def test_default_chunks_on_a_big_catalogue(big_cache):
    search = CatalogueSearch(big_cache)
    chunks = list(search.rowids(CatalogueRequest("chair", order="price", descending=True)))
    assert [len(c) for c in chunks] == [FIRST_CHUNK, CHUNK, BIG - FIRST_CHUNK - CHUNK] if BIG > FIRST_CHUNK + CHUNK \
        else [FIRST_CHUNK, BIG - FIRST_CHUNK]
    streamed = [rowid for chunk in chunks for rowid in chunk]
    assert len(streamed) == len(set(streamed)) == BIG
    shown = search.rows(streamed[:2000])
    prices = [shown[rowid]["price_paise"] for rowid in streamed[:2000]]
    assert prices == sorted(prices, reverse=True) and prices[0] > prices[-1]


def test_interrupt_from_another_thread_stops_a_long_search(big_cache):
    search = CatalogueSearch(big_cache)
    request = CatalogueRequest(LONG_TEXT, order="price")
    started = time.monotonic()
    whole = sum(len(c) for c in search.rowids(request, first=10**9))
    uninterrupted = time.monotonic() - started
    assert whole == BIG and uninterrupted > 0.4, "the search is too quick to show an interruption"

    stop, outcome = threading.Event(), {}

    def run() -> None:
        try:
            outcome["rows"] = sum(len(c) for c in search.rowids(request, superseded=stop.is_set, first=10**9))
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = error
        outcome["ended"] = time.monotonic()

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 5
    while search._running is None and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(min(0.1, uninterrupted / 4))  # well inside the statement
    asked = time.monotonic()
    stop.set()
    while worker.is_alive() and time.monotonic() < deadline:
        search.interrupt()  # from this thread, as the GUI's does
        worker.join(0.005)
    worker.join()
    assert isinstance(outcome.get("error"), Interrupted), outcome
    assert "rows" not in outcome
    assert outcome["ended"] - asked < min(0.3, uninterrupted / 2)
    assert isinstance(outcome["error"].__context__, sqlite3.OperationalError)  # the statement itself was stopped
    # The connection it ran on serves the next search normally.
    assert sum(len(c) for c in search.rowids(CatalogueRequest("chair", SearchFilters(mse_only=True)))) == BIG // 2
