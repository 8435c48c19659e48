"""The rules every write obeys: a feed position in commit order, a new version, an audit event.

ORM writes get all three automatically from a `before_flush` hook, so no endpoint can change
a listing without them; a flush of an audited object with no actor on the session is refused.
Bulk Core writes (the demo seed) call `take_feed_positions` and `append_audit` themselves.

Why a counter row and not a sequence or a timestamp: both are taken when a write starts, not
when it commits, so on PostgreSQL a feed reader can pass a row that commits a moment later and
lose it for good (ProZorro measured 2.25% of feed reads affected). Updating one counter row
takes a row lock held until commit, so positions are handed out in commit order: once a
reader sees position N committed, nothing at or below N can still appear. The same lock
orders the audit hash chain. The cost is that writers serialise for the last instant of
their transaction, which a marketplace's write rate allows.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, event, inspect, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from domain.listing import BUYER_VISIBLE
from domain.timefmt import iso_utc, utc_now
from server.db.models import (
    Auction,
    AuctionBid,
    AuditChain,
    AuditEvent,
    Bid,
    Brand,
    BuyerOrg,
    Category,
    FeedState,
    Listing,
    MatchInvitation,
    MatchResponse,
    Negotiation,
    PurchaseOrder,
    SealedAuditEvent,
    SellerFirm,
    User,
)

GENESIS_HASH = "0" * 64

# Entity types whose every change is audited, by class.
AUDITED: dict[type, str] = {
    Listing: "listing",
    User: "user",
    BuyerOrg: "buyer_org",
    SellerFirm: "seller_firm",
    Category: "category",
    Brand: "brand",
    Bid: "bid",
    MatchResponse: "match_response",
    MatchInvitation: "match_invitation",
    Negotiation: "negotiation",
    PurchaseOrder: "order",
    Auction: "auction",  # its rules as scheduled, each extension and the close
    AuctionBid: "auction_bid",  # every accepted bid (the event log is derived from these)
}
# Offers are audited by hand, with a salted digest (server/services/bids.py): a plain digest
# of a sealed offer's state could be searched for its price.
# Never in a digest: secrets stay out of the trail.
_NOT_DIGESTED = {"password_hash"}


class MissingActor(RuntimeError):
    """An audited change was flushed without saying who made it."""


@dataclass(frozen=True)
class Actor:
    """Who makes a change, as the audit trail records it."""

    user_id: int | None
    username: str
    role: str
    org: str | None  # "buyer_org:3" | "seller_firm:7" | None

    @classmethod
    def of(cls, user: User) -> "Actor":
        org = None
        if user.buyer_org_id is not None:
            org = f"buyer_org:{user.buyer_org_id}"
        elif user.seller_firm_id is not None:
            org = f"seller_firm:{user.seller_firm_id}"
        return cls(user.id, user.username, user.role, org)


SYSTEM = Actor(None, "system", "system", None)


def act_as(session: Session, actor: Actor, action: str | None = None) -> None:
    """Say who makes the changes this session will flush, and optionally the action name."""
    session.info["actor"] = actor
    session.info["action"] = action


def act_for(session: Session, obj: Any, actor: Actor, action: str) -> None:
    """Say who makes this one object's change, where one flush carries several people's
    (the bids of a batch, server/services/auctions.py `take_bids`)."""
    session.info.setdefault("actor_of", {})[id(obj)] = (actor, action)


def canonical_json(data: Any) -> str:
    def default(value: Any) -> Any:
        if isinstance(value, datetime):
            return iso_utc(value)
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot digest {type(value).__name__}")

    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=default)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_of(obj: Any) -> dict[str, Any]:
    """An ORM object's column values, minus secrets, as the digest sees them."""
    mapper = inspect(obj).mapper
    return {
        attr.key: getattr(obj, attr.key)
        for attr in mapper.column_attrs
        if attr.key not in _NOT_DIGESTED
    }


def take_feed_positions(conn: Connection, count: int) -> tuple[int, str]:
    """Reserve `count` feed positions; returns (first position, last audit hash).

    Locks the feed_state row until the transaction ends (see module docstring).
    """
    row = conn.execute(
        update(FeedState)
        .where(FeedState.id == 1)
        .values(last_seq=FeedState.last_seq + count)
        .returning(FeedState.last_seq, FeedState.last_audit_hash)
    ).one()
    return row.last_seq - count + 1, row.last_audit_hash


def append_audit(
    conn: Connection,
    prev_hash: str,
    *,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: str,
    digest: str,
    at: datetime | None = None,
) -> str:
    """Write one audit event chained to `prev_hash`; returns the new chain head.

    The caller must hold the feed_state lock (`take_feed_positions`) and store the returned
    head with `set_chain_head` before commit.
    """
    return append_audits(conn, prev_hash, [(actor, action, entity_type, entity_id, digest)], at)


def append_audits(conn: Connection, prev_hash: str, entries: list[tuple[Actor, str, str, str, str]],
                  at: datetime | None = None) -> str:
    """`append_audit` for several events, (actor, action, entity type, entity id, digest) each,
    chained in order and written in one statement; returns the new chain head."""
    at = at or utc_now()
    rows = []
    for actor, action, entity_type, entity_id, digest in entries:
        body = {
            "at": iso_utc(at),
            "actor_user_id": actor.user_id,
            "actor_username": actor.username,
            "actor_role": actor.role,
            "actor_org": actor.org,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "digest": digest,
        }
        new_hash = sha256_hex(prev_hash + canonical_json(body))
        rows.append({**body, "at": at, "prev_hash": prev_hash, "hash": new_hash})
        prev_hash = new_hash
    if rows:
        conn.execute(AuditEvent.__table__.insert(), rows)
    return prev_hash


def set_chain_head(conn: Connection, head: str) -> None:
    conn.execute(update(FeedState).where(FeedState.id == 1).values(last_audit_hash=head))


# --- sealed chains --------------------------------------------------------------------------
#
# A sealed offer's events must not be countable before its bid opens, by anyone: not by ids
# (the main trail's ids would jump), not by the main chain (a prev_hash that does not match
# the event shown before it), not by when the main trail moves. So they are kept out of the
# main trail altogether, in a chain of their own per bid ("bid:<id>"), numbered within it.
# Writing one touches nothing but that chain's rows: not audit_events, not its id sequence,
# not feed_state. When the bid stops taking offers (its close, or its cancellation) the
# chain's length and head are written into the main trail as one event
# (`commit_sealed_chain`), the same single event however many offers there were, and its
# digest says nothing without the chain: each event's digest is an offer's salted receipt.
# From the opening on, the chain is read beside the main trail; a verifier checks it link by
# link and against that commitment, so a period's trail verifies without a gap.


def sealed_chain_name(bid_id: str) -> str:
    return f"bid:{bid_id}"


def sealed_event_body(chain: str, seq: int, at: datetime, actor: Actor, action: str, entity_type: str,
                      entity_id: str, digest: str) -> dict[str, Any]:
    """What a sealed event's hash covers: the main trail's fields plus its place in its chain,
    so an event cannot be moved to another chain or position."""
    return {"chain": chain, "seq": seq, "at": iso_utc(at), "actor_user_id": actor.user_id,
            "actor_username": actor.username, "actor_role": actor.role, "actor_org": actor.org,
            "action": action, "entity_type": entity_type, "entity_id": entity_id, "digest": digest}


def _lock_chain(conn: Connection, chain: str) -> AuditChain:
    """The chain's row, created at its first event, locked until the transaction ends."""
    table = AuditChain.__table__
    insert = sqlite_insert(table) if conn.dialect.name == "sqlite" else postgresql_insert(table)
    conn.execute(insert.values(name=chain, length=0, head=GENESIS_HASH).on_conflict_do_nothing())
    return conn.execute(select(AuditChain.length, AuditChain.head).where(AuditChain.name == chain)
                        .with_for_update()).one()


def append_sealed(conn: Connection, chain: str, *, actor: Actor, action: str, entity_type: str, entity_id: str,
                  digest: str, at: datetime) -> None:
    """One event at the end of a sealed chain (under the chain row's lock)."""
    row = _lock_chain(conn, chain)
    seq = row.length + 1
    body = sealed_event_body(chain, seq, at, actor, action, entity_type, entity_id, digest)
    new_hash = sha256_hex(row.head + canonical_json(body))
    conn.execute(SealedAuditEvent.__table__.insert().values(
        {**body, "at": at, "prev_hash": row.head, "hash": new_hash}))
    conn.execute(update(AuditChain).where(AuditChain.name == chain).values(length=seq, head=new_hash))


def sealed_commitment(chain: str, length: int, head: str) -> str:
    """The digest of the main trail's event that closes a sealed chain."""
    return sha256_hex(canonical_json({"chain": chain, "length": length, "head": head}))


def commit_sealed_chain(session: Session, chain: str, actor: Actor, at: datetime) -> None:
    """Write the chain's length and head into the main trail: from here on the main chain
    vouches for every sealed event, and nothing more can join the chain unseen."""
    session.flush()
    conn = session.connection()
    row = _lock_chain(conn, chain)
    _, head = take_feed_positions(conn, 0)
    head = append_audit(conn, head, actor=actor, action="offers.sealed_chain_closed", entity_type="sealed_chain",
                        entity_id=chain, digest=sealed_commitment(chain, row.length, row.head), at=at)
    set_chain_head(conn, head)


def ensure_feed_state(conn: Connection) -> None:
    """The single feed_state row exists (created by the first migration; this is for tests)."""
    if conn.execute(select(FeedState.id).where(FeedState.id == 1)).first() is None:
        conn.execute(FeedState.__table__.insert().values(id=1, last_seq=0, horizon_seq=0, last_audit_hash=GENESIS_HASH))


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, flush_context, instances) -> None:
    """Give changed listings their version and feed position; note what to audit."""
    changed = [(obj, "created") for obj in session.new if type(obj) in AUDITED] + [
        (obj, "updated")
        for obj in session.dirty
        if type(obj) in AUDITED and session.is_modified(obj, include_collections=False)
    ]
    deleted = [(obj, "deleted") for obj in session.deleted if type(obj) in AUDITED]
    if not changed and not deleted:
        return
    actor: Actor | None = session.info.get("actor")
    own = session.info.get("actor_of", {})
    if actor is None and not all(id(obj) in own for obj, _ in changed + deleted):
        raise MissingActor("audited change without an actor: call server.db.trail.act_as() first")

    now = utc_now()
    listings = [obj for obj, _ in changed if isinstance(obj, Listing)]
    first_seq, head = take_feed_positions(session.connection(), len(listings))
    for offset, listing in enumerate(listings):
        listing.feed_seq = first_seq + offset
        listing.updated_at = now
        if inspect(listing).pending:
            listing.version = 1
            listing.created_at = now
        else:
            listing.version = (listing.version or 0) + 1
        if listing.status in BUYER_VISIBLE:
            listing.published_once = True
    # Deleted rows lose their state in the flush: digest them now.
    gone = [(AUDITED[type(obj)], str(_identity(obj)), how, sha256_hex("deleted")) for obj, how in deleted]
    session.info["_audit"] = (actor, now, head, changed, gone)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, flush_context) -> None:
    """Audit what the flush wrote, now that new rows have their ids."""
    pending = session.info.pop("_audit", None)
    if pending is None:
        return
    actor, now, head, changed, gone = pending
    action = session.info.get("action")
    own = session.info.pop("actor_of", {})
    conn = session.connection()
    entries = [
        (AUDITED[type(obj)], str(_identity(obj)), how, sha256_hex(canonical_json(state_of(obj))),
         *own.get(id(obj), (actor, action)))
        for obj, how in changed
    ] + [(*entry, actor, action) for entry in gone]
    head = append_audits(conn, head, [(who, what or f"{entity_type}.{how}", entity_type, entity_id, digest)
                                      for entity_type, entity_id, how, digest, who, what in entries], now)
    set_chain_head(conn, head)


def _identity(obj: Any) -> Any:
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return key[0] if len(key) == 1 else "/".join(map(str, key))
