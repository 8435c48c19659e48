"""The outbox's table: the user's own changes waiting for the server, in the order made.

It lives in its own file (outbox.sqlite), apart from the rebuildable cache, so throwing the
cache away never touches unsynced work.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class OutboxBase(DeclarativeBase):
    pass


class OutboxOp(OutboxBase):
    __tablename__ = "ops"
    __table_args__ = (Index("ix_ops_state", "state", "seq"), Index("ix_ops_listing", "listing_id", "seq"))

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    listing_id: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)  # create | update | retire
    # create: every editable field; update: only the changed ones; retire: nothing.
    fields: Mapped[str] = mapped_column(Text, default="{}")
    submit: Mapped[int] = mapped_column(Integer, default=0)
    # The listing's editable fields as the user saw them when editing (for a field merge).
    base: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The version the change applies to; NULL: the version an earlier op of this listing made.
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    idempotency_key: Mapped[str] = mapped_column(String)
    # pending: not claimed by a push yet (a new edit may still join it). sent: claimed by a
    # push, frozen as it was then, resent with the same key until answered (the server
    # replays its answer). done, conflict, rejected, discarded: see app/outbox.py.
    state: Mapped[str] = mapped_column(String, default="pending")
    theirs: Mapped[str | None] = mapped_column(Text, nullable=True)  # the server's listing on a conflict
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # {"code", "message", "fields"}
    result_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[str] = mapped_column(String)
    updated_at: Mapped[str] = mapped_column(String)
    # The server's answer (the listing as it now is), kept with the op from the moment it is
    # done until the cache has it (`applied`), so a crash in between cannot leave the
    # seller's view, and the next edit's version, behind what the server acknowledged.
    # Last, as ALTER TABLE added them to files made before: every file has one column order.
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    applied: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class OutboxState(OutboxBase):
    """Facts about the outbox as a whole: whose changes it holds ("owner": user@server)."""

    __tablename__ = "outbox_state"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class QueuedRequest(OutboxBase):
    """A buying-cycle write (a bid, its approval, an offer, an answer to a match invitation)
    waiting for the server, in the order made. See app/procurement.py."""

    __tablename__ = "requests"
    __table_args__ = (Index("ix_requests_state", "state", "seq"), Index("ix_requests_entity", "entity", "seq"))

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String)  # "bid:<id>" or "offer:<id>": what the request changes
    action: Mapped[str] = mapped_column(String)  # draft | edit | send_for_approval | approve | ... (for people)
    method: Mapped[str] = mapped_column(String)
    path: Mapped[str] = mapped_column(String)
    body: Mapped[str | None] = mapped_column(Text, nullable=True)
    # 1: sent with If-Match, the entity's version: `base_version`, or (NULL) the version the
    # entity's previous request produced.
    versioned: Mapped[int] = mapped_column(Integer, default=0)
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    idempotency_key: Mapped[str] = mapped_column(String)
    state: Mapped[str] = mapped_column(String, default="pending")  # pending | sent | done | rejected | discarded
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # {"code", "message", "fields"}
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)  # the server's answer, once done
    result_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[str] = mapped_column(String)
    updated_at: Mapped[str] = mapped_column(String)


class CartLine(OutboxBase):
    """A listing in a buyer's cart, as it was seen when added (app/cart.py). Kept per user of
    this computer (`owner`: user@server, like the outbox's), so one user never sees, or
    orders, another's cart."""

    __tablename__ = "cart_lines"

    owner: Mapped[str] = mapped_column(String, primary_key=True)
    listing_id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    brand: Mapped[str] = mapped_column(String)
    seller_id: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[int] = mapped_column(Integer)
    unit_price_paise: Mapped[int] = mapped_column(Integer)  # the price the buyer saw
    quantity: Mapped[int] = mapped_column(Integer)
    min_order_qty: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)  # the cart lists its lines in the order added
    added_at: Mapped[str] = mapped_column(String)  # UTC ISO
