"""Hypothesis over the free-form fields, on SQLite and PostgreSQL: a listing's specifications,
a bid item's key parameters, an offer's compliance statement, a purchase's and a
comparison's key parameters get hostile JSON (nested far too deep, numbers past 64 bits or
past what a float holds, NaN, NUL and lone surrogates, long text, wrong types); whatever a
write accepts is then read back through every list and detail that carries it, as each
party that sees it, and for offers again after their bids open. The run fails on any 5xx
and on any traceback or error in the server's log; derandomized, a fixed number of examples,
figures printed with the test's output."""

from __future__ import annotations

import json
import os
import re
import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from tests.server.probing import Figures, ServerLog, build_world

EXAMPLES = int(os.environ.get("GEMDESK_PROBE_EXAMPLES_FREE_FORM", "30"))
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
pytestmark = pytest.mark.slow


def _deep(levels: int, inner):
    return st.just(None).map(lambda _: _nest(levels, inner))


def _nest(levels, inner):
    value = inner
    for n in range(levels):
        value = [value] if n % 2 else {"k": value}
    return value


_OVERFLOWING = "@@1e999@@"  # written into the body as the number 1e999 (which Python reads as infinity)
_leaf = (st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80)
         | st.sampled_from([2**63, -(2**63) - 1, 10**28, float("inf"), float("nan"), 1e308, -0.0, _OVERFLOWING])
         | st.floats(allow_nan=False) | st.text(max_size=30)
         | st.sampled_from(["a\x00b", "\ud800", "x" * 1001, "\u202e\u0915\u093f", ""]))
_json = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4), max_leaves=10)
# Valid text maps too, with any text in them: what is accepted is what must read back.
_text_map = st.dictionaries(st.sampled_from(["ram_gb", "os", "material"]) | st.text(min_size=1, max_size=12),
                            st.text(min_size=1, max_size=60), min_size=1, max_size=5)
# A right name with a wrong value: past the compliance check's own rule, into what is stored.
_named = st.builds(lambda name, levels, leaf: {name: _nest(levels, leaf)}, st.sampled_from(["ram_gb", "os"]),
                   st.integers(min_value=1, max_value=400), _leaf)
hostile = (_text_map | _named | _json | st.integers(min_value=13, max_value=400).flatmap(lambda n: _deep(n, "x"))
           | st.dictionaries(st.text(max_size=20), _leaf, max_size=120)
           | st.dictionaries(st.sampled_from(["ram_gb", "os", "material"]), _json, min_size=1, max_size=3))


def _raw(body) -> bytes:
    # allow_nan: NaN and Infinity sent as JSON's non-standard words, as a careless client might.
    text = json.dumps(body, allow_nan=True).replace(json.dumps(_OVERFLOWING), "1e999")
    return text.encode("utf-8", "surrogatepass")


@pytest.fixture
def world(market):
    yield from build_world(market)


def test_free_form_fields_written_hostile_and_read_back_everywhere(world, market, capsys):
    figures = Figures(f"free-form fuzzer, {EXAMPLES} examples a field")
    log = ServerLog()
    client = world.client
    h = {**world.headers, "seller-a": market.headers("seller-a")}
    laptops = market.ids["laptops"]

    def send(method: str, path: str, role: str, what: str, body=None, **extra):
        headers = {**h[role], **extra}
        if body is not None:
            headers["Content-Type"] = "application/json"
        response = client.request(method, path, headers=headers, content=None if body is None else _raw(body))
        figures.count(f"{method} {_UUID.sub('{id}', path.split('?')[0])}", response.status_code, what)
        return response

    def read_all(paths: list[tuple[str, str]], what: str) -> None:
        for role, path in paths:
            send("GET", path, role, f"reading {what}")

    def listing_body(field, value):
        body = {"category_id": laptops, "title": "Fuzzed", "brand": "Dell", "model": "X", "key_specs": {"ram_gb": "16",
                "os": "Linux"}, "other_specs": {}, "country_of_origin": "India", "local_content_pct": 50,
                "mrp_paise": 1000, "price_paise": 900, "stock": 3, "delivery_districts": ["Raipur"], "submit": True}
        body[field] = value
        return body

    # A few bids open for offers, with the same end: each fuzzed offer goes to one of them.
    end = world.clock.now + timedelta(days=12)
    open_bids = []
    for _ in range(3):
        bid_id = str(uuid.uuid4())
        item = {"id": "LAPTOP", "name": "Laptop", "category_id": laptops, "key_specs": {"ram_gb": "16"},
                "consignees": [{"district": "Raipur", "quantity": 2, "delivery_days": 30}]}
        bid = send("PUT", f"/api/v1/bids/{bid_id}", "buyer", "setup", {
            "title": "Fuzz", "items": [item], "estimated_value_paise": 2 * 80_000_00, "min_offers": 1,
            "end_at": end.isoformat()}).json()
        bid = send("POST", f"/api/v1/bids/{bid_id}/send-for-approval", "buyer", "setup", **{"If-Match": "1"}).json()
        send("POST", f"/api/v1/bids/{bid_id}/approve", "approver", "setup", {"remark": "ok"},
             **{"If-Match": str(bid["version"])})
        open_bids.append(bid_id)

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(field=st.sampled_from(["key_specs", "other_specs"]), value=hostile)
    @example(field="other_specs", value={"Warranty": _OVERFLOWING})
    def listings(field, value):
        listing_id = str(uuid.uuid4())
        written = send("PUT", f"/api/v1/listings/{listing_id}", "seller-a", f"listing.{field}",
                       listing_body(field, value), **{"Idempotency-Key": str(uuid.uuid4())})
        if written.status_code < 300:
            read_all([("seller-a", f"/api/v1/listings/{listing_id}"), ("buyer", f"/api/v1/listings/{listing_id}"),
                      ("buyer", "/api/v1/changes?limit=5000"), ("seller-a", "/api/v1/changes?limit=5000"),
                      ("admin", "/api/v1/listings?status=published"),
                      ("admin", f"/api/v1/audit?entity_id={listing_id}")], "a listing")

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(value=hostile, title=st.text(max_size=40) | _leaf, member=st.sampled_from(["key_specs", "notes"]))
    @example(value=_nest(300, "x"), title="Deep", member="notes")
    def bids(value, title, member):
        bid_id = str(uuid.uuid4())
        item = {"id": "LAPTOP", "name": "Laptop", "category_id": laptops, "key_specs": {"ram_gb": "16"},
                "consignees": [{"district": "Raipur", "quantity": 2, "delivery_days": 30}], member: value}
        written = send("PUT", f"/api/v1/bids/{bid_id}", "buyer", f"bid.items[0].{member}", {
            "title": title, "items": [item], "estimated_value_paise": 1000, "end_at": end.isoformat()})
        if written.status_code < 300:
            read_all([(role, f"/api/v1/bids/{bid_id}") for role in ("buyer", "approver", "admin")]
                     + [(role, "/api/v1/bids") for role in ("buyer", "approver", "admin")]
                     + [("buyer", f"/api/v1/bids/{bid_id}/history")], "a bid")

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(value=hostile, which=st.integers(0, 2), price=st.integers(1, 10**9) | st.integers(-5, 2**64) | _leaf)
    # What the probe of issue 14 found, always tried: these were stored and broke later reads.
    @example(value={"ram_gb": _nest(300, "16")}, which=0, price=7_000_000)
    @example(value={"ram_gb": _OVERFLOWING}, which=1, price=7_000_000)
    @example(value={"ram_gb": "16"}, which=2, price=2**62)
    def offers(value, which, price):
        bid_id = open_bids[which]
        body = {"local_content_pct": 30, "items": {"LAPTOP": {"unit_price_paise": price, "listing_id": None,
                                                                "compliance": value}}}
        mine = send("GET", f"/api/v1/bids/{bid_id}/my-offer", "seller-c", "setup")
        offer_id = mine.json()["id"] if mine.status_code == 200 else str(uuid.uuid4())
        written = send("PUT", f"/api/v1/bids/{bid_id}/offers/{offer_id}", "seller-c", "offer compliance", body)
        if written.status_code < 300:
            read_all([("seller-c", f"/api/v1/bids/{bid_id}/my-offer"), ("seller-c", "/api/v1/bids")], "an offer")

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(value=hostile, mode=st.sampled_from(["direct", "l1"]))
    def purchases(value, mode):
        listing = world.ids["listing_id"][0]
        send("POST", "/api/v1/purchases/l1-comparison", "buyer", "comparison key_specs",
             {"category_id": laptops, "consignee_district": "Raipur", "key_specs": value})
        written = send("PUT", f"/api/v1/purchases/{uuid.uuid4()}", "buyer", "purchase key_specs", {
            "mode": mode, "listing_id": listing, "quantity": 1, "consignee_district": "Raipur", "key_specs": value,
            "reason": "fuzz"})
        if written.status_code < 300:
            read_all([("buyer", "/api/v1/orders"), ("approver", "/api/v1/orders"), ("admin", "/api/v1/orders"),
                      ("buyer", f"/api/v1/orders/{written.json()['id']}")], "a purchase")

    with log.watching():
        for probe in (listings, bids, offers, purchases):
            probe()
        # Opened: every offer's stored value is read by the office and the administrator.
        # To the end and the opening; then a week on, for a bid extended for want of offers.
        for at in (end + timedelta(minutes=31), end + timedelta(days=7, minutes=31)):
            send("POST", "/api/v1/test/clock", "admin", "opening",
                 {"advance_seconds": int((at - world.clock.now).total_seconds())})
        for bid_id in open_bids:
            read_all([(role, f"/api/v1/bids/{bid_id}{path}") for role in ("buyer", "admin")
                      for path in ("", "/offers", "/evaluation", "/audit-export", "/history")]
                     + [("seller-c", f"/api/v1/bids/{bid_id}/evaluation"), ("admin", f"/api/v1/audit/sealed/{bid_id}")],
                     "opened offers")
    with capsys.disabled():
        print(figures.report(len(figures.operations)))
    assert not figures.failures, figures.failures[:20]
    assert not log.problems, log.problems[:5]
    assert figures.reached  # the fuzzer got past the doors: something was written and read
