"""The quick-start demo's buying activity, made through a real server's API: a bid open for
offers, a purchase waiting for the officer and an order waiting for its CRAC; made once."""

from __future__ import annotations

from app.demo_activity import make_activity
from tests.client.conftest import PASSWORD


def test_the_demo_has_a_bid_and_orders_to_show_and_makes_them_once(server, device):
    made = make_activity(server.url, PASSWORD)
    assert len(made) == 3 and made[0].startswith("bid GEM/")
    buyer, seller = device("demo-buyer"), device("demo-seller")
    bids = buyer.session.api.get("/api/v1/bids")["bids"]
    assert [b["status"] for b in bids] == ["published"]
    assert [b["id"] for b in seller.session.api.get("/api/v1/bids")["bids"]] == [bids[0]["id"]]  # bids for demo-seller
    orders = buyer.session.api.get("/api/v1/orders")["orders"]
    assert sorted(o["status"] for o in orders) == ["awaiting_approval", "delivered"]
    assert make_activity(server.url, PASSWORD) == []
    assert len(buyer.session.api.get("/api/v1/orders")["orders"]) == 2
