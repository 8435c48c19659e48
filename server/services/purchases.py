"""Direct and L1 purchases from the catalogue, and the approving officer's decision on them.

A buyer orders one catalogue listing for a consignee's district:
- **direct**: any listing that delivers there, while the order's value stays within the
  direct purchase limit in force on the server's date (domain/buying_modes.py);
- **l1**: the server compares the published listings of the category that meet the key
  parameters the buyer chose and deliver there (domain/l1_comparison.py); only the L1 may be
  ordered, within the L1 limit; with fewer than three OEMs the buyer must record why.
The order waits for an approver of the same office (never the one who raised it), who places
it or returns it with a remark. The answer carries any demand-splitting warning
(Rule 149(viii)) from the office's orders of the same category in the last 30 days.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.buying_modes import NoRuleSet, Purchase, Route, default_rule_book, splitting_warnings
from domain.bid_fields import is_whole
from domain.l1_comparison import Candidate, compare, meets
from domain.listing import BUYER_VISIBLE
from domain.money import rupees_text
from server.db.models import Category, Listing, PurchaseOrder
from server.db.trail import act_as
from server.errors import ApiError, forbidden, not_found, validation_failed
from server.services.bids import order_json, parse_id, remark_from, require_checker
from server.services.caller import Caller

SPLITTING_WINDOW = timedelta(days=30)
ROUTES = {"direct": Route.DIRECT_PURCHASE, "l1": Route.L1_PURCHASE}


def _delivers(listing: Listing, district: str) -> bool:
    wanted = " ".join(district.split()).casefold()
    return any(" ".join(str(d).split()).casefold() == wanted for d in listing.delivery_districts or [])


def _body(body: Any) -> dict[str, Any]:
    allowed = {"mode", "listing_id", "quantity", "consignee_district", "key_specs", "reason"}
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object"})
    problems = {name: "is not a field of a purchase" for name in set(body) - allowed}
    if body.get("mode") not in ROUTES:
        problems["mode"] = "must be direct or l1"
    if not is_whole(body.get("quantity")) or not 1 <= body["quantity"] <= 10_000_000:
        problems["quantity"] = "must be a whole number from 1 to 10000000"
    district = body.get("consignee_district")
    if not isinstance(district, str) or not district.strip() or len(district) > 100:
        problems["consignee_district"] = "needs the consignee's district"
    specs = body.get("key_specs", {})
    if not isinstance(specs, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in specs.items()):
        problems["key_specs"] = "must map key parameters to the values required"
    reason = body.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > 2000):
        problems["reason"] = "must be text of at most 2000 characters"
    if parse_id(body.get("listing_id")) is None:
        problems["listing_id"] = "must be a listing's id"
    if problems:
        raise validation_failed(problems)
    return body


def _limit(route: Route, category: Category, now: datetime) -> tuple[int, str]:
    try:
        rule_set = default_rule_book().rule_set_for(now.date())
    except NoRuleSet as error:  # only a clock before 2017 gets here
        raise ApiError(409, "no_rules", str(error)) from None
    limit = rule_set.direct_limit_paise if route is Route.DIRECT_PURCHASE else rule_set.l1_limit_for(category.name_en)
    return limit, rule_set.order.citation


def comparison_for(session: Session, category_id: int, key_specs: dict[str, str], district: str) -> dict[str, Any]:
    """The L1 comparison as the server sees it: published listings of the category meeting
    the key parameters and delivering to the district, lowest price first."""
    listings = session.scalars(select(Listing).where(Listing.category_id == category_id,
                                                     Listing.status.in_(BUYER_VISIBLE), Listing.stock > 0))
    candidates = [Candidate(l.id, l.brand, l.price_paise, l.title) for l in listings
                  if meets(l.key_specs or {}, key_specs) and _delivers(l, district)]
    result = compare(candidates)
    return {"ranked": [{"listing_id": c.listing_id, "brand": c.brand, "price_paise": c.price_paise, "title": c.title}
                       for c in result.ranked[:50]],
            "oems": list(result.oems), "l1_listing_id": result.l1.listing_id if result.l1 else None,
            "enough_oems": result.enough_oems}


def create(session: Session, caller: Caller, order_id: str, body: Any, now: datetime) -> tuple[PurchaseOrder, list[str]]:
    if caller.role != "buyer" or caller.buyer_org_id is None:
        raise forbidden("Only a buyer of the office can make a purchase.")
    canonical = parse_id(order_id)
    if canonical is None:
        raise validation_failed({"id": "must be a UUID made by the client"})
    if session.get(PurchaseOrder, canonical) is not None:
        raise ApiError(409, "already_exists", "This purchase exists already.")
    data = _body(body)
    listing = session.get(Listing, parse_id(data["listing_id"]))
    if listing is None or listing.status not in BUYER_VISIBLE:
        raise validation_failed({"listing_id": "is not a listing on sale"})
    route = ROUTES[data["mode"]]
    district = " ".join(data["consignee_district"].split())
    problems: dict[str, str] = {}
    if not _delivers(listing, district):
        problems["consignee_district"] = f"this listing does not deliver to {district}"
    if data["quantity"] > listing.stock:
        problems["quantity"] = f"only {listing.stock} in stock"
    elif data["quantity"] < listing.min_order_qty:
        problems["quantity"] = f"the seller's minimum order is {listing.min_order_qty}"
    category = session.get(Category, listing.category_id)
    total = listing.price_paise * data["quantity"]
    limit, citation = _limit(route, category, now)
    if total > limit:
        name = "direct purchase" if route is Route.DIRECT_PURCHASE else "L1 purchase"
        problems["quantity"] = (f"{rupees_text(total)} is above the {name} limit of {rupees_text(limit)} "
                                f"({citation}); buy by {'L1 purchase or ' if route is Route.DIRECT_PURCHASE else ''}bid")
    comparison = None
    reason = (data.get("reason") or "").strip() or None
    if route is Route.L1_PURCHASE:
        comparison = comparison_for(session, listing.category_id, data.get("key_specs", {}), district)
        if comparison["l1_listing_id"] != listing.id:
            l1 = comparison["ranked"][0] if comparison["ranked"] else None
            problems["listing_id"] = ("only the L1 listing can be ordered" + (
                f": {l1['title']} ({l1['brand']}) at {rupees_text(l1['price_paise'])}" if l1 else ""))
        elif not comparison["enough_oems"] and reason is None:
            problems["reason"] = (f"only {len(comparison['oems'])} OEM(s) meet the requirement; say why you buy "
                                  "with fewer than three")
    if problems:
        raise validation_failed(problems)
    warnings = _splitting(session, caller.buyer_org_id, category, route, total, now)
    act_as(session, caller.actor, f"order.{data['mode']}_purchase")
    order = PurchaseOrder(
        id=canonical, mode=data["mode"], bid_id=None, buyer_org_id=caller.buyer_org_id, created_by=caller.user_id,
        seller_firm_id=listing.seller_firm_id, category_id=listing.category_id, consignee_district=district,
        lines=[{"item": listing.title, "listing_id": listing.id, "quantity": data["quantity"],
                "unit_price_paise": listing.price_paise, "total_paise": total, "rule": data["mode"]}],
        total_paise=total, comparison=comparison, reason=reason, status="awaiting_approval", created_at=now)
    session.add(order)
    return order, warnings


def _splitting(session: Session, office: int, category: Category, route: Route, total: int, now: datetime) -> list[str]:
    earlier = session.scalars(select(PurchaseOrder).where(
        PurchaseOrder.buyer_org_id == office, PurchaseOrder.category_id == category.id,
        PurchaseOrder.mode.in_(tuple(ROUTES)), PurchaseOrder.status != "returned",
        PurchaseOrder.created_at >= now - SPLITTING_WINDOW))
    past = [Purchase(o.created_at.date(), category.name_en, o.total_paise, ROUTES[o.mode], o.id[:8]) for o in earlier]
    new = Purchase(now.date(), category.name_en, total, route, "this purchase")
    return [warning.message for warning in splitting_warnings(new, past)]


def decide(session: Session, caller: Caller, order_id: str, approve: bool, body: Any) -> PurchaseOrder:
    order = session.get(PurchaseOrder, parse_id(order_id) or "")
    if order is None or (caller.buyer_org_id != order.buyer_org_id and not caller.is_admin):
        raise not_found("There is no such order, or it is not one you may see.")
    require_checker(caller, order.buyer_org_id, order.created_by, "purchase")
    if order.status != "awaiting_approval":
        raise ApiError(409, "wrong_state", f"This order is {order.status.replace('_', ' ')}, not awaiting approval.")
    remark = remark_from(body, required=not approve)
    act_as(session, caller.actor, "order.approved" if approve else "order.returned")
    order.status = "placed" if approve else "returned"
    order.remark = remark
    return order


def as_json(order: PurchaseOrder, warnings: list[str] | None = None) -> dict[str, Any]:
    data = order_json(order)
    if warnings is not None:
        data["warnings"] = warnings
    return data
