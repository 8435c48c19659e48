"""Bids from draft to award, and the sealed offers that answer them (domain.md section 2).

Lifecycle (docs/api.md, "Bids"):

    draft -> awaiting_approval -> published -> (extended once) -> closed -> opened:
        two packets: technical_evaluation -> financial_evaluation
        one packet:  financial_evaluation
    -> awarded (orders placed);  returned -> awaiting_approval again;  cancelled before opening
    -> lapsed: not awarded by the end of the offers' validity (end + offer_validity_days)

Who: a buyer of the office drafts, edits, sends for approval, cancels, evaluates and awards;
an approver of the same office approves (which publishes) or returns it with a remark, and
never one they raised (maker-checker). Sellers see published bids and answer with offers.

Time: the server's clock alone decides (`now` is passed in, from the app's clock). The end,
the opening, the automatic extension and the offers' lapse happen in `step`, which the server
runs on a schedule and tests run with a controlled clock; it is idempotent.

Sealing. Before opening, nobody (the buyer, the approver, an administrator, another seller)
can learn any price or how many offers a bid has, by any path:
- only the offering seller can read an offer; every other read of offers says "sealed" the
  same way whether there are none or many;
- an offer never touches its bid's row, so the bid's version, times and timeline are
  the same whatever offers it has;
- an offer's audit events are written with a salted digest (the salt is revealed at opening,
  so the receipt can be checked then), in the bid's own sealed chain while it is sealed
  (server/db/trail.py): the main trail's ids and hashes do not move for an offer, and the
  chain is readable from the opening on;
- error messages to a seller speak only of their own offer.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from domain.auction import unit_prices_at
from domain.bid_json import bid_to_json, evaluation_json
from domain.buying_modes import NoRuleSet, default_rule_book
from domain.bid_fields import DEFAULTS, EDITABLE, RA_DIRECT, check_bid_fields, domain_bid, is_whole
from domain.evaluation import Decline, Nature, Offer as DomainOffer, evaluate
from domain.listing import mii_class
from domain.free_form import TEXT_MAP, check as free_form_problems
from domain.money import MAX_PAISE, MoneyOutOfBounds, is_paise, line_total, rupees_text, sum_paise
from domain.names import name_key
from domain.timefmt import iso_utc, ist_text, parse_iso
from server.db.models import (Auction, Bid, BidCategory, BidEvent, BuyerOrg, Category, Listing, MatchResponse, Negotiation, Offer, PurchaseOrder, SellerFirm)
from server.db.trail import (SYSTEM, act_as, append_audit, append_sealed, canonical_json, commit_sealed_chain,
                             sealed_chain_name, set_chain_head, sha256_hex, take_feed_positions)
from server.errors import ApiError, forbidden, not_found, validation_failed
from server.services import matching, orders as order_rules
from server.services.caller import Caller
from server.services.text import parse_id, remark_from

OPENING_AFTER_END = timedelta(minutes=30)  # GeM opens a bid 30 minutes after it ends
MAX_WITHDRAWALS = 3
SEALED = ("draft", "awaiting_approval", "returned", "published", "closed", "cancelled")
OPEN_STATES = ("technical_evaluation", "financial_evaluation", "awarded", "lapsed")
# Offers given, no award yet: a bid in these lapses when its offers' validity ends.
LAPSABLE = ("closed", "technical_evaluation", "financial_evaluation")


# --- reading ------------------------------------------------------------------------------


def bid_for(session: Session, caller: Caller, bid_id: str, lock: bool = False) -> Bid:
    """The bid, if the caller may see it; 404 otherwise (never saying whether it exists)."""
    canonical = parse_id(bid_id)
    bid = None
    if canonical is not None:
        query = select(Bid).where(Bid.id == canonical)
        bid = session.scalars(query.with_for_update() if lock else query).first()
    if bid is None or not can_see(session, caller, bid):
        raise not_found("There is no such bid, or it is not one you may see.")
    return bid


def can_see(session: Session, caller: Caller, bid: Bid) -> bool:
    if caller.is_admin:
        return True
    if caller.buyer_org_id is not None:
        return caller.buyer_org_id == bid.buyer_org_id
    if caller.firm is not None:
        return bid.status not in ("draft", "awaiting_approval", "returned")
    return False


def bid_json(bid: Bid, session: Session) -> dict[str, Any]:
    """A bid as served: the same for everyone who may see it (never anything about offers)."""
    org = session.get(BuyerOrg, bid.buyer_org_id)
    data = {name: getattr(bid, name) for name in EDITABLE}
    data["end_at"] = iso_utc(bid.end_at)
    data.update(
        id=bid.id, number=bid.number, status=bid.status, version=bid.version,
        opening_at=iso_utc(bid.opening_at), opened_at=iso_utc(bid.opened_at) if bid.opened_at else None,
        extensions_done=bid.extensions_done, created_at=iso_utc(bid.created_at), updated_at=iso_utc(bid.updated_at),
        buyer={"ministry_or_state": org.ministry_or_state, "department": org.department,
               "organisation": org.organisation, "office": org.office, "district": org.district},
    )
    return data


def list_bids(session: Session, caller: Caller, *, status: str | None = None, district: str | None = None,
              max_value_paise: int | None = None) -> list[dict[str, Any]]:
    """Buyers and approvers: their office's bids. Sellers: published bids in the categories
    where they have a listing (GeM's "bids for me"), and the bids they have offered on, in
    any state (to follow the opening, answer a match or a negotiation); optionally by
    district and value."""
    query = select(Bid).order_by(Bid.created_at.desc())
    if caller.buyer_org_id is not None:
        query = query.where(Bid.buyer_org_id == caller.buyer_org_id)
    elif caller.firm is not None:
        # In SQL, before the limit: a seller's bids are a few among many.
        their_categories = select(Listing.category_id).where(Listing.seller_firm_id == caller.firm).distinct()
        theirs = select(BidCategory.bid_id).where(BidCategory.category_id.in_(their_categories))
        offered = select(Offer.bid_id).where(Offer.seller_firm_id == caller.firm)
        query = query.where(((Bid.status == "published") & Bid.id.in_(theirs)) | Bid.id.in_(offered))
    elif not caller.is_admin:
        raise forbidden("Your role has no bids to see.")
    if status:
        query = query.where(Bid.status == status)
    if max_value_paise is not None:
        query = query.where(Bid.estimated_value_paise <= max_value_paise)
    bids = list(session.scalars(query.limit(1000)))
    if district:
        wanted = name_key(district)
        bids = [b for b in bids if any(name_key(c.get("district")) == wanted
                                       for item in b.items for c in item.get("consignees", []))]
    return [bid_json(b, session) for b in bids]


# What a seller sees of a bid's timeline: the public steps, without the office's own remarks
# or other sellers' answers.
PUBLIC_STEPS = {"approved and published": "published", "extended": "extended", "closed": "closed",
                "opened": "opened", "awarded": "awarded", "cancelled": "cancelled", "lapsed": "lapsed"}


def history(session: Session, caller: Caller, bid_id: str) -> list[dict[str, Any]]:
    bid = bid_for(session, caller, bid_id)
    events = list(session.scalars(select(BidEvent).where(BidEvent.bid_id == bid.id).order_by(BidEvent.id)))
    if caller.firm is not None:
        # Who in the office did it is the office's business: a seller sees "the buyer".
        return [{"at": iso_utc(e.at), "at_text": ist_text(e.at), "who": "",
                 "role": "system" if e.actor_role == "system" else "buyer", "action": PUBLIC_STEPS[e.action],
                 "note": e.note if e.action in ("extended", "cancelled", "lapsed") else None}
                for e in events if e.action in PUBLIC_STEPS]
    return [{"at": iso_utc(e.at), "at_text": ist_text(e.at), "who": e.actor_username, "role": e.actor_role,
             "action": e.action, "note": e.note} for e in events]


# --- checking a bid -----------------------------------------------------------------------


def _is_leaf(session: Session, category_id: int) -> bool:
    category = session.get(Category, category_id)
    return category is not None and not session.scalar(select(func.count()).where(Category.parent_id == category.id))


def _fields(body: Any, *, partial: bool) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object of bid fields"})
    unknown = sorted(set(body) - set(EDITABLE))
    if unknown:
        raise validation_failed({name: "is not a field a buyer can set" for name in unknown})
    return dict(body) if partial else {**DEFAULTS, **body}


# --- the buyer's and approver's writes --------------------------------------------------------


def _event(session: Session, bid: Bid, caller: Caller | None, action: str, now: datetime, note: str | None = None) -> None:
    session.add(BidEvent(bid_id=bid.id, at=now, actor_username=caller.username if caller else "system",
                         actor_role=caller.role if caller else "system", action=action, note=note))


def _touch(bid: Bid, now: datetime) -> None:
    bid.version += 1
    bid.updated_at = now


def _require_buyer(caller: Caller) -> int:
    if caller.role != "buyer" or caller.buyer_org_id is None:
        raise forbidden("Only a buyer of the office can do this.")
    return caller.buyer_org_id


def _require_version(bid: Bid, version: int | None) -> None:
    if version is not None and version != bid.version:
        raise ApiError(409, "version_conflict", "The bid has changed since you read it; reload it and try again.",
                       extra={"current_version": bid.version})


def _require_status(bid: Bid, *allowed: str, doing: str) -> None:
    if bid.status not in allowed:
        raise ApiError(409, "wrong_state", f"A bid that is {bid.status.replace('_', ' ')} cannot be {doing}.")


def create_draft(session: Session, caller: Caller, bid_id: str, body: Any, now: datetime) -> Bid:
    org = _require_buyer(caller)
    canonical = parse_id(bid_id)
    if canonical is None:
        raise validation_failed({"id": "must be a UUID made by the client"})
    existing = session.get(Bid, canonical)
    if existing is not None:
        if existing.buyer_org_id != org:
            raise not_found("There is no such bid, or it is not one you may see.")
        raise ApiError(409, "already_exists", "A bid with this id exists already; edit it instead.",
                       extra={"current_version": existing.version})
    data = _fields(body, partial=False)
    problems = check_bid_fields(data, now, lambda category_id: _is_leaf(session, category_id))
    if problems:
        raise validation_failed(problems)
    act_as(session, caller.actor, "bid.drafted")
    bid = Bid(id=canonical, buyer_org_id=org, created_by=caller.user_id, status="draft", version=1,
              created_at=now, updated_at=now, opening_at=parse_iso(data["end_at"]) + OPENING_AFTER_END,
              **{name: data[name] for name in EDITABLE if name != "end_at"}, end_at=parse_iso(data["end_at"]))
    session.add(bid)
    session.flush()
    _file_under_categories(session, bid)
    _event(session, bid, caller, "drafted", now)
    return bid


def edit_draft(session: Session, caller: Caller, bid_id: str, version: int, body: Any, now: datetime) -> Bid:
    _require_buyer(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_version(bid, version)
    _require_status(bid, "draft", "returned", doing="edited")
    changes = _fields(body, partial=True)
    data = {**{name: getattr(bid, name) for name in EDITABLE}, "end_at": iso_utc(bid.end_at), **changes}
    problems = check_bid_fields(data, now, lambda category_id: _is_leaf(session, category_id))
    if problems:
        raise validation_failed(problems)
    act_as(session, caller.actor, "bid.edited")
    for name, value in changes.items():
        setattr(bid, name, parse_iso(value) if name == "end_at" else value)
    bid.opening_at = bid.end_at + OPENING_AFTER_END
    if "items" in changes:
        _file_under_categories(session, bid)
    _touch(bid, now)
    _event(session, bid, caller, "edited", now)
    return bid


def _file_under_categories(session: Session, bid: Bid) -> None:
    """Keep the bid's BidCategory rows the categories of its items (sellers' "bids for me")."""
    wanted = {item["category_id"] for item in bid.items}
    filed = set(session.scalars(select(BidCategory.category_id).where(BidCategory.bid_id == bid.id)))
    if filed - wanted:
        session.execute(delete(BidCategory).where(BidCategory.bid_id == bid.id,
                                                  BidCategory.category_id.in_(filed - wanted)))
    session.add_all(BidCategory(bid_id=bid.id, category_id=category_id) for category_id in sorted(wanted - filed))


def send_for_approval(session: Session, caller: Caller, bid_id: str, version: int, now: datetime) -> Bid:
    _require_buyer(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_version(bid, version)
    _require_status(bid, "draft", "returned", doing="sent for approval")
    act_as(session, caller.actor, "bid.sent_for_approval")
    bid.status = "awaiting_approval"
    _touch(bid, now)
    _event(session, bid, caller, "sent for approval", now)
    return bid


def require_checker(caller: Caller, office: int, raised_by: int, what: str) -> None:
    """Maker-checker: an approving officer of the same office, never the one who raised it."""
    if caller.role != "approver" or caller.buyer_org_id != office:
        raise forbidden(f"Only an approving officer of the same office can approve or return a {what}.")
    if caller.user_id == raised_by:
        raise forbidden(f"You raised this {what}: another officer must approve it.")


def approve(session: Session, caller: Caller, bid_id: str, version: int, body: Any, now: datetime) -> Bid:
    """The approver signs the bid off, which publishes it: it gets its number and is open to
    offers until its end, which must leave at least the rule set's minimum duration."""
    bid = bid_for(session, caller, bid_id, lock=True)
    require_checker(caller, bid.buyer_org_id, bid.created_by, "bid")
    _require_version(bid, version)
    _require_status(bid, "awaiting_approval", doing="approved")
    remark = remark_from(body, required=False)
    try:
        min_days = default_rule_book().rule_set_for(now.date()).min_bid_days
    except NoRuleSet:
        min_days = 10
    if bid.end_at < now + timedelta(days=min_days):
        raise validation_failed({"end_at": f"must be at least {min_days} days after publishing; return the bid "
                                           "to the buyer to move its end"})
    number = _next_number(session, now, "RA" if is_auction_from_the_start(bid) else "B")
    act_as(session, caller.actor, "bid.published")
    bid.status = "published"
    bid.number = number
    _touch(bid, now)
    _event(session, bid, caller, "approved and published", now, remark)
    return bid


def _next_number(session: Session, now: datetime, kind: str = "B") -> str:
    """GEM/<year>/B/<n> for a bid, GEM/<year>/RA/<n> for a reverse auction from the start."""
    # The feed counter's row lock (held to commit) makes two approvals number one at a time.
    take_feed_positions(session.connection(), 0)
    count = session.scalar(select(func.count()).select_from(Bid).where(Bid.number.is_not(None))) or 0
    return f"GEM/{now.year}/{kind}/{6_000_001 + count}"


def return_to_buyer(session: Session, caller: Caller, bid_id: str, version: int, body: Any, now: datetime) -> Bid:
    bid = bid_for(session, caller, bid_id, lock=True)
    require_checker(caller, bid.buyer_org_id, bid.created_by, "bid")
    _require_version(bid, version)
    _require_status(bid, "awaiting_approval", doing="returned")
    remark = remark_from(body, required=True)
    act_as(session, caller.actor, "bid.returned")
    bid.status = "returned"
    _touch(bid, now)
    _event(session, bid, caller, "returned to the buyer", now, remark)
    return bid


def cancel(session: Session, caller: Caller, bid_id: str, version: int, body: Any, now: datetime) -> Bid:
    _require_buyer(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_version(bid, version)
    _require_status(bid, "draft", "returned", "awaiting_approval", "published", doing="cancelled")
    reason = remark_from(body, required=True)
    act_as(session, caller.actor, "bid.cancelled")
    bid.status = "cancelled"
    _touch(bid, now)
    _event(session, bid, caller, "cancelled", now, reason)
    if bid.number is not None:  # it was published, so it may have offers: their chain ends here, still sealed
        commit_sealed_chain(session, sealed_chain_name(bid.id), caller.actor, now)
    return bid


# --- time: end, extension, opening ---------------------------------------------------------


def _live_offers(session: Session, bid: Bid) -> list[Offer]:
    return list(session.scalars(select(Offer).where(Offer.bid_id == bid.id, Offer.status == "submitted")
                                .order_by(Offer.submitted_at, Offer.id)))


def step(session: Session, now: datetime) -> list[str]:
    """Every time-driven change due at `now`; idempotent (a second call at the same time does
    nothing). Returns what it did, one line per change, for the log."""
    done: list[str] = []
    act_as(session, SYSTEM, "bid.step")
    due = session.scalars(select(Bid).where(Bid.status == "published", Bid.end_at <= now).with_for_update())
    for bid in due:
        if len(_live_offers(session, bid)) < bid.min_offers and bid.extensions_done < 1:
            bid.end_at = bid.end_at + timedelta(days=bid.extension_days)
            bid.opening_at = bid.end_at + OPENING_AFTER_END
            bid.extensions_done += 1
            _touch(bid, now)
            # The extension itself says the minimum was not met (the rule makes it public);
            # the note says no more than that.
            _event(session, bid, None, "extended", now,
                   f"automatic extension by {bid.extension_days} days (fewer offers than the bid's minimum)")
            done.append(f"{bid.number} extended to {iso_utc(bid.end_at)}")
        else:
            bid.status = "closed"
            _touch(bid, now)
            _event(session, bid, None, "closed", now)
            commit_sealed_chain(session, sealed_chain_name(bid.id), SYSTEM, now)  # no offer can join it now
            done.append(f"{bid.number} closed")
    opening = session.scalars(select(Bid).where(Bid.status == "closed", Bid.opening_at <= now).with_for_update())
    for bid in opening:
        bid.opened_at = now
        bid.status = "technical_evaluation" if bid.packets == 2 else "financial_evaluation"
        _touch(bid, now)
        offers = _live_offers(session, bid)
        _event(session, bid, None, "opened", now, f"{len(offers)} offer(s) received")
        if bid.packets == 1:
            for offer in offers:
                offer.technical_status = "accepted"
            _evaluate(session, bid, now)
        done.append(f"{bid.number} opened")
    from server.services import negotiation  # it builds on this module: imported when used

    return done + _lapse_unawarded(session, now) + negotiation.step(session, now) + matching.step(session, now)


def offers_valid_until(bid: Bid) -> datetime:
    """Offers bind their sellers for the bid's offer validity from its end (the latest, after
    any extension): domain.md section 2."""
    return bid.end_at + timedelta(days=bid.offer_validity_days)


def _lapsed_text(bid: Bid) -> str:
    return f"the offers' validity ended on {ist_text(offers_valid_until(bid))}"


def _lapse_unawarded(session: Session, now: datetime) -> list[str]:
    """A bid not awarded while its offers were valid lapses: its sellers are bound no longer,
    and its open negotiation rounds lapse with it. Called by `step`."""
    session.flush()  # the step's changes so far are written as the step's
    from server.services import negotiation  # it builds on this module: imported when used

    candidates = session.execute(select(Bid.id, Bid.end_at, Bid.offer_validity_days).where(Bid.status.in_(LAPSABLE)))
    due = sorted(row.id for row in candidates if now >= row.end_at + timedelta(days=row.offer_validity_days))
    done: list[str] = []
    for bid_id in due:
        # Locked, then checked again: another server's step may have lapsed it meanwhile.
        bid = session.scalars(select(Bid).where(Bid.id == bid_id).with_for_update()).one()
        if bid.status not in LAPSABLE or now < offers_valid_until(bid):
            continue
        rounds = list(session.scalars(select(Negotiation).where(Negotiation.bid_id == bid.id, Negotiation.status == "open")
                                      .with_for_update()))
        if rounds:
            act_as(session, SYSTEM, "negotiation.lapsed")
            for row in rounds:  # one past its time lapses as usual; one still running, with the bid
                negotiation._lapse(session, bid, row, now,
                                   None if row.due_at <= now else f"lapsed with the bid, as {_lapsed_text(bid)}")
            session.flush()
        act_as(session, SYSTEM, "bid.lapsed")
        bid.status = "lapsed"
        _touch(bid, now)
        _event(session, bid, None, "lapsed", now,
               f"{_lapsed_text(bid)} ({bid.offer_validity_days} days after the end) before an award; "
               "the sellers are no longer bound by their offers")
        session.flush()
        done.append(f"{bid.number} lapsed: offers valid until {iso_utc(offers_valid_until(bid))}")
    return done


def _require_offers_valid(bid: Bid, now: datetime) -> None:
    """By the server's clock, whether or not the step has marked the lapse yet."""
    if bid.status in (*LAPSABLE, "lapsed") and now >= offers_valid_until(bid):
        raise ApiError(409, "offers_lapsed", f"The offers' validity ended on {ist_text(offers_valid_until(bid))} "
                                             f"(server time), {bid.offer_validity_days} days after the bid's end, "
                                             "before an award: the sellers are no longer bound by their offers, so "
                                             "the bid cannot be awarded. Invite offers again in a new bid.")


# --- offers ---------------------------------------------------------------------------------


def _require_seller(caller: Caller) -> int:
    if caller.firm is None:
        raise forbidden("Only a seller can make offers.")
    return caller.firm


def _check_offer(session: Session, bid: Bid, firm: int, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or set(body) - {"items", "local_content_pct"}:
        raise validation_failed({"body": "must be an object with items and local_content_pct"})
    problems: dict[str, str] = {}
    local = body.get("local_content_pct")
    if not is_whole(local) or not 0 <= local <= 100:
        problems["local_content_pct"] = "must be a whole percentage from 0 to 100"
    items = body.get("items")
    if not isinstance(items, dict) or not items:
        problems["items"] = "must quote at least one of the bid's items"
        raise validation_failed(problems)
    bid_items = {item["id"]: item for item in bid.items}
    quantities = {item.id: item.quantity for item in domain_bid(bid).items}
    totals: list[int] = []
    for item_id, quote in items.items():
        where = f"items.{item_id}"
        if item_id not in bid_items:
            problems[where] = "is not an item of this bid"
            continue
        if not isinstance(quote, dict) or set(quote) - {"unit_price_paise", "listing_id", "compliance"}:
            problems[where] = "must be an object with unit_price_paise, listing_id and compliance"
            continue
        price = quote.get("unit_price_paise")
        if not is_paise(price) or price == 0:
            problems[f"{where}.unit_price_paise"] = "must be a whole number of paise above zero"
        else:
            try:  # the bid's totals must be amounts the marketplace can hold, decided now, not at the award
                totals.append(line_total(quantities[item_id], price))
            except MoneyOutOfBounds:
                problems[f"{where}.unit_price_paise"] = (f"times the {quantities[item_id]} units is more than any "
                                                         f"amount a bid may reach ({rupees_text(MAX_PAISE)})")
        listing_id = quote.get("listing_id")
        if listing_id is not None and not isinstance(listing_id, str):
            problems[f"{where}.listing_id"] = "must be one of your own listings"
        elif listing_id is not None:
            listing = session.get(Listing, parse_id(listing_id) or "")
            if listing is None or listing.seller_firm_id != firm:
                problems[f"{where}.listing_id"] = "must be one of your own listings"
            elif listing.category_id != bid_items[item_id]["category_id"]:
                problems[f"{where}.listing_id"] = "is in another category than the item"
        compliance = quote.get("compliance", {})
        wanted = bid_items[item_id].get("key_specs", {})
        bounded = free_form_problems(compliance, f"{where}.compliance", TEXT_MAP)
        if bounded:
            problems.update(bounded)
        else:
            missing = sorted(set(wanted) - set(compliance))
            if missing:
                problems[f"{where}.compliance"] = "state what you offer for: " + ", ".join(missing)
    try:
        sum_paise(totals)
    except MoneyOutOfBounds:
        problems["items"] = f"the offer's total is more than any amount a bid may reach ({rupees_text(MAX_PAISE)})"
    if problems:
        raise validation_failed(problems)
    return {"items": items, "local_content_pct": local}


def _seal(offer: Offer) -> str:
    return sha256_hex(offer.seal_salt + canonical_json({"items": offer.items, "local": offer.local_content_pct,
                                                        "status": offer.status, "technical": offer.technical_status}))


def _audit_offer(session: Session, caller: Caller, offer: Offer, action: str, now: datetime) -> None:
    """Write the offer's audit event by hand, with its salted digest (the receipt), so the
    trail holds nothing a price could be guessed from (see the module docstring). While the
    bid is sealed the event goes to the bid's own sealed chain, never the main trail, whose
    ids and hashes would otherwise count the offers (server/db/trail.py, "sealed chains")."""
    session.flush()
    connection = session.connection()
    if session.get(Bid, offer.bid_id).opened_at is None:
        append_sealed(connection, sealed_chain_name(offer.bid_id), actor=caller.actor, action=action,
                      entity_type="offer", entity_id=offer.id, digest=_seal(offer), at=now)
        return
    _, head = take_feed_positions(connection, 0)
    head = append_audit(connection, head, actor=caller.actor, action=action, entity_type="offer",
                        entity_id=offer.id, digest=_seal(offer), at=now)
    set_chain_head(connection, head)


def _offer_of(session: Session, bid: Bid, firm: int, offer_id: str | None = None, lock: bool = False) -> Offer | None:
    query = select(Offer).where(Offer.bid_id == bid.id, Offer.seller_firm_id == firm)
    offer = session.scalars(query.with_for_update() if lock else query).first()
    if offer is not None and offer_id is not None and offer.id != offer_id:
        raise ApiError(409, "already_offered", "You have an offer on this bid already; revise that one.",
                       extra={"offer_id": offer.id})
    return offer


def _require_open_for_offers(bid: Bid, now: datetime) -> None:
    if bid.status != "published" or now >= bid.end_at:
        raise ApiError(409, "bid_closed", f"The bid closed for offers at {ist_text(bid.end_at)} (server time); "
                                          "offers after the end are not accepted.")


def submit_offer(session: Session, caller: Caller, bid_id: str, offer_id: str, body: Any, now: datetime) -> Offer:
    """Submit, revise, or submit again after a withdrawal: each time a new receipt."""
    firm = _require_seller(caller)
    bid = bid_for(session, caller, bid_id)
    canonical = parse_id(offer_id)
    if canonical is None:
        raise validation_failed({"offer_id": "must be a UUID made by the client"})
    _require_open_for_offers(bid, now)
    data = _check_offer(session, bid, firm, body)
    offer = _offer_of(session, bid, firm, canonical, lock=True)
    if offer is None and session.get(Offer, canonical) is not None:
        raise validation_failed({"offer_id": "is taken: make a new UUID for your offer"})
    if offer is None:
        offer = Offer(id=canonical, bid_id=bid.id, seller_firm_id=firm, withdrawals=0, version=0,
                      seal_salt=secrets.token_hex(32), technical_status="pending")
        session.add(offer)
        action = "offer.submitted"
    else:
        action = "offer.revised" if offer.status == "submitted" else "offer.resubmitted"
    offer.items = data["items"]
    offer.local_content_pct = data["local_content_pct"]
    offer.status = "submitted"
    offer.submitted_at = now
    offer.version += 1
    offer.receipt = _seal(offer)
    _audit_offer(session, caller, offer, action, now)
    return offer


def withdraw_offer(session: Session, caller: Caller, bid_id: str, offer_id: str, now: datetime) -> Offer:
    firm = _require_seller(caller)
    bid = bid_for(session, caller, bid_id)
    offer = _offer_of(session, bid, firm, lock=True)
    if offer is None or offer.id != parse_id(offer_id):
        raise not_found("You have no such offer on this bid.")
    _require_open_for_offers(bid, now)
    if offer.status != "submitted":
        raise ApiError(409, "wrong_state", "This offer is withdrawn already.")
    if offer.withdrawals >= MAX_WITHDRAWALS:
        raise ApiError(409, "too_many_withdrawals",
                       f"You have withdrawn this offer {MAX_WITHDRAWALS} times, the most a bid allows; it stands.")
    offer.status = "withdrawn"
    offer.withdrawals += 1
    offer.version += 1
    offer.receipt = _seal(offer)
    _audit_offer(session, caller, offer, "offer.withdrawn", now)
    return offer


def offer_json(offer: Offer, *, with_prices: bool, with_salt: bool = False) -> dict[str, Any]:
    items = offer.items if with_prices else {
        item_id: {k: v for k, v in quote.items() if k != "unit_price_paise"} for item_id, quote in offer.items.items()}
    data = {"id": offer.id, "bid_id": offer.bid_id, "seller_id": offer.seller_firm_id, "status": offer.status,
            "items": items, "local_content_pct": offer.local_content_pct,
            "mii_class": str(mii_class(offer.local_content_pct)), "submitted_at": iso_utc(offer.submitted_at),
            "withdrawals": offer.withdrawals, "withdrawals_left": MAX_WITHDRAWALS - offer.withdrawals,
            "receipt": offer.receipt, "technical_status": offer.technical_status,
            "technical_reason": offer.technical_reason, "version": offer.version}
    if with_salt:
        data["seal_salt"] = offer.seal_salt
    return data


def my_offer(session: Session, caller: Caller, bid_id: str) -> dict[str, Any]:
    firm = _require_seller(caller)
    bid = bid_for(session, caller, bid_id)
    offer = _offer_of(session, bid, firm)
    if offer is None:
        raise not_found("You have no offer on this bid.")
    return offer_json(offer, with_prices=True, with_salt=bid.opened_at is not None)


def offers_for_buyer(session: Session, caller: Caller, bid_id: str) -> list[dict[str, Any]]:
    """After opening: the offers (prices once the financial packet is open). Before: sealed,
    in the same words whatever the bid has."""
    bid = bid_for(session, caller, bid_id)
    if caller.buyer_org_id is None and not caller.is_admin:
        raise forbidden("Only the buyer's office sees the offers, after opening.")
    if bid.opened_at is None:
        raise ApiError(409, "sealed", f"Offers are sealed until the bid opens ({ist_text(bid.opening_at)}).")
    # A lapsed bid shows prices if it lapsed after they were opened (it has an evaluation then).
    prices = bid.status in ("financial_evaluation", "awarded") or (bid.status == "lapsed" and bid.evaluation is not None)
    return [offer_json(o, with_prices=prices, with_salt=True) for o in _live_offers(session, bid)]


def technical_decision(session: Session, caller: Caller, bid_id: str, offer_id: str, body: Any, now: datetime) -> Offer:
    _require_buyer(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_status(bid, "technical_evaluation", doing="evaluated technically")
    offer = next((o for o in _live_offers(session, bid) if o.id == parse_id(offer_id)), None)
    if offer is None:
        raise not_found("There is no such offer on this bid.")
    accepted = body.get("accepted") if isinstance(body, dict) else None
    if not isinstance(accepted, bool):
        raise validation_failed({"accepted": "must be true or false"})
    reason = remark_from({"remark": body.get("reason")}, required=not accepted)
    act_as(session, caller.actor, "offer.technical")
    offer.technical_status = "accepted" if accepted else "rejected"
    offer.technical_reason = reason
    _audit_offer(session, caller, offer, "offer.technical_" + offer.technical_status, now)
    _event(session, bid, caller, "technical evaluation", now,
           f"offer of seller {offer.seller_firm_id} {'accepted' if accepted else 'rejected'}" + (f": {reason}" if reason else ""))
    return offer


def open_financial(session: Session, caller: Caller, bid_id: str, version: int, now: datetime) -> Bid:
    _require_buyer(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_version(bid, version)
    _require_status(bid, "technical_evaluation", doing="opened financially")
    if any(o.technical_status == "pending" for o in _live_offers(session, bid)):
        raise ApiError(409, "technical_pending", "Accept or reject every offer technically first.")
    act_as(session, caller.actor, "bid.financial_opened")
    bid.status = "financial_evaluation"
    _touch(bid, now)
    _evaluate(session, bid, now)
    _event(session, bid, caller, "financial packets opened", now)
    return bid


# --- evaluation, matching, award ------------------------------------------------------------


def _seller_alias(firm_id: int) -> str:
    return f"S{firm_id}"


def _opened_prices(session: Session, bid: Bid) -> dict[int, dict[str, int]]:
    """{firm: {item: unit price as opened}} of the offers a negotiation round lowered: the
    prices before each item's first round (the rounds keep them; the offer holds the latest)."""
    opened: dict[int, dict[str, int]] = {}
    for row in session.scalars(select(Negotiation).where(Negotiation.bid_id == bid.id).order_by(Negotiation.asked_at)):
        for item_id, price in row.before_prices.items():
            opened.setdefault(row.seller_firm_id, {}).setdefault(item_id, price)
    return opened


def _evaluation_inputs(session: Session, bid: Bid) -> tuple[list[DomainOffer], list[Decline], dict[str, str]]:
    """The technically accepted offers (at their final prices, with the prices as opened), the
    declined (or lapsed) invitations, and the sellers' names by alias."""
    offers = [o for o in _live_offers(session, bid) if o.technical_status == "accepted"]
    firms = {f.id: f for f in session.scalars(select(SellerFirm).where(SellerFirm.id.in_([o.seller_firm_id for o in offers])))}
    opened = _opened_prices(session, bid)
    domain_offers = []
    for o in offers:
        prices = {item_id: quote["unit_price_paise"] for item_id, quote in o.items.items()}
        domain_offers.append(DomainOffer(
            seller=_seller_alias(o.seller_firm_id), unit_prices_paise=prices,
            opened_unit_prices_paise={item_id: opened.get(o.seller_firm_id, {}).get(item_id, price)
                                      for item_id, price in prices.items()},
            submitted_at=o.submitted_at, mse=firms[o.seller_firm_id].mse_class in ("micro", "small"),
            nature=Nature(firms[o.seller_firm_id].nature), mii_class=mii_class(o.local_content_pct)))
    auction = auction_of(session, bid)
    if auction is not None and auction.status == "closed":
        domain_offers = _at_auction_prices(domain_offers, auction, bid)
    declines = [Decline(_seller_alias(r.seller_firm_id), r.lot) for r in
                session.scalars(select(MatchResponse).where(MatchResponse.bid_id == bid.id, MatchResponse.accepted.is_(False)))]
    return domain_offers, declines, {_seller_alias(firm_id): firm.name for firm_id, firm in firms.items()}


def auction_of(session: Session, bid: Bid) -> Auction | None:
    return session.scalar(select(Auction).where(Auction.bid_id == bid.id))


def is_auction_from_the_start(bid: Bid) -> bool:
    return bid.ra_enabled and bid.ra_rule == RA_DIRECT


def _prices_to_come(bid: Bid, auction: Auction | None) -> bool:
    """The bid's prices are still to come from its reverse auction: one scheduled and not yet
    closed, or (a reverse auction from the start) one not yet scheduled."""
    return auction.status != "closed" if auction is not None else is_auction_from_the_start(bid)


def _at_auction_prices(offers: list[DomainOffer], auction: Auction, bid: Bid) -> list[DomainOffer]:
    """The offers as the closed reverse auction left them: a bidder that bid, at its last
    accepted bid (spread over the items by domain.auction.unit_prices_at); a bidder that did
    not, at its bid-stage prices; an eliminated MSE that kept its preference rights, at its
    bid-stage prices with those rights; every other seller eliminated (out of the award)."""
    quantities = {item.id: item.quantity for item in domain_bid(bid).items}
    final = {row["bidder"]: row["price_paise"] for row in auction.result["ranking"]}
    kept, bidders = set(auction.kept_preference), set(auction.bidders)
    after = []
    for offer in offers:
        if offer.seller in final:
            quoted = {item_id: offer.unit_prices_paise[item_id] for item_id in quantities}
            after.append(replace(offer, unit_prices_paise=unit_prices_at(quoted, quantities, final[offer.seller]),
                                 opened_unit_prices_paise=offer.opened_prices))
        elif offer.seller in bidders:
            after.append(offer)
        elif offer.seller in kept:
            after.append(replace(offer, keeps_mse_preference=True))
    return after


def after_auction(session: Session, bid: Bid, auction: Auction, now: datetime) -> str | None:
    """The bid's reverse auction has closed (server/services/auctions.py `step`, under the
    bid's lock): the bid is evaluated again at the auction's final prices, so the purchase
    preferences apply to the new L1, and answers to match invitations given at the bid
    stage's prices are cleared with their invitations (invited sellers answer again at the new
    price, by a new deadline). The award then goes as for any bid."""
    if bid.status != "financial_evaluation":
        return None  # cancelled or lapsed while the auction ran: nothing to evaluate
    matching.clear(session, bid)
    _evaluate(session, bid, now)
    _touch(bid, now)
    result = auction.result
    saved = "; ".join(f"saved {rupees_text(s['saved_paise'])} ({s['saved_bp'] / 100:.2f}%) against the {s['reference']}"
                      for s in result["savings"])
    _event(session, bid, None, "reverse auction closed", now,
           f"{auction.number}: {result['bids']} bid(s), final L1 {rupees_text(result['l1_price_paise'])}; {saved}; "
           "evaluated again at the auction's prices")
    return f"{bid.number} evaluated again at the prices of {auction.number}"


def _evaluate(session: Session, bid: Bid, now: datetime) -> None:
    """Work out (again) the evaluation from the technically accepted offers and the answers
    to match invitations so far; stored on the bid, with an invitation (and its deadline)
    for each seller it newly invites to match L1."""
    offers, declines, _names = _evaluation_inputs(session, bid)
    bid.evaluation = evaluation_json(evaluate(domain_bid(bid), offers, declines))
    matching.invite(session, bid, now)


def audit_export(session: Session, caller: Caller, bid_id: str) -> dict[str, Any]:
    """The bid, its qualified offers and the declines as BID.json (domain/bid_json.py): what
    `gemdesk rules evaluate` re-checks the decision from, without the app or the server."""
    bid = bid_for(session, caller, bid_id)
    if caller.buyer_org_id is None and not caller.is_admin:
        raise forbidden("Only the buyer's office exports a bid for audit.")
    if bid.evaluation is None:
        raise ApiError(409, "not_evaluated", "A bid can be exported for audit once its prices are opened.")
    offers, declines, _names = _evaluation_inputs(session, bid)
    org = session.get(BuyerOrg, bid.buyer_org_id)
    buyer = {"state": org.ministry_or_state, "department": org.department, "organisation": org.organisation,
             "office": org.office}
    return bid_to_json(domain_bid(bid), offers, declines, buyer=buyer)


def evaluation_for(session: Session, caller: Caller, bid_id: str) -> dict[str, Any]:
    bid = bid_for(session, caller, bid_id)
    if bid.evaluation is None:
        raise ApiError(409, "not_evaluated", "The bid has no evaluation yet: it comes when the prices are opened.")
    auction = auction_of(session, bid)
    # While the auction runs the evaluation is the bid stage's, standing only until the close.
    stage = None if auction is None else {"id": auction.id, "number": auction.number,
                                          "closed": auction.status == "closed"}
    if caller.firm is not None:
        alias = _seller_alias(caller.firm)
        if _prices_to_come(bid, auction):
            return {"bid_id": bid.id, "status": bid.status, "reverse_auction": stage, "invitations": [], "awards": []}
        return {"bid_id": bid.id, "status": bid.status, "reverse_auction": stage,
                "invitations": matching.invitations_for(session, bid, caller.firm),
                "awards": [line for line in bid.evaluation["awards"] if line["seller"] == alias]}
    # After opening the buyer knows who offered (as on GeM): the sellers' names by alias.
    names = _evaluation_inputs(session, bid)[2]
    return {"bid_id": bid.id, "status": bid.status, "evaluation": bid.evaluation, "sellers": names,
            "waiting_for": matching.waiting(session, bid), "reverse_auction": stage}


def answer_match(session: Session, caller: Caller, bid_id: str, lot: str, body: Any, now: datetime) -> dict[str, Any]:
    """An invited seller accepts to match L1 (for the share the preference gives it) or
    declines, by its invitation's deadline; a decline drops it out of the lot's matching
    (server/services/matching.py)."""
    firm = _require_seller(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_status(bid, "financial_evaluation", doing="answered")
    refuse_while_auction_runs(session, bid, "answer")
    matching.refuse_if_lapsed(session, bid, firm, lot, now)
    if (_seller_alias(firm), lot) not in matching.invited(bid.evaluation):
        raise ApiError(409, "not_invited", "You are not invited to match L1 in this lot.")
    accept = body.get("accept") if isinstance(body, dict) else None
    if not isinstance(accept, bool):
        raise validation_failed({"accept": "must be true or false"})
    act_as(session, caller.actor, "bid.match_answered")
    session.merge(MatchResponse(bid_id=bid.id, seller_firm_id=firm, lot=lot, accepted=accept, at=now))
    matching.answered(session, bid, firm, lot)
    session.flush()
    if not accept:
        _evaluate(session, bid, now)
    _touch(bid, now)
    _event(session, bid, caller, "match " + ("accepted" if accept else "declined"), now, f"lot {lot}")
    return evaluation_for(session, caller, bid.id)


def refuse_while_auction_runs(session: Session, bid: Bid, doing: str) -> None:
    """A bid whose reverse auction has not closed has no prices to act on yet: the auction
    is finding them (and its close evaluates the bid again at them)."""
    auction = auction_of(session, bid)
    if not _prices_to_come(bid, auction):
        return
    if auction is not None:
        raise ApiError(409, "auction_open", f"The reverse auction {auction.number} has not closed yet: "
                                            f"{doing} once it has closed, at the auction's prices.")
    raise ApiError(409, "auction_required", f"{bid.number} is a reverse auction from the start: schedule its "
                                            f"auction, and {doing} once it has closed, at the auction's prices.")


def award(session: Session, caller: Caller, bid_id: str, version: int, now: datetime) -> list[PurchaseOrder]:
    """Award as evaluated: one order per seller, lines and prices from the evaluation."""
    _require_buyer(caller)
    bid = bid_for(session, caller, bid_id, lock=True)
    _require_offers_valid(bid, now)  # first: the same answer whether or not the step has run
    _require_version(bid, version)
    _require_status(bid, "financial_evaluation", doing="awarded")
    from server.services import negotiation  # it builds on this module: imported when used

    negotiation.refuse_award_while_open(session, bid, now)
    refuse_while_auction_runs(session, bid, "award")
    matching.lapse_due(session, bid, now)  # the award waits for no answer beyond its deadline
    waiting = matching.waiting(session, bid)
    if waiting:
        raise ApiError(409, "waiting_for_match", "Sellers invited to match L1 have not answered yet: "
                       + ", ".join(f"{w['seller']} (lot {w['lot']}, until {ist_text(parse_iso(w['due_at']))})"
                                   if w["due_at"] else f"{w['seller']} (lot {w['lot']})" for w in waiting),
                       extra={"waiting_for": waiting})
    if not bid.evaluation["awards"]:
        raise ApiError(409, "nothing_to_award", "No offer qualified: there is nothing to award; cancel or re-bid.")
    act_as(session, caller.actor, "bid.awarded")
    by_seller: dict[int, list[dict[str, Any]]] = {}
    for line in bid.evaluation["awards"]:
        by_seller.setdefault(int(line["seller"][1:]), []).append(
            {"item": line["item"], "quantity": line["quantity"], "unit_price_paise": line["unit_price_paise"],
             "total_paise": line["total_paise"], "rule": line["rule"]})
    orders = [PurchaseOrder(id=str(uuid.uuid4()), mode="bid", bid_id=bid.id, buyer_org_id=bid.buyer_org_id,
                            created_by=caller.user_id, seller_firm_id=firm, lines=lines,
                            total_paise=sum(x["total_paise"] for x in lines), status="placed", created_at=now)
              for firm, lines in sorted(by_seller.items())]
    for order in orders:  # each goes to its seller with the bid's payment terms
        order_rules.place(session, order, caller, now, payment_days=bid.payment_days, note=f"awarded in bid {bid.number}")
    bid.status = "awarded"
    _touch(bid, now)
    _event(session, bid, caller, "awarded", now, f"{len(orders)} order(s) placed")
    return orders

