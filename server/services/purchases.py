"""Direct and L1 purchases from the catalogue, and the approving officer's decision on them.

A buyer orders one catalogue listing for a consignee's district (a direct purchase may hold
several listings of one seller, from the desktop's cart: each line is checked on its own and
the order's total against the limit):
- **direct**: any listing that delivers there, while the order's value stays within the
  direct purchase limit in force on the server's date (domain/buying_modes.py);
- **l1**: the server compares the published listings of the category that meet the key
  parameters the buyer chose and deliver there (domain/l1_comparison.py); only the L1 may be
  ordered, within the L1 limit; with fewer than three OEMs the buyer must record why.
The order waits for an approver of the same office (never the one who raised it), who places
it (server/services/orders.py takes it from there) or returns it with a remark. The answer carries any demand-splitting warning
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
from domain.bid_fields import INT32_MAX
from domain.free_form import TEXT_MAP, check as free_form_problems
from domain.money import MAX_PAISE, MoneyOutOfBounds, line_total, rupees_text
from domain.names import name_key
from server.db.models import Category, Listing, PurchaseOrder
from server.db.trail import act_as
from server.errors import ApiError, forbidden, validation_failed
from server.services import orders as order_rules
from server.services.bids import require_checker
from server.services.caller import Caller
from server.services.text import parse_id, remark_from

SPLITTING_WINDOW = timedelta(days=30)
ROUTES = {"direct": Route.DIRECT_PURCHASE, "l1": Route.L1_PURCHASE}
MAX_LINES = 50
MAX_QUANTITY = 10_000_000


def _delivers(listing: Listing, district: str) -> bool:
    wanted = name_key(district)
    return any(name_key(d) == wanted for d in listing.delivery_districts or [])


def _body(body: Any) -> dict[str, Any]:
    allowed = {"mode", "listing_id", "quantity", "lines", "consignee_district", "key_specs", "reason"}
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object"})
    problems = {name: "is not a field of a purchase" for name in set(body) - allowed}
    if body.get("mode") not in ROUTES:
        problems["mode"] = "must be direct or l1"
    if "lines" in body:
        problems.update(_lines_problems(body))
    elif not is_whole(body.get("quantity")) or not 1 <= body["quantity"] <= MAX_QUANTITY:
        problems["quantity"] = f"must be a whole number from 1 to {MAX_QUANTITY}"
    district = body.get("consignee_district")
    if not isinstance(district, str) or not district.strip() or len(district) > 100:
        problems["consignee_district"] = "needs the consignee's district"
    problems.update(free_form_problems(body.get("key_specs", {}), "key_specs", TEXT_MAP))
    reason = body.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > 2000):
        problems["reason"] = "must be text of at most 2000 characters"
    if "lines" not in body and parse_id(body.get("listing_id")) is None:
        problems["listing_id"] = "must be a listing's id"
    if problems:
        raise validation_failed(problems)
    return body


def _lines_problems(body: dict[str, Any]) -> dict[str, str]:
    """A direct purchase of several listings of one seller: {"lines": [{"listing_id", "quantity"}]}."""
    problems: dict[str, str] = {}
    if body.get("mode") != "direct":
        problems["lines"] = "only a direct purchase can hold several lines"
    if "listing_id" in body or "quantity" in body:
        problems["lines"] = "give either lines, or listing_id and quantity, not both"
    lines = body["lines"]
    if not isinstance(lines, list) or not 1 <= len(lines) <= MAX_LINES:
        problems["lines"] = f"must list from 1 to {MAX_LINES} listings, each with listing_id and quantity"
        return problems
    seen: set[str] = set()
    for n, line in enumerate(lines):
        where = f"lines.{n}"
        if not isinstance(line, dict):
            problems[where] = "must be {listing_id, quantity}"
            continue
        for name in set(line) - {"listing_id", "quantity"}:
            problems[f"{where}.{name}"] = "is not a field of a line"
        listing_id = parse_id(line.get("listing_id"))
        if listing_id is None:
            problems[f"{where}.listing_id"] = "must be a listing's id"
        elif listing_id in seen:
            problems[f"{where}.listing_id"] = "is on an earlier line already: one line per listing"
        seen.add(listing_id or "")
        if not is_whole(line.get("quantity")) or not 1 <= line["quantity"] <= MAX_QUANTITY:
            problems[f"{where}.quantity"] = f"must be a whole number from 1 to {MAX_QUANTITY}"
    return problems


def check_comparison(body: Any) -> None:
    """An L1 comparison's question: {"category_id", "key_specs", "consignee_district"}."""
    if not isinstance(body, dict):
        raise validation_failed({"body": "needs category_id, consignee_district and key_specs"})
    problems = {name: "is not a field of a comparison" for name in set(body) - {"category_id", "key_specs",
                                                                                 "consignee_district"}}
    if not is_whole(body.get("category_id")) or not 0 < body["category_id"] <= INT32_MAX:
        problems["category_id"] = "must be the id of a catalogue category"
    district = body.get("consignee_district")
    if not isinstance(district, str) or not district.strip() or len(district) > 100:
        problems["consignee_district"] = "needs the consignee's district"
    problems.update(free_form_problems(body.get("key_specs", {}), "key_specs", TEXT_MAP))
    if problems:
        raise validation_failed(problems)


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
    route = ROUTES[data["mode"]]
    district = " ".join(data["consignee_district"].split())
    # (the prefix naming the line's fields, listing id, quantity): one line, or the cart's lines
    if "lines" in data:
        wanted = [(f"lines.{n}.", parse_id(line["listing_id"]), line["quantity"]) for n, line in enumerate(data["lines"])]
    else:
        wanted = [("", parse_id(data["listing_id"]), data["quantity"])]
    listings = [session.get(Listing, listing_id) for _, listing_id, _ in wanted]
    missing = {f"{where}listing_id": "is not a listing on sale" for (where, _, _), listing in zip(wanted, listings)
               if listing is None or listing.status not in BUYER_VISIBLE}
    if missing:
        raise validation_failed(missing)
    listing = listings[0]
    problems: dict[str, str] = {}
    lines: list[dict[str, Any]] = []
    for (where, _, quantity), each in zip(wanted, listings):
        if each.seller_firm_id != listing.seller_firm_id:
            problems[f"{where}listing_id"] = "is sold by another seller than the first line: an order is on one seller"
        elif not _delivers(each, district):
            if where:
                problems[f"{where}listing_id"] = f"does not deliver to {district}"
            else:
                problems["consignee_district"] = f"this listing does not deliver to {district}"
        if quantity > each.stock:
            problems[f"{where}quantity"] = f"only {each.stock} in stock"
        elif quantity < each.min_order_qty:
            problems[f"{where}quantity"] = f"the seller's minimum order is {each.min_order_qty}"
        try:
            line_paise = line_total(quantity, each.price_paise)
        except MoneyOutOfBounds:
            problems[f"{where}quantity"] = f"{quantity} at {rupees_text(each.price_paise)} is more than any order may be"
            line_paise = MAX_PAISE
        lines.append({"item": each.title, "listing_id": each.id, "quantity": quantity,
                      "unit_price_paise": each.price_paise, "total_paise": line_paise, "rule": data["mode"]})
    total = sum(line["total_paise"] for line in lines)
    # A mixed order is filed under the category of its largest line (the first of equals).
    main = max(zip(lines, listings), key=lambda pair: pair[0]["total_paise"])[1]
    category = session.get(Category, main.category_id)
    limit, citation = _limit(route, category, now)
    if total > limit:
        name = "direct purchase" if route is Route.DIRECT_PURCHASE else "L1 purchase"
        above = (f"is above the {name} limit of {rupees_text(limit)} ({citation}); "
                 f"buy by {'L1 purchase or ' if route is Route.DIRECT_PURCHASE else ''}bid")
        if "lines" in data:
            problems["lines"] = f"the order's total, {rupees_text(total)}, {above}"
        else:
            problems["quantity"] = f"{rupees_text(total)} {above}"
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
    # Demand splitting is judged per category: each category's share of this order against
    # the office's earlier orders of that category.
    shares: dict[int, int] = {}
    for line, each in zip(lines, listings):
        shares[each.category_id] = shares.get(each.category_id, 0) + line["total_paise"]
    warnings = [warning for category_id, share in shares.items()
                for warning in _splitting(session, caller.buyer_org_id, session.get(Category, category_id), route,
                                          share, now)]
    act_as(session, caller.actor, f"order.{data['mode']}_purchase")
    order = PurchaseOrder(
        id=canonical, mode=data["mode"], bid_id=None, buyer_org_id=caller.buyer_org_id, created_by=caller.user_id,
        seller_firm_id=listing.seller_firm_id, category_id=category.id, consignee_district=district,
        lines=lines, total_paise=total, comparison=comparison, reason=reason, status="awaiting_approval",
        created_at=now, payment_days=order_rules.PURCHASE_PAYMENT_DAYS)
    session.add(order)
    session.flush()  # the order's row before its timeline's
    order_rules.record(session, order, caller, "sent for approval", now, reason)
    return order, warnings


def _splitting(session: Session, office: int, category: Category, route: Route, total: int, now: datetime) -> list[str]:
    earlier = session.scalars(select(PurchaseOrder).where(
        PurchaseOrder.buyer_org_id == office, PurchaseOrder.category_id == category.id,
        PurchaseOrder.mode.in_(tuple(ROUTES)), PurchaseOrder.status != "returned",
        PurchaseOrder.created_at >= now - SPLITTING_WINDOW))
    past = [Purchase(o.created_at.date(), category.name_en, o.total_paise, ROUTES[o.mode], o.id[:8]) for o in earlier]
    new = Purchase(now.date(), category.name_en, total, route, "this purchase")
    return [warning.message for warning in splitting_warnings(new, past)]


def decide(session: Session, caller: Caller, order_id: str, approve: bool, body: Any, now: datetime) -> PurchaseOrder:
    """The approving officer places the order (a direct one is accepted by the system at
    once) or returns it to the buyer with a remark."""
    order = order_rules.order_for(session, caller, order_id, lock=True)
    require_checker(caller, order.buyer_org_id, order.created_by, "purchase")
    if order.status != "awaiting_approval":
        raise ApiError(409, "wrong_state", f"This order is {order.status.replace('_', ' ')}, not awaiting approval.")
    remark = remark_from(body, required=not approve)
    act_as(session, caller.actor, "order.approved" if approve else "order.returned")
    if approve:
        order_rules.place(session, order, caller, now, payment_days=order_rules.PURCHASE_PAYMENT_DAYS,
                          action="approved and placed", note=remark, remark=remark)
    else:
        order.status = "returned"
        order.remark = remark
        order_rules.record(session, order, caller, "returned to the buyer", now, remark)
    return order


def as_json(session: Session, caller: Caller, order: PurchaseOrder, now: datetime,
            warnings: list[str] | None = None) -> dict[str, Any]:
    data = order_rules.as_seen_by(session, caller, order, now)
    if warnings is not None:
        data["warnings"] = warnings
    return data
