"""The buyer's cart: catalogue listings chosen for one direct purchase decision, kept on this
computer until the buyer sends them for approval.

The cart lives in the outbox file (app/models/outbox.py, `cart_lines`), so it survives a
restart and works offline, and each line keeps the listing as the buyer saw it (price, stock,
minimum order) for the total and the quantity limits. Lines belong to the user of this
computer who added them (the outbox's owner), so a colleague signing in on the same computer
sees an empty cart, not someone else's.

The whole cart is one purchase decision under GFR 2017 Rule 149: its total must be within the
direct purchase limit in force today (domain/buying_modes.py), else the buyer buys by L1
purchase or bid. Checkout queues one direct purchase per seller (an order is on one seller)
holding all that seller's lines, in the same outbox transaction that empties the cart: a
crash leaves either the cart as it was and nothing queued, or every order queued and the
cart empty. The server checks every line and the total again (docs/api.md, "Direct and L1
purchases").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from sqlalchemy import delete, func, select

from app.models.outbox import CartLine as CartRow
from app.outbox import Outbox
from app.procurement import Procurement
from domain.buying_modes import Advice, NoRuleSet, Route, advise
from domain.money import rupees_text
from domain.timefmt import IST, iso_utc, utc_now

MAX_LINES_PER_ORDER = 50  # the server's limit for one order's lines


class CartError(ValueError):
    """What stops a cart change or a checkout, as a sentence for the buyer."""


@dataclass(frozen=True)
class CartLine:
    """A cart line as plain data (safe to hand to another thread)."""

    listing_id: str
    title: str
    brand: str
    seller_id: int
    category_id: int
    unit_price_paise: int
    quantity: int
    min_order_qty: int
    stock: int
    added_at: str

    @property
    def total_paise(self) -> int:
        return self.unit_price_paise * self.quantity

    @classmethod
    def of(cls, row: CartRow) -> "CartLine":
        return cls(row.listing_id, row.title, row.brand, row.seller_id, row.category_id, row.unit_price_paise,
                   row.quantity, row.min_order_qty, row.stock, row.added_at)


def today() -> date:
    """The date in India: the rule set in force is chosen by it."""
    return utc_now().astimezone(IST).date()


def by_seller(lines: list[CartLine]) -> dict[int, list[CartLine]]:
    """The lines grouped into orders: one per seller, sellers in the order first added."""
    orders: dict[int, list[CartLine]] = {}
    for line in lines:
        orders.setdefault(line.seller_id, []).append(line)
    return orders


class Cart:
    def __init__(self, outbox: Outbox) -> None:
        self._outbox = outbox

    def _owner(self) -> str:
        return self._outbox.owner() or ""

    def _row(self, session, owner: str, listing_id: str) -> CartRow | None:
        return session.get(CartRow, (owner, listing_id))

    # -- changing ---------------------------------------------------------------------------

    def add(self, listing: Mapping[str, Any], quantity: int | None = None) -> CartLine:
        """Put a catalogue listing (the API's Listing shape) in the cart: `quantity`, or its
        minimum order. A listing already there gets the quantity added to its line, and the
        line takes the listing as seen now (its price may have changed since)."""
        minimum = max(1, int(listing.get("min_order_qty") or 1))
        stock = int(listing.get("stock") or 0)
        if stock < minimum:
            raise CartError(f"{listing['title']} cannot be bought now: {stock} in stock, and the seller's "
                            f"minimum order is {minimum}.")
        owner = self._owner()
        with self._outbox.transaction() as session:
            row = self._row(session, owner, listing["id"])
            wanted = (row.quantity if row else 0) + (quantity or minimum)
            _check_quantity(listing["title"], wanted, minimum, stock)
            if row is None:
                last = session.scalar(select(func.max(CartRow.position)).where(CartRow.owner == owner))
                row = CartRow(owner=owner, listing_id=listing["id"], position=(last or 0) + 1,
                              added_at=iso_utc(utc_now()))
                session.add(row)
            row.title, row.brand, row.seller_id = listing["title"], listing.get("brand") or "", int(listing["seller_id"])
            row.category_id, row.unit_price_paise = int(listing["category_id"]), int(listing["price_paise"])
            row.min_order_qty, row.stock, row.quantity = minimum, stock, wanted
            session.flush()
            return CartLine.of(row)

    def set_quantity(self, listing_id: str, quantity: int) -> CartLine:
        owner = self._owner()
        with self._outbox.transaction() as session:
            row = self._row(session, owner, listing_id)
            if row is None:
                raise CartError("That listing is no longer in the cart.")
            _check_quantity(row.title, quantity, row.min_order_qty, row.stock)
            row.quantity = quantity
            return CartLine.of(row)

    def remove(self, listing_id: str) -> None:
        owner = self._owner()
        with self._outbox.transaction() as session:
            session.execute(delete(CartRow).where(CartRow.owner == owner, CartRow.listing_id == listing_id))

    def clear(self) -> None:
        owner = self._owner()
        with self._outbox.transaction() as session:
            session.execute(delete(CartRow).where(CartRow.owner == owner))

    # -- reading ----------------------------------------------------------------------------

    def lines(self) -> list[CartLine]:
        """The lines in the order they were added."""
        owner = self._owner()
        with self._outbox.transaction() as session:
            rows = session.scalars(_lines_of(owner))
            return [CartLine.of(row) for row in rows]

    def count(self) -> int:
        return len(self.lines())

    def total_paise(self) -> int:
        return sum(line.total_paise for line in self.lines())

    # -- buying -----------------------------------------------------------------------------

    def problem(self, lines: list[CartLine], district: str, on: date | None = None) -> str | None:
        """Why these lines cannot be sent for approval as a direct purchase, or None."""
        if not lines:
            return "The cart is empty: add listings from the catalogue first."
        if not district.strip():
            return "Enter the consignee's district."
        total = sum(line.total_paise for line in lines)
        try:
            advice = advise(total, on or today())
        except NoRuleSet as error:
            return str(error)
        if Route.DIRECT_PURCHASE not in advice.allowed:
            return over_the_limit(advice)
        crowded = [seller for seller, own in by_seller(lines).items() if len(own) > MAX_LINES_PER_ORDER]
        if crowded:
            return (f"One order holds at most {MAX_LINES_PER_ORDER} listings, and one seller has more in the cart: "
                    "send some of them in a second cart.")
        return None

    def checkout(self, procurement: Procurement, district: str, on: date | None = None) -> list[str]:
        """Queue one direct purchase per seller for the approving officer and empty the cart,
        in one transaction; the ids of the orders, in the order of the sellers in the cart.
        CartError (the sentence to show) when the cart cannot be bought directly."""
        district = " ".join(district.split())
        owner = self._owner()
        with self._outbox.transaction() as session:
            rows = session.scalars(_lines_of(owner))
            lines = [CartLine.of(row) for row in rows]
            problem = self.problem(lines, district, on)
            if problem is not None:
                raise CartError(problem)
            order_ids = [procurement.purchase_lines([(line.listing_id, line.quantity) for line in own], district,
                                                    session=session)
                         for own in by_seller(lines).values()]
            session.execute(delete(CartRow).where(CartRow.owner == owner))
            return order_ids


def over_the_limit(advice: Advice) -> str:
    limit = advice.rule_set.direct_limit_paise
    return (f"The cart's total, {rupees_text(advice.value_paise)}, is above the direct purchase limit of "
            f"{rupees_text(limit)} (GFR 2017 Rule 149; {advice.rule_set.order.citation}). The whole cart is one "
            "purchase: buy it by L1 purchase or bid, or take items out of the cart.")


def _lines_of(owner: str):
    return select(CartRow).where(CartRow.owner == owner).order_by(CartRow.position)


def _check_quantity(title: str, quantity: int, minimum: int, stock: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise CartError("The quantity must be a whole number.")
    if quantity < minimum:
        raise CartError(f"The seller's minimum order for {title} is {minimum}.")
    if quantity > stock:
        raise CartError(f"Only {stock} of {title} are in stock.")
