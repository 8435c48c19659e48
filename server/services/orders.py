"""Orders from placing to payment (domain.md section 6), and their timeline.

Lifecycle (docs/api.md, "Orders"):

    awaiting_approval -> returned                 direct and L1 purchases (server/services/purchases.py)
    awaiting_approval -> placed                   the approving officer approves; a bid's award places at once
    placed -> accepted | declined                 the seller answers within 5 days
    accepted -> delivered -> received -> paid     received: the CRAC (Consignee Receipt and Acceptance Certificate)

Who: the order's seller accepts, declines (saying why) and marks it delivered; a buyer or an
approving officer of the ordering office issues the CRAC when the goods arrive and records the
payment, due `payment_days` after the CRAC. A seller hears of an order once it is placed, and
never of one awaiting approval or returned.

Time: the server's clock alone decides. Direct orders are accepted by the system when placed
(GeM: "mostly auto-accepted"); `step`, run with the bids' step on the server's schedule, accepts
an L1 or bid order the seller has not answered 5 days after placing, and issues the CRAC of a
direct order up to Rs 25,000 21 days after delivery if the office has not. Both take effect at
the moment they fell due, so a late tick changes no date. Paying after the due date costs the
buyer 1% of the order's value a month, by the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.money import rupees_text
from domain.timefmt import IST, iso_utc, ist_text
from server.db.models import Bid, BuyerOrg, OrderEvent, PurchaseOrder, SellerFirm
from server.db.trail import SYSTEM, act_as, take_feed_positions
from server.errors import ApiError, forbidden, not_found
from server.services.caller import Caller
from server.services.text import parse_id, remark_from

ANSWER_WITHIN = timedelta(days=5)  # the seller accepts or declines within 5 days of placing
AUTO_CRAC_AFTER = timedelta(days=21)
AUTO_CRAC_UP_TO_PAISE = 25_000_00  # direct orders up to Rs 25,000
PURCHASE_PAYMENT_DAYS = 10  # payment due within 10 days of the CRAC; a bid may set longer
LATE_INTEREST_DAYS_PER_PERCENT = 30  # 1% a month, pro rata by day
NOT_THE_SELLERS_YET = ("awaiting_approval", "returned")
OFFICE_ROLES = ("buyer", "approver")


# --- reading ------------------------------------------------------------------------------


def can_see(caller: Caller, order: PurchaseOrder) -> bool:
    if caller.is_admin:
        return True
    if caller.buyer_org_id is not None:
        return caller.buyer_org_id == order.buyer_org_id
    if caller.firm is not None:
        return caller.firm == order.seller_firm_id and order.status not in NOT_THE_SELLERS_YET
    return False


def order_for(session: Session, caller: Caller, order_id: str, lock: bool = False) -> PurchaseOrder:
    """The order, if the caller may see it; 404 otherwise (never saying whether it exists)."""
    canonical = parse_id(order_id)
    order = None
    if canonical is not None:
        query = select(PurchaseOrder).where(PurchaseOrder.id == canonical)
        order = session.scalars(query.with_for_update() if lock else query).first()
    if order is None or not can_see(caller, order):
        raise not_found("There is no such order, or it is not one you may see.")
    return order


def payment_due_at(order: PurchaseOrder) -> datetime | None:
    return order.received_at + timedelta(days=order.payment_days) if order.received_at else None


def late_interest_paise(order: PurchaseOrder, now: datetime) -> int:
    """What paying late costs the buyer: 1% of the value a month, for each whole day past the
    due date, up to the payment (or up to now while unpaid)."""
    due = payment_due_at(order)
    if due is None:
        return 0
    days_late = ((order.paid_at or now) - due).days
    return order.total_paise * days_late // (100 * LATE_INTEREST_DAYS_PER_PERCENT) if days_late > 0 else 0


def _iso(moment: datetime | None) -> str | None:
    return iso_utc(moment) if moment else None


def order_json(session: Session, order: PurchaseOrder, now: datetime, *, for_seller: bool = False) -> dict[str, Any]:
    """An order as served. The seller's firm is named once the order is placed (the buyer has
    decided to buy; a returned purchase never was); a seller does not read the office's own
    approval remark."""
    bid = session.get(Bid, order.bid_id) if order.bid_id else None
    org = session.get(BuyerOrg, order.buyer_org_id)
    firm = session.get(SellerFirm, order.seller_firm_id)
    due = payment_due_at(order)
    remark = None if for_seller and order.status == "placed" else order.remark
    return {
        "id": order.id, "number": order.number, "mode": order.mode, "bid_id": order.bid_id,
        "bid_number": bid.number if bid else None, "title": bid.title if bid else (order.lines or [{}])[0].get("item"),
        "buyer_org_id": order.buyer_org_id, "buyer_office": org.office,
        "buyer": {"ministry_or_state": org.ministry_or_state, "department": org.department,
                  "organisation": org.organisation, "office": org.office, "district": org.district},
        "seller_id": order.seller_firm_id, "seller_name": None if order.status in NOT_THE_SELLERS_YET else firm.name,
        "category_id": order.category_id, "consignee_district": order.consignee_district, "lines": order.lines,
        "total_paise": order.total_paise, "comparison": order.comparison, "reason": order.reason,
        "status": order.status, "remark": remark, "created_at": iso_utc(order.created_at),
        "placed_at": _iso(order.placed_at), "accepted_at": _iso(order.accepted_at),
        "delivered_at": _iso(order.delivered_at), "received_at": _iso(order.received_at),
        "paid_at": _iso(order.paid_at), "payment_days": order.payment_days, "payment_due_at": _iso(due),
        "late_interest_paise": late_interest_paise(order, now),
    }


def as_seen_by(session: Session, caller: Caller, order: PurchaseOrder, now: datetime) -> dict[str, Any]:
    return order_json(session, order, now, for_seller=caller.firm is not None)


def orders_for(session: Session, caller: Caller, now: datetime, status: str | None = None) -> list[dict[str, Any]]:
    """The office's orders, or the seller's from placing on; newest first."""
    query = select(PurchaseOrder).order_by(PurchaseOrder.created_at.desc(), PurchaseOrder.id)
    if caller.buyer_org_id is not None:
        query = query.where(PurchaseOrder.buyer_org_id == caller.buyer_org_id)
    elif caller.firm is not None:
        query = query.where(PurchaseOrder.seller_firm_id == caller.firm,
                            PurchaseOrder.status.not_in(NOT_THE_SELLERS_YET))
    elif not caller.is_admin:
        raise forbidden("Your role has no orders to see.")
    if status:
        query = query.where(PurchaseOrder.status == status)
    return [as_seen_by(session, caller, o, now) for o in session.scalars(query.limit(1000))]


# The events that place an order: a seller's view of the timeline starts there.
PLACING = ("approved and placed", "placed")


def history(session: Session, caller: Caller, order_id: str) -> list[dict[str, Any]]:
    """The order's timeline. The office sees all of it. A seller sees it from the placing on,
    the office's people as "the buyer" and without the office's approval remark."""
    order = order_for(session, caller, order_id)
    events = list(session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)))
    if caller.firm is None:
        return [{"at": iso_utc(e.at), "at_text": ist_text(e.at), "who": e.actor_username, "role": e.actor_role,
                 "action": e.action, "note": e.note} for e in events]
    start = next((n for n, e in enumerate(events) if e.action in PLACING), len(events))
    shown = []
    for e in events[start:]:
        office = e.actor_role in OFFICE_ROLES
        placing = e.action in PLACING
        shown.append({"at": iso_utc(e.at), "at_text": ist_text(e.at), "who": "" if office else e.actor_username,
                      "role": "buyer" if office else e.actor_role, "action": "placed" if placing else e.action,
                      "note": None if placing and e.action != "placed" else e.note})
    return shown


# --- writing ------------------------------------------------------------------------------


def record(session: Session, order: PurchaseOrder, caller: Caller | None, action: str, at: datetime,
           note: str | None = None) -> None:
    """One line of the order's timeline (None: the system did it)."""
    session.add(OrderEvent(order_id=order.id, at=at, actor_username=caller.username if caller else "system",
                           actor_role=caller.role if caller else "system", action=action, note=note))


def _next_number(session: Session, now: datetime) -> str:
    """GEMC-<year>-<six digits>, counted within the year (in India's time). The feed
    counter's row lock, held to commit, numbers concurrent placings one at a time (SQLite
    writers are one at a time anyway); the unique constraint is the backstop."""
    take_feed_positions(session.connection(), 0)
    session.flush()  # orders numbered earlier in this transaction count too
    prefix = f"GEMC-{now.astimezone(IST).year}-"
    count = session.scalar(select(func.count()).select_from(PurchaseOrder)
                           .where(PurchaseOrder.number.like(prefix + "%"))) or 0
    return f"{prefix}{count + 1:06d}"


def place(session: Session, order: PurchaseOrder, caller: Caller, now: datetime, *, payment_days: int,
          action: str = "placed", note: str | None = None, remark: str | None = None) -> None:
    """Send the order to its seller: its number, the time, the payment days and the timeline
    (`note`; `remark` is the deciding officer's, kept on the order). A direct order is accepted
    by the system there and then. The caller has said what the audit trail records
    (`act_as`); a new order is added to the session here, numbered."""
    order.number = _next_number(session, now)  # first: its flush must not write half a placing
    order.remark = remark
    order.status = "placed"
    order.placed_at = now
    order.payment_days = payment_days
    session.add(order)
    session.flush()  # the order's row before its timeline's
    record(session, order, caller, action, now, note)
    if order.mode == "direct":
        _accept_automatically(session, order, now, "direct orders are accepted when placed")


def _accept_automatically(session: Session, order: PurchaseOrder, at: datetime, why: str) -> None:
    session.flush()  # what came before is audited as its own actor's
    act_as(session, SYSTEM, "order.auto_accepted")
    note = f"Accepted automatically: {why}."
    order.status = "accepted"
    order.accepted_at = at
    order.remark = note
    record(session, order, None, "accepted", at, note)


@dataclass(frozen=True)
class Step:
    """One step of an order after placing, taken by its seller or by the ordering office."""

    verb: str
    before: str
    after: str
    by: str  # seller | office
    doing: str  # for "Only ... can <doing>."
    rule: str  # why the step cannot be taken in another status
    remark_required: bool = False
    stamp: str | None = None  # the order's time column the step sets


STEPS = {step.verb: step for step in (
    Step("accept", "placed", "accepted", "seller", "accept it",
         "only a placed order the seller has not answered yet can be accepted", stamp="accepted_at"),
    Step("decline", "placed", "declined", "seller", "decline it",
         "only a placed order the seller has not answered yet can be declined", remark_required=True),
    Step("deliver", "accepted", "delivered", "seller", "mark it delivered",
         "only an order the seller has accepted can be marked delivered", stamp="delivered_at"),
    Step("receive", "delivered", "received", "office", "issue its CRAC",
         "the CRAC is issued once the seller has marked the order delivered", stamp="received_at"),
    Step("pay", "received", "paid", "office", "record its payment",
         "an order is paid after its CRAC", stamp="paid_at"),
)}


def _status_text(status: str) -> str:
    return status.replace("_", " ")


def _require_party(caller: Caller, order: PurchaseOrder, step: Step) -> None:
    if step.by == "seller":
        if caller.firm is None or caller.firm != order.seller_firm_id:
            raise forbidden(f"Only the seller the order is placed with can {step.doing}.")
    elif caller.role not in OFFICE_ROLES or caller.buyer_org_id != order.buyer_org_id:
        raise forbidden(f"Only a buyer or an approving officer of the ordering office can {step.doing}.")


def take_step(session: Session, caller: Caller, order_id: str, verb: str, body: Any, now: datetime) -> PurchaseOrder:
    """accept | decline | deliver | receive | pay, with the body's remark (a decline needs one)."""
    step = STEPS[verb]
    order = order_for(session, caller, order_id, lock=True)
    _require_party(caller, order, step)
    if order.status == step.after:
        raise ApiError(409, "wrong_state", f"This order is {step.after} already.")
    if order.status != step.before:
        raise ApiError(409, "wrong_state", f"This order is {_status_text(order.status)}: {step.rule}.")
    if step.verb == "decline" and order.placed_at and now >= order.placed_at + ANSWER_WITHIN:
        raise ApiError(409, "wrong_state", f"The {ANSWER_WITHIN.days} days to answer this order ended on "
                                           f"{ist_text(order.placed_at + ANSWER_WITHIN)}: it is accepted automatically.")
    remark = remark_from(body, required=step.remark_required)
    act_as(session, caller.actor, f"order.{step.after}")
    order.status = step.after
    order.remark = remark
    if step.stamp:
        setattr(order, step.stamp, now)
    note = remark
    if step.verb == "receive":
        due = payment_due_at(order)
        note = "; ".join(filter(None, [remark, f"payment due by {ist_text(due)}"]))
    record(session, order, caller, step.after, now, note)
    return order


# --- time ---------------------------------------------------------------------------------


def step(session: Session, now: datetime) -> list[str]:
    """Every order change due at `now`; idempotent. One line per change, for the log.

    Both sets of orders are locked before anything is written: a write takes the feed
    counter's lock, and taking an order's lock after it could deadlock with a party's step on
    that order (which locks the order first, then the counter)."""
    done: list[str] = []
    session.flush()  # changes made before in this transaction keep their own actor and action
    unanswered = list(session.scalars(select(PurchaseOrder).where(
        PurchaseOrder.status == "placed", PurchaseOrder.placed_at <= now - ANSWER_WITHIN).with_for_update()))
    waiting = list(session.scalars(select(PurchaseOrder).where(
        PurchaseOrder.mode == "direct", PurchaseOrder.status == "delivered",
        PurchaseOrder.total_paise <= AUTO_CRAC_UP_TO_PAISE,
        PurchaseOrder.delivered_at <= now - AUTO_CRAC_AFTER).with_for_update()))
    for order in unanswered:
        _accept_automatically(session, order, order.placed_at + ANSWER_WITHIN,
                              f"the seller did not accept or decline within {ANSWER_WITHIN.days} days")
        done.append(f"{order.number} accepted automatically")
    session.flush()
    act_as(session, SYSTEM, "order.auto_received")
    for order in waiting:
        order.status = "received"
        order.received_at = order.delivered_at + AUTO_CRAC_AFTER
        note = (f"CRAC issued automatically {AUTO_CRAC_AFTER.days} days after delivery: a direct order up to "
                f"{rupees_text(AUTO_CRAC_UP_TO_PAISE)} the office did not act on; "
                f"payment due by {ist_text(payment_due_at(order))}")
        order.remark = note
        record(session, order, None, "received", order.received_at, note)
        done.append(f"{order.number} received automatically (CRAC)")
    session.flush()
    return done
