"""Negotiation with a lot's L1 seller after the financial opening (domain.md section 2: "the
buyer may negotiate with the L1 seller only: up to 5 rounds of 72 hours").

A round, per lot of the evaluation (`all` for a total-value bid, an item id for item-wise,
a group id for group-wise):
- a buyer of the office asks the lot's L1 seller for a better price (with an optional note);
  the round is due 72 hours later by the server's clock; its `before_prices` keep the L1's
  unit prices as they stood, so every price the offer ever had stays on the record;
- the L1 seller answers with new unit prices for every item of the lot (none higher than
  before, at least one lower), or declines; an unanswered round lapses in the scheduled
  step (server/services/bids.py `step` calls `step` here);
- a lower price replaces the L1's offer prices for those items and the bid is evaluated
  again: the MSE and Make in India bands stay measured from the prices as opened (the round
  keeps them, `before_prices`), and the eligible sellers are asked to match the new L1 price;
  the answers to match invitations in that lot are cleared, and invited sellers answer again
  at the new price, by a new deadline.

Our reading where the rule is silent: one round open per lot at a time; the five rounds
count every round asked in the lot, whatever came of it; match answers already given do not
stop a negotiation (a lower L1 price clears them, so nobody is held to an older price); the
bid is not awarded while a round is open; a bid that goes to reverse auction is not
negotiated (the auction finds the price), and no auction is scheduled while a round is open.
Rounds are the buyer's office's and the asked seller's business: they stay out of the
timeline other sellers see.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.bid_fields import NEGOTIATION_ROUND_HOURS, NEGOTIATION_ROUNDS, domain_bid, is_whole
from domain.money import rupees_text
from domain.timefmt import iso_utc, ist_text
from server.db.models import Bid, Negotiation, Offer
from server.db.trail import SYSTEM, act_as
from server.errors import ApiError, forbidden, not_found, validation_failed
from server.services import bids, matching
from server.services.caller import Caller

ROUND_HOURS = NEGOTIATION_ROUND_HOURS
MAX_ROUNDS = NEGOTIATION_ROUNDS
MAX_NOTE = 2000


# --- reading ------------------------------------------------------------------------------


def _quantities(bid: Bid) -> dict[str, int]:
    return {item.id: item.quantity for item in domain_bid(bid).items}


def _total(prices: dict[str, int] | None, quantities: dict[str, int]) -> int | None:
    return None if prices is None else sum(price * quantities[item_id] for item_id, price in prices.items())


def round_json(row: Negotiation, quantities: dict[str, int]) -> dict[str, Any]:
    return {"id": row.id, "lot": row.lot, "round": row.round, "seller": bids._seller_alias(row.seller_firm_id),
            "asked_at": iso_utc(row.asked_at), "due_at": iso_utc(row.due_at), "due_text": ist_text(row.due_at),
            "note": row.note, "status": row.status,
            "answered_at": iso_utc(row.answered_at) if row.answered_at else None,
            "before_prices": row.before_prices, "prices": row.prices,
            "before_total_paise": _total(row.before_prices, quantities), "total_paise": _total(row.prices, quantities)}


def with_bid(session: Session, row: Negotiation) -> dict[str, Any]:
    """A write's answer: the round, and the bid as it now stands (its version, for the next write)."""
    bid = session.get(Bid, row.bid_id)
    return {"negotiation": round_json(row, _quantities(bid)), "bid": bids.bid_json(bid, session)}


def rounds_for(session: Session, caller: Caller, bid_id: str) -> dict[str, Any]:
    """The buyer's office (and an administrator) sees every round; a seller only the rounds
    addressed to it."""
    bid = bids.bid_for(session, caller, bid_id)
    query = select(Negotiation).where(Negotiation.bid_id == bid.id).order_by(Negotiation.lot, Negotiation.round)
    if caller.firm is not None:
        query = query.where(Negotiation.seller_firm_id == caller.firm)
    elif caller.buyer_org_id is None and not caller.is_admin:
        raise forbidden("Only the buyer's office and the sellers asked see negotiation rounds.")
    rows = list(session.scalars(query))
    quantities = _quantities(bid)
    names = bids._evaluation_inputs(session, bid)[2] if rows else {}
    if caller.firm is not None:
        names = {alias: name for alias, name in names.items() if alias == bids._seller_alias(caller.firm)}
    return {"bid_id": bid.id, "negotiations": [round_json(row, quantities) for row in rows], "sellers": names}


# --- the buyer asks -----------------------------------------------------------------------


def _lot_of(bid: Bid, lot: str) -> dict[str, Any]:
    found = next((x for x in bid.evaluation["lots"] if x["lot"] == lot), None)
    if found is None:
        known = ", ".join(x["lot"] for x in bid.evaluation["lots"])
        raise validation_failed({"lot": f"is not a lot of this bid ({known})"})
    return found


def _ask_body(body: Any) -> tuple[str, str | None]:
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object with lot and an optional note"})
    problems = {name: "is not a field of a negotiation round" for name in set(body) - {"lot", "note"}}
    lot = body.get("lot")
    if not isinstance(lot, str) or not lot.strip():
        problems["lot"] = "name the lot to negotiate (as the evaluation names it)"
    note = body.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
        problems["note"] = f"must be text of at most {MAX_NOTE} characters"
    if problems:
        raise validation_failed(problems)
    return lot, (note or "").strip() or None


def _require_financial_evaluation(bid: Bid) -> None:
    if bid.status != "financial_evaluation" or bid.evaluation is None:
        raise ApiError(409, "wrong_state", "Negotiation with L1 comes after the financial opening and before the "
                                           f"award; this bid is {bid.status.replace('_', ' ')}.")


def _open_round(session: Session, bid: Bid, lot: str | None = None) -> Negotiation | None:
    query = select(Negotiation).where(Negotiation.bid_id == bid.id, Negotiation.status == "open")
    if lot is not None:
        query = query.where(Negotiation.lot == lot)
    return session.scalars(query.order_by(Negotiation.asked_at)).first()


def ask(session: Session, caller: Caller, bid_id: str, version: int, body: Any, now: datetime) -> Negotiation:
    bids._require_buyer(caller)
    bid = bids.bid_for(session, caller, bid_id, lock=True)
    bids._require_version(bid, version)
    _require_financial_evaluation(bid)
    auction = bids.auction_of(session, bid)
    if auction is not None or bids.is_auction_from_the_start(bid):
        going = f"went to the reverse auction {auction.number}" if auction else "is a reverse auction from the start"
        raise ApiError(409, "went_to_auction", f"This bid {going}: the auction finds the price, and there is no "
                                               "negotiation with L1 for it.")
    lot_name, note = _ask_body(body)
    lot = _lot_of(bid, lot_name)
    _lapse_due(session, bid, now)
    current = _open_round(session, bid, lot_name)
    if current is not None:
        raise ApiError(409, "negotiation_open", f"Round {current.round} on lot {lot_name} is open until "
                                                f"{ist_text(current.due_at)}: wait for the seller's answer or its lapse.")
    held = session.scalar(select(func.count()).select_from(Negotiation)
                          .where(Negotiation.bid_id == bid.id, Negotiation.lot == lot_name)) or 0
    if held >= MAX_ROUNDS:
        raise ApiError(409, "too_many_rounds", f"Lot {lot_name} has had {MAX_ROUNDS} rounds of negotiation, the most "
                                               "the rules allow: award it at the price it stands at.")
    if lot["l1"] is None:
        raise ApiError(409, "no_l1", f"Lot {lot_name} has no L1 to negotiate with: no offer quotes every item of it.")
    firm = int(lot["l1"][1:])
    offer = _offer(session, bid, firm)
    act_as(session, caller.actor, "negotiation.asked")
    row = Negotiation(id=str(uuid.uuid4()), bid_id=bid.id, lot=lot_name, seller_firm_id=firm, round=held + 1,
                      asked_at=now, due_at=now + timedelta(hours=ROUND_HOURS), note=note, status="open",
                      answered_at=None, before_prices={item_id: offer.items[item_id]["unit_price_paise"]
                                                       for item_id in lot["items"]}, prices=None)
    session.add(row)
    bids._touch(bid, now)
    bids._event(session, bid, caller, "negotiation asked", now,
                f"round {row.round} on lot {lot_name} with {lot['l1']}, until {ist_text(row.due_at)}"
                + (f": {note}" if note else ""))
    session.flush()
    return row


def _offer(session: Session, bid: Bid, firm: int, lock: bool = False) -> Offer:
    query = select(Offer).where(Offer.bid_id == bid.id, Offer.seller_firm_id == firm, Offer.status == "submitted")
    return session.scalars(query.with_for_update() if lock else query).one()


# --- the L1 seller answers ----------------------------------------------------------------


def _answer_body(body: Any, row: Negotiation) -> dict[str, int] | None:
    """The new unit prices, or None for a decline."""
    if not isinstance(body, dict) or set(body) - {"prices", "decline"} or ("prices" in body) == ("decline" in body):
        raise validation_failed({"body": 'must be {"prices": {item id: unit price in paise}} or {"decline": true}'})
    if "decline" in body:
        if body["decline"] is not True:
            raise validation_failed({"decline": "must be true to decline; to lower your price send prices"})
        return None
    prices = body["prices"]
    if not isinstance(prices, dict):
        raise validation_failed({"prices": "must map every item of the lot to its new unit price in paise"})
    problems: dict[str, str] = {}
    for item_id, price in prices.items():
        if item_id not in row.before_prices:
            problems[f"prices.{item_id}"] = f"is not an item of lot {row.lot}"
        elif not is_whole(price) or price <= 0:
            problems[f"prices.{item_id}"] = "must be a whole number of paise above zero"
        elif price > row.before_prices[item_id]:
            problems[f"prices.{item_id}"] = (f"must not be above your price before this round "
                                             f"({rupees_text(row.before_prices[item_id])})")
    for item_id in row.before_prices:
        if item_id not in prices:
            problems[f"prices.{item_id}"] = "give a price for every item of the lot"
    if problems:
        raise validation_failed(problems)
    if prices == row.before_prices:
        raise validation_failed({"prices": "lower at least one price, or decline the round"})
    return {item_id: prices[item_id] for item_id in row.before_prices}


def answer(session: Session, caller: Caller, bid_id: str, negotiation_id: str, body: Any, now: datetime) -> Negotiation:
    if caller.firm is None:
        raise forbidden("Only the seller asked can answer a negotiation round.")
    bid = bids.bid_for(session, caller, bid_id, lock=True)
    canonical = bids.parse_id(negotiation_id)
    row = None
    if canonical is not None:
        row = session.scalars(select(Negotiation).where(Negotiation.id == canonical, Negotiation.bid_id == bid.id,
                                                        Negotiation.seller_firm_id == caller.firm).with_for_update()).first()
    if row is None:
        raise not_found("There is no such negotiation round addressed to you on this bid.")
    if row.status == "lapsed" or (row.status == "open" and now >= row.due_at):
        raise ApiError(409, "round_lapsed", f"This round lapsed at {ist_text(row.due_at)} (server time); "
                                            "your price stands as it was.")
    if row.status != "open":
        raise ApiError(409, "round_closed", f"You have {row.status} this round already.")
    _require_financial_evaluation(bid)
    prices = _answer_body(body, row)
    alias = bids._seller_alias(row.seller_firm_id)
    if prices is None:
        act_as(session, caller.actor, "negotiation.declined")
        row.status = "declined"
        row.answered_at = now
        bids._touch(bid, now)
        bids._event(session, bid, caller, "negotiation declined", now,
                    f"round {row.round} on lot {row.lot}: {alias} keeps its price")
        session.flush()
        return row
    act_as(session, caller.actor, "negotiation.answered")
    row.status = "answered"
    row.answered_at = now
    row.prices = prices
    quantities = _quantities(bid)
    offer = _offer(session, bid, row.seller_firm_id, lock=True)
    offer.items = {item_id: ({**quote, "unit_price_paise": prices[item_id]} if item_id in prices else quote)
                   for item_id, quote in offer.items.items()}
    offer.version += 1
    offer.receipt = bids._seal(offer)
    # Answers to match invitations were given at the old L1 price: asked again at the new one,
    # by a new deadline. Who is asked does not change: the bands stay measured from the prices
    # as opened (domain/evaluation.py).
    matching.clear(session, bid, row.lot)
    bids._audit_offer(session, caller, offer, "offer.negotiated", now)
    bids._evaluate(session, bid, now)
    bids._touch(bid, now)
    bids._event(session, bid, caller, "negotiated", now,
                f"round {row.round} on lot {row.lot}: {alias} lowered its price from "
                f"{rupees_text(_total(row.before_prices, quantities))} to {rupees_text(_total(prices, quantities))}")
    session.flush()
    return row


# --- time, and the award ------------------------------------------------------------------


def _lapse(session: Session, bid: Bid, row: Negotiation, now: datetime, why: str | None = None) -> None:
    """`why` when the round ends before its time (the bid's offers lapsed with it)."""
    row.status = "lapsed"
    bids._touch(bid, now)
    why = why or f"{bids._seller_alias(row.seller_firm_id)} did not answer by {ist_text(row.due_at)}"
    bids._event(session, bid, None, "negotiation lapsed", now, f"round {row.round} on lot {row.lot}: {why}")


def _lapse_due(session: Session, bid: Bid, now: datetime) -> None:
    """Lapse this bid's rounds past their time (the step would, a few seconds later), as the
    system, before the caller's own change. The bid is locked by the caller."""
    due = list(session.scalars(select(Negotiation).where(Negotiation.bid_id == bid.id, Negotiation.status == "open",
                                                         Negotiation.due_at <= now).with_for_update()))
    if due:
        act_as(session, SYSTEM, "negotiation.lapsed")
        for row in due:
            _lapse(session, bid, row, now)
        session.flush()


def step(session: Session, now: datetime) -> list[str]:
    """Every open round past its time lapses; idempotent."""
    session.flush()  # what the caller changed before is written under its own actor
    done: list[str] = []
    bid_ids = sorted(set(session.scalars(select(Negotiation.bid_id).where(Negotiation.status == "open",
                                                                        Negotiation.due_at <= now))))
    for bid_id in bid_ids:
        # The bid first, then its rounds: the order an answer takes its locks in.
        bid = session.scalars(select(Bid).where(Bid.id == bid_id).with_for_update()).one()
        due = list(session.scalars(select(Negotiation).where(Negotiation.bid_id == bid_id, Negotiation.status == "open",
                                                             Negotiation.due_at <= now).with_for_update()))
        if due:
            act_as(session, SYSTEM, "negotiation.lapsed")
        for row in due:
            _lapse(session, bid, row, now)
            done.append(f"{bid.number} negotiation round {row.round} on lot {row.lot} lapsed")
    session.flush()
    return done


def refuse_award_while_open(session: Session, bid: Bid, now: datetime) -> None:
    """Called by the award (the bid locked): overdue rounds lapse first; an open one stops it."""
    _refuse_while_open(session, bid, now, "award")


def refuse_auction_while_open(session: Session, bid: Bid, now: datetime) -> None:
    """Called when a reverse auction is scheduled (the bid locked): its start price is the L1
    price, which an open round may still lower."""
    _refuse_while_open(session, bid, now, "schedule the reverse auction")


def _refuse_while_open(session: Session, bid: Bid, now: datetime, doing: str) -> None:
    _lapse_due(session, bid, now)
    current = _open_round(session, bid)
    if current is not None:
        raise ApiError(409, "negotiation_open", f"Round {current.round} of negotiation on lot {current.lot} is open "
                                                f"until {ist_text(current.due_at)}: {doing} once the seller has "
                                                "answered or the round has lapsed.",
                       extra={"negotiation_id": current.id})
