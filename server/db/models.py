"""The marketplace's tables.

Money is integer paise (BigInteger); times are UTC. Every change of a listing increments its
`version` and takes a new `feed_seq` (see `server/db/feed.py`); every state change writes an
audit event in the same transaction (see `server/db/audit.py`).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator):
    """Stores naive UTC (portable across SQLite and PostgreSQL), returns aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class BuyerOrg(Base):
    """A government buyer office: ministry or state, department, organisation, office."""

    __tablename__ = "buyer_orgs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ministry_or_state: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200))
    office: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100))


class SellerFirm(Base):
    """A registered seller. Its name stays hidden from buyers until a purchase."""

    __tablename__ = "seller_firms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    mse_class: Mapped[str] = mapped_column(String(10))  # micro | small | medium | none
    udyam_number: Mapped[str | None] = mapped_column(String(40))
    women_owned: Mapped[bool] = mapped_column(Boolean, default=False)
    scst_owned: Mapped[bool] = mapped_column(Boolean, default=False)
    nature: Mapped[str] = mapped_column(String(20))  # manufacturer | trader | service_provider
    state: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100))


class User(Base):
    """A person who signs in. One role, in one organisation (buyer office or seller firm)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # buyer | approver | seller | admin
    buyer_org_id: Mapped[int | None] = mapped_column(ForeignKey("buyer_orgs.id"))
    seller_firm_id: Mapped[int | None] = mapped_column(ForeignKey("seller_firms.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class AuthToken(Base):
    """An access or refresh token, stored only as a SHA-256 digest.

    Refresh tokens rotate: using one marks it used and issues a new pair in the same
    `family`. Presenting a used refresh token again means it was stolen or replayed, so the
    whole family is revoked.
    """

    __tablename__ = "auth_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # access | refresh
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    family: Mapped[str] = mapped_column(String(36), index=True)
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class LoginFailure(Base):
    """A sign-in attempt being checked, or a failed one kept for the lock-out window (per user
    name and per address)."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(index=True)
    # False while its password is being checked (server/services/auth.py): counted, not yet a failure.
    checked: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Base):
    """A node of the category tree. Leaf categories hold listings and name key parameters."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_hi: Mapped[str] = mapped_column(String(200))
    is_service: Mapped[bool] = mapped_column(Boolean, default=False)
    # [{"name", "label_en", "label_hi", "kind", "unit", "choices"}]: see domain.listing.KeyParam
    key_params: Mapped[list[Any]] = mapped_column(default=list)


class Brand(Base):
    """Listings of a registered brand publish at once; others wait for an admin's approval."""

    __tablename__ = "brands"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    registered: Mapped[bool] = mapped_column(Boolean, default=False)


class Listing(Base):
    """A seller's product listing (domain.md section 5)."""

    __tablename__ = "listings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-made UUID
    seller_firm_id: Mapped[int] = mapped_column(ForeignKey("seller_firms.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    title: Mapped[str] = mapped_column(String(200))
    brand: Mapped[str] = mapped_column(String(200))
    model: Mapped[str] = mapped_column(String(200))
    key_specs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    other_specs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    country_of_origin: Mapped[str] = mapped_column(String(100))
    local_content_pct: Mapped[int] = mapped_column(Integer)
    mrp_paise: Mapped[int] = mapped_column(BigInteger)
    price_paise: Mapped[int] = mapped_column(BigInteger)
    stock: Mapped[int] = mapped_column(Integer)
    min_order_qty: Mapped[int] = mapped_column(Integer, default=1)
    delivery_districts: Mapped[list[Any]] = mapped_column(default=list)
    delivery_pincodes: Mapped[list[Any]] = mapped_column(default=list)
    images: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20))
    reject_reason: Mapped[str | None] = mapped_column(Text)
    # Once a buyer may have seen it, hiding it again must travel to buyers as a tombstone.
    published_once: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Position in the change feed; assigned at commit time in commit order (server/db/feed.py).
    feed_seq: Mapped[int] = mapped_column(BigInteger, unique=True)

    # A filtered first pull walks one category's listings in feed order.
    __table_args__ = (Index("ix_listings_category_seq", "category_id", "feed_seq"),)


class FeedState(Base):
    """One row: the last feed position handed out, and the tombstone horizon.

    Updating this row is how a transaction takes its feed positions; the row lock it holds
    until commit makes positions follow commit order on PostgreSQL (no cursor can pass a
    row that commits later). A cursor below `horizon_seq` must resync: tombstones before it
    have been purged.
    """

    __tablename__ = "feed_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    horizon_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_audit_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class _TrailEvent:
    """What every event of a hash chain records: who, what, which entity, its digest, and the
    link to the event before (the main trail's and each sealed chain's alike)."""

    actor_user_id: Mapped[int | None] = mapped_column(Integer)
    actor_username: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    actor_org: Mapped[str | None] = mapped_column(String(60))  # "buyer_org:3" | "seller_firm:7"
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditEvent(_TrailEvent, Base):
    """Append-only trail of every state change (database triggers refuse UPDATE and DELETE).

    `digest` is the SHA-256 of the entity's new state as canonical JSON; `hash` chains each
    event to the previous one so that a removed or altered event shows.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)

    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_id"),)


class AuditChain(Base):
    """A sealed chain's head: "bid:<bid id>" holds the events of the bid's offers while it is
    sealed (server/db/trail.py `append_sealed`). Appending locks this row."""

    __tablename__ = "audit_chains"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    length: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))


class SealedAuditEvent(_TrailEvent, Base):
    """An event of a sealed chain: numbered within its chain only, so that writing one moves
    nothing anybody can see before the bid opens (append-only, like audit_events)."""

    __tablename__ = "sealed_audit_events"

    chain: Mapped[str] = mapped_column(String(60), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]


class IdempotencyRecord(Base):
    """The stored answer to a write sent with an Idempotency-Key (per user)."""

    __tablename__ = "idempotency_records"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # in_flight | done
    status_code: Mapped[int | None] = mapped_column(Integer)
    response: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(index=True)


class Bid(Base):
    """A buyer's bid (domain.md section 2), from draft to award.

    The bid row never changes because of an offer: its version, its timestamps and its
    audit events say nothing about how many offers it has before opening.
    """

    __tablename__ = "bids"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-made UUID
    number: Mapped[str | None] = mapped_column(String(40), unique=True)  # given at publishing
    buyer_org_id: Mapped[int] = mapped_column(ForeignKey("buyer_orgs.id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))  # goods | services
    method: Mapped[str] = mapped_column(String(20))  # total_value | item_wise | group_wise
    packets: Mapped[int] = mapped_column(Integer)  # 1: single packet; 2: technical, then financial
    # [{"id", "name", "category_id", "key_specs", "consignees": [{"district", "quantity", "delivery_days"}]}]
    items: Mapped[list[Any]] = mapped_column(default=list)
    groups: Mapped[list[Any]] = mapped_column(default=list)  # [{"id", "name", "items": [item ids]}]
    quantity_splittable: Mapped[bool] = mapped_column(Boolean, default=True)
    estimated_value_paise: Mapped[int] = mapped_column(BigInteger)
    end_at: Mapped[datetime]
    opening_at: Mapped[datetime]
    offer_validity_days: Mapped[int] = mapped_column(Integer)
    min_offers: Mapped[int] = mapped_column(Integer)
    extension_days: Mapped[int] = mapped_column(Integer)
    extensions_done: Mapped[int] = mapped_column(Integer, default=0)
    emd: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"mode", "amount_paise", "mse_startup_exempt"}
    epbg_bp: Mapped[int] = mapped_column(Integer, default=0)
    mse_preference: Mapped[dict[str, Any]] = mapped_column(default=dict)
    mii_preference: Mapped[dict[str, Any]] = mapped_column(default=dict)
    ra_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    ra_rule: Mapped[str | None] = mapped_column(String(40))
    payment_days: Mapped[int] = mapped_column(Integer, default=10)  # after CRAC (domain.md section 6)
    status: Mapped[str] = mapped_column(String(30), index=True)
    opened_at: Mapped[datetime | None]
    evaluation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class BidEvent(Base):
    """A bid's timeline as people read it: who did what, when and why (the audit trail holds
    the tamper-evident record of the same changes)."""

    __tablename__ = "bid_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    bid_id: Mapped[str] = mapped_column(ForeignKey("bids.id"), index=True)
    at: Mapped[datetime]
    actor_username: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class Offer(Base):
    """A seller's sealed offer on a bid. Its prices are seen by nobody but the seller until
    the bid opens; its audit events carry a salted digest, so even the trail cannot be
    searched for a price."""

    __tablename__ = "offers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-made UUID
    bid_id: Mapped[str] = mapped_column(ForeignKey("bids.id"), index=True)
    seller_firm_id: Mapped[int] = mapped_column(ForeignKey("seller_firms.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))  # submitted | withdrawn
    # {item id: {"unit_price_paise", "listing_id", "compliance": {param: value}}}
    items: Mapped[dict[str, Any]] = mapped_column(default=dict)
    local_content_pct: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[datetime]
    withdrawals: Mapped[int] = mapped_column(Integer, default=0)
    receipt: Mapped[str] = mapped_column(String(64))  # salted SHA-256 of what was submitted
    seal_salt: Mapped[str] = mapped_column(String(64))
    technical_status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | accepted | rejected
    technical_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ux_offers_bid_seller", "bid_id", "seller_firm_id", unique=True),)


class MatchResponse(Base):
    """A seller's answer to an invitation to match L1 under a purchase preference."""

    __tablename__ = "match_responses"

    bid_id: Mapped[str] = mapped_column(ForeignKey("bids.id"), primary_key=True)
    seller_firm_id: Mapped[int] = mapped_column(ForeignKey("seller_firms.id"), primary_key=True)
    lot: Mapped[str] = mapped_column(String(40), primary_key=True)
    accepted: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]


class MatchInvitation(Base):
    """An invitation to match L1 under a purchase preference (server/services/matching.py):
    made when the evaluation first invites the seller in the lot; `answered` by its deadline,
    or `lapsed` (and then counted as declined)."""

    __tablename__ = "match_invitations"

    bid_id: Mapped[str] = mapped_column(ForeignKey("bids.id"), primary_key=True)
    seller_firm_id: Mapped[int] = mapped_column(ForeignKey("seller_firms.id"), primary_key=True)
    lot: Mapped[str] = mapped_column(String(40), primary_key=True)
    invited_at: Mapped[datetime]
    due_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(10))  # open | answered | lapsed


class PurchaseOrder(Base):
    """An order on a seller: from a bid's award, or a direct or L1 purchase (which waits for
    the approving officer first)."""

    __tablename__ = "orders"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))  # bid | direct | l1
    bid_id: Mapped[str | None] = mapped_column(ForeignKey("bids.id"), index=True)
    buyer_org_id: Mapped[int] = mapped_column(ForeignKey("buyer_orgs.id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    seller_firm_id: Mapped[int] = mapped_column(ForeignKey("seller_firms.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    consignee_district: Mapped[str | None] = mapped_column(String(100))
    # [{"item", "listing_id", "quantity", "unit_price_paise", "total_paise", "rule"}]
    lines: Mapped[list[Any]] = mapped_column(default=list)
    total_paise: Mapped[int] = mapped_column(BigInteger)
    # An L1 purchase: the comparison the buyer ordered from (ranked listings, OEMs), as checked.
    comparison: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)  # why fewer than three OEMs
    # awaiting_approval | returned | placed | accepted | declined | delivered | received | paid
    status: Mapped[str] = mapped_column(String(20), index=True)
    remark: Mapped[str | None] = mapped_column(Text)  # the latest decision's (approver, seller, consignee)
    created_at: Mapped[datetime]
    number: Mapped[str | None] = mapped_column(String(40), unique=True)  # given when placed
    placed_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]  # the CRAC
    paid_at: Mapped[datetime | None]
    payment_days: Mapped[int] = mapped_column(Integer, default=10)  # payment due this long after CRAC


class OrderEvent(Base):
    """An order's timeline as people read it (the audit trail holds the tamper-evident record)."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    at: Mapped[datetime]
    actor_username: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class BidCategory(Base):
    """Which categories a bid buys, so a seller's "bids for me" is one indexed query."""

    __tablename__ = "bid_categories"

    bid_id: Mapped[str] = mapped_column(ForeignKey("bids.id"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), primary_key=True, index=True)


class Negotiation(Base):
    """One round of negotiation with a lot's L1 seller after the financial opening (at most
    five per lot, 72 hours each): the buyer asks, the seller answers with prices no higher
    than before, or declines; an unanswered round lapses."""

    __tablename__ = "negotiations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    bid_id: Mapped[str] = mapped_column(ForeignKey("bids.id"), index=True)
    lot: Mapped[str] = mapped_column(String(40))
    seller_firm_id: Mapped[int] = mapped_column(ForeignKey("seller_firms.id"))
    round: Mapped[int] = mapped_column(Integer)
    asked_at: Mapped[datetime]
    due_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)  # the buyer's
    status: Mapped[str] = mapped_column(String(12))  # open | answered | declined | lapsed
    answered_at: Mapped[datetime | None]
    before_prices: Mapped[dict[str, Any]] = mapped_column(default=dict)  # item id -> unit price paise
    prices: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the seller's answer


class Auction(Base):
    """A live reverse auction (domain.md section 3), from a bid after its prices are opened.

    Its rules are columns fixed when it is scheduled (and recorded in the audit trail); only
    `end_at` and `extensions` move, by the auto-extension rule, and `status`/`result` at the
    close. `status` is stored as scheduled | closed: whether it is live is the server's clock's
    business (between start_at and end_at), so no step has to run for bidding to begin.
    """

    __tablename__ = "auctions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    bid_id: Mapped[str | None] = mapped_column(ForeignKey("bids.id", name="fk_auctions_bid_id"))  # one auction per bid
    number: Mapped[str] = mapped_column(String(40))  # GEM/<year>/R/<n>
    buyer_org_id: Mapped[int] = mapped_column(ForeignKey("buyer_orgs.id", name="fk_auctions_buyer_org_id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id", name="fk_auctions_created_by"))
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]  # the current end: the scheduled end plus the extensions earned
    scheduled_end_at: Mapped[datetime]
    start_price_paise: Mapped[int] = mapped_column(BigInteger)
    decrement_kind: Mapped[str] = mapped_column(String(10))  # amount | percent
    decrement_value: Mapped[int] = mapped_column(BigInteger)  # paise, or basis points of the start price
    visibility: Mapped[str] = mapped_column(String(20))  # rank | rank_and_l1
    extension_window_s: Mapped[int] = mapped_column(Integer)
    extension_length_s: Mapped[int] = mapped_column(Integer)
    max_extensions: Mapped[int] = mapped_column(Integer)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    # {"rule", "keep_h1_up_to", "keep_h1_if_single_oem", "mse_band_bp", "reasons": [...]}
    qualification: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reference_price_paise: Mapped[int | None] = mapped_column(BigInteger)  # the bid's estimated value
    status: Mapped[str] = mapped_column(String(12), index=True)  # scheduled | closed
    bidders: Mapped[list[Any]] = mapped_column(default=list)  # qualified "S<firm id>"
    kept_preference: Mapped[list[Any]] = mapped_column(default=list)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]

    __table_args__ = (Index("ux_auctions_bid_id", "bid_id", unique=True),
                      Index("ux_auctions_number", "number", unique=True))


class AuctionBid(Base):
    """An accepted bid in an auction: its place in the auction's order, by the server's clock."""

    __tablename__ = "auction_bids"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    auction_id: Mapped[str] = mapped_column(ForeignKey("auctions.id", name="fk_auction_bids_auction_id"))
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per auction
    bidder: Mapped[str] = mapped_column(String(20))  # "S<firm id>"
    price_paise: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime]

    __table_args__ = (Index("ux_auction_bids_auction_seq", "auction_id", "seq", unique=True),
                      Index("ix_auction_bids_auction_bidder_seq", "auction_id", "bidder", "seq"))


class AuctionEvent(Base):
    """The auction's event log, in order (seq per auction): what the live stream replays, so a
    client that reconnects resumes after the last seq it saw. Payloads hold the whole truth;
    each reader gets the part it may see (server/services/auctions.py)."""

    __tablename__ = "auction_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    auction_id: Mapped[str] = mapped_column(ForeignKey("auctions.id", name="fk_auction_events_auction_id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # scheduled | accepted | extended | closed
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime]

    __table_args__ = (Index("ux_auction_events_auction_seq", "auction_id", "seq", unique=True),)
