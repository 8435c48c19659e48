"""A little buying activity for the quick-start demo, so that its Bids and Orders tabs have
something to show: made once, on a demo marketplace that has no bid yet, through the
marketplace's API as the demo people themselves would make it (every rule and the audit
trail apply).

- a bid by demo-buyer, approved and published by demo-approver, open for offers in a
  category where demo-seller sells (demo-seller finds it among its bids for it);
- a direct purchase by demo-buyer waiting for demo-approver;
- a direct purchase approved, accepted and delivered by demo-seller, waiting for the CRAC.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from app.api import ApiClient
from app.config import ConnectionSettings
from domain.buying_modes import default_rule_book
from domain.money import rupees_text
from domain.timefmt import IST, iso_utc, parse_iso

DISTRICT = "Raipur"  # demo-buyer's office


def _signed_in(url: str, username: str, password: str) -> ApiClient:
    api = ApiClient(ConnectionSettings(server_url=url))
    api.login(username, password)
    return api


def _key() -> str:
    return str(uuid.uuid4())


def make_activity(url: str, password: str = "demo") -> list[str]:
    """What was made, one line each; nothing when the marketplace already has bids."""
    buyer, officer, seller, admin = (_signed_in(url, name, password)
                                     for name in ("demo-buyer", "demo-approver", "demo-seller", "demo-admin"))
    if buyer.get("/api/v1/bids")["bids"]:
        return []
    now = parse_iso(buyer.get("/api/v1/time")["now"])
    direct_limit = default_rule_book().rule_set_for(now.astimezone(IST).date()).direct_limit_paise
    firm = seller.get("/api/v1/me")["seller_firm"]["id"]
    # (only an administrator lists listings by status)
    listings = [item for item in admin.get("/api/v1/listings", status="published", limit=5000)["listings"]
                if item["seller_id"] == firm and DISTRICT in item["delivery_districts"] and item["stock"] >= 10
                and item["min_order_qty"] <= 2 and 2 * item["price_paise"] <= direct_limit]
    if not listings:
        return []
    listing = min(listings, key=lambda item: item["price_paise"])
    made: list[str] = []

    bid_id = _key()
    draft = buyer.write("PUT", f"/api/v1/bids/{bid_id}", {
        "title": f"{listing['title'].split(',')[0]}: 50 for the district hospitals of Raipur and Mahasamund",
        "estimated_value_paise": 50 * listing["price_paise"], "end_at": iso_utc(now + timedelta(days=12)),
        "min_offers": 1,
        "items": [{"id": "1", "name": listing["title"], "category_id": listing["category_id"], "key_specs": {},
                   "consignees": [{"district": DISTRICT, "quantity": 40, "delivery_days": 30},
                                  {"district": "Mahasamund", "quantity": 10, "delivery_days": 45}]}]}, _key())
    sent = buyer.write("POST", f"/api/v1/bids/{bid_id}/send-for-approval", None, _key(), draft["version"])
    published = officer.write("POST", f"/api/v1/bids/{bid_id}/approve", {"remark": "Funds under budget head 31"},
                              _key(), sent["version"])
    made.append(f"bid {published['number']} open for offers")

    waiting = buyer.write("PUT", f"/api/v1/purchases/{_key()}", {
        "mode": "direct", "listing_id": listing["id"], "quantity": 1, "consignee_district": DISTRICT}, _key())
    made.append(f"a direct purchase of {rupees_text(waiting['total_paise'])} waiting for the approving officer")

    order = buyer.write("PUT", f"/api/v1/purchases/{_key()}", {
        "mode": "direct", "listing_id": listing["id"], "quantity": 2, "consignee_district": DISTRICT}, _key())
    placed = officer.write("POST", f"/api/v1/orders/{order['id']}/approve", {"remark": "Within the direct limit"}, _key())
    delivered = seller.write("POST", f"/api/v1/orders/{order['id']}/deliver", {"remark": "Invoice MSF/2026/0412"}, _key())
    made.append(f"order {placed['number']} {delivered['status']}, waiting for the CRAC")
    return made
